package etw.cluster.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import etw.sensitivity.Factor;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity.Output;
import etw.sensitivity.SobolAnalysis;

/**
 * The two sides of a clustered sensitivity analysis without a network: members evaluate blocks of rows and encode
 * them ({@link SensitivityJob#member}), the coordinator merges the answers in whatever order they arrive
 * ({@link SensitivityJob#merge}); the indices equal a local {@link SobolAnalysis#run()} bit for bit, intervals
 * included. The function is Ishigami's with two outputs, so every shape (rows, k + 2 points, outputs) is exercised.
 */
class SensitivityJobTest {
    private static final List<Output> OUTPUTS = List.of(new Output("f", "World", 2050), new Output("g", "World", 2050));

    private static SobolAnalysis analysis(int samples) {
        List<Factor> factors = List.of(Factor.uniform("x1", -Math.PI, Math.PI), Factor.uniform("x2", -Math.PI, Math.PI),
                Factor.uniform("x3", -Math.PI, Math.PI));
        return SobolAnalysis.of(factors, List.of("f", "g"), (x, run) -> new double[] {
                Math.sin(x[0]) + 7 * Math.sin(x[1]) * Math.sin(x[1]) + 0.1 * Math.pow(x[2], 4) * Math.sin(x[0]),
                x[0] * x[1] + Math.cos(x[2])}).samples(samples).seed(42).bootstrap(50).threads(2);
    }

    @Test
    void blocksEvaluatedByMembersAndMergedOutOfOrderGiveTheLocalIndices() throws Exception {
        int n = 1000;
        List<Indices> local = analysis(n).run();

        SensitivityJob job = new SensitivityJob(analysis(n), OUTPUTS, 42);
        Worker.Prepared member = SensitivityJob.member(analysis(n), "test");
        // blocks of uneven sizes, as the coordinator cuts them for some number of members, answered in shuffled order
        List<int[]> blocks = new ArrayList<>();
        Random sizes = new Random(7);
        for (int from = job.first(); from < n; ) {
            int to = Math.min(n, from + 1 + sizes.nextInt(job.blockSize(3) * 2));
            blocks.add(new int[] {from, to});
            from = to;
        }
        Collections.shuffle(blocks, new Random(11));
        long bytes = 0;
        for (int[] b : blocks) {
            byte[] answer = member.block(b[0], b[1], () -> false);
            assertEquals(12 + 8L * (b[1] - b[0]) * (3 + 2) * 2, answer.length, "8 bytes per output, point and row");
            bytes += answer.length;
            job.merge(b[0], b[1], answer);
        }
        assertTrue(bytes > 0);
        List<Indices> merged = job.result();

        assertEquals(local.size(), merged.size());
        for (int o = 0; o < local.size(); o++) {
            Indices a = local.get(o), b = merged.get(o);
            assertArrayEquals(a.s1(), b.s1());
            assertArrayEquals(a.s1Low(), b.s1Low());
            assertArrayEquals(a.s1High(), b.s1High());
            assertArrayEquals(a.st(), b.st());
            assertArrayEquals(a.stLow(), b.stLow());
            assertArrayEquals(a.stHigh(), b.stHigh());
            assertEquals(Double.doubleToRawLongBits(a.mean()), Double.doubleToRawLongBits(b.mean()));
            assertEquals(Double.doubleToRawLongBits(a.variance()), Double.doubleToRawLongBits(b.variance()));
        }
    }

    @Test
    void aMissingADoubledOrAMisshapenBlockIsAnError() throws Exception {
        SensitivityJob job = new SensitivityJob(analysis(20), OUTPUTS, 42);
        Worker.Prepared member = SensitivityJob.member(analysis(20), "test");
        job.merge(0, 10, member.block(0, 10, () -> false));
        IllegalStateException missing = assertThrows(IllegalStateException.class, job::result);
        assertTrue(missing.getMessage().contains("row 10 of 20 was never evaluated"), missing.getMessage());
        assertThrows(IOException.class, () -> job.merge(0, 10, member.block(0, 10, () -> false)));
        IOException shape = assertThrows(IOException.class, () -> job.merge(10, 20, member.block(10, 15, () -> false)));
        assertTrue(shape.getMessage().contains("expected 10 x 5 x 2"), shape.getMessage());
    }

    @Test
    void theOutputsTravelIntact() throws Exception {
        assertEquals(OUTPUTS, SensitivityJob.readOutputs(SensitivityJob.writeOutputs(OUTPUTS)));
    }

    @Test
    void aMemberStopsAtTheNextRowWhenItsCoordinatorLeft() {
        Worker.Prepared member = SensitivityJob.member(analysis(20), "test");
        assertThrows(etw.engine.RunException.class, () -> member.block(0, 20, () -> true));
    }
}
