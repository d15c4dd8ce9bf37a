package etw.engine;

import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.Distribution;
import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Scenario;

/** An ensemble spread in blocks, through the byte encodings and merged in any order, equals the local run. */
class EnsembleBlocksTest {
    private static InstalledModel model() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("m", "m");
        Parameter share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption");
        Output x = b.output("X", "1", "");
        Output y = b.output("Y", "1", "");
        return of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) {
                ctx.set(x, r, ctx.get(share, r));
                ctx.set(y, r, Math.exp(3 * ctx.get(share, r)) * (ctx.year() - 2023));
            }
        });
    }

    @Test
    void blocksMergedInAnyOrderThroughBytesEqualTheLocalRun() throws Exception {
        Scenario s = Scenario.builder("e").years(2024, 2030).uncertain("m", "share",
                new Distribution(Distribution.Kind.NORMAL, 0.5, 0.25, 0, 1, "")).build();
        Wiring w = Wiring.wire(s, List.of(model()));
        EnsembleResult local = Ensemble.of(w).samples(2_345).seed(7).threads(2).run();

        Ensemble coordinator = Ensemble.of(w).samples(2_345).seed(7);
        EnsemblePartial total = coordinator.pilot();
        byte[] range = total.encodeRange();
        List<byte[]> parts = new ArrayList<>();
        Ensemble worker = Ensemble.of(Wiring.wire(s, List.of(model()))).samples(2_345).seed(7);
        EnsemblePartial workerRange = EnsemblePartial.decodeRange(range);
        for (int from = coordinator.pilotCount(); from < 2_345; from += 97)
            parts.add(worker.block(workerRange, from, Math.min(2_345, from + 97), () -> false).encodeCounts());
        Collections.reverse(parts);
        for (byte[] p : parts) total.mergeCounts(p);
        EnsembleResult clustered = coordinator.result(total);
        for (String v : List.of("X", "Y"))
            for (int p = 0; p < 3; p++)
                assertArrayEquals(local.series(local.indexOf(v), p, 0), clustered.series(clustered.indexOf(v), p, 0));
    }

    @Test
    void aCancelledBlockStopsAndAnIncompletePartialHasNoResult() throws Exception {
        Scenario s = Scenario.builder("e").years(2024, 2026).uncertain("m", "share", Distribution.uniform(0, 1)).build();
        Ensemble e = Ensemble.of(Wiring.wire(s, List.of(model()))).samples(500).seed(1);
        EnsemblePartial pilot = e.pilot();
        assertThrows(RunException.class, () -> e.block(pilot, 200, 300, () -> true));
        assertThrows(IllegalStateException.class, () -> e.result(pilot));
        assertThrows(IllegalArgumentException.class, () -> e.block(pilot, 100, 300, () -> false));
    }
}
