package etw.engine;

import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.SoftRange;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;

/** Soft ranges: a result outside one is a warning of the run, with model, region, year and source; values are kept. */
class PlausibilityTest {
    private static final Scenario TWO = Scenario.builder("t").regions(List.of("A", "B")).years(2024, 2034).build();

    /** Data centres growing at {@code growth} a year from 10 TWh, out of a total of 100 TWh in both regions. */
    private static List<InstalledModel> models(double growth) {
        ModelDescriptor.Builder b = ModelDescriptor.builder("dc", "dc");
        Input last = b.laggedInput("Final Energy|Electricity|Data Centers", "TWh/yr", 1, 10 / (1 + growth), "");
        Output dc = b.output("Final Energy|Electricity|Data Centers", "TWh/yr", "");
        b.softRange(SoftRange.share(dc, "Final Energy|Electricity", 0.15, "assumption: test share"));
        b.softRange(SoftRange.growth(dc, 0.30, 5, "assumption: test growth"));
        b.softRange(SoftRange.level(dc, 0, 1e9, "assumption: never left"));
        InstalledModel dcModel = of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(dc, r, ctx.get(last, r) * (1 + growth));
        });
        ModelDescriptor.Builder o = ModelDescriptor.builder("other", "other");
        Output other = o.output("Final Energy|Electricity|Other", "TWh/yr", "");
        InstalledModel otherModel = of(o.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(other, r, 90);
        });
        ModelDescriptor.Builder g = ModelDescriptor.builder("grid", "grid");
        Input total = g.input("Final Energy|Electricity", "TWh/yr", "");
        Output seen = g.output("Secondary Energy|Electricity", "TWh/yr", "");
        InstalledModel grid = of(g.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(seen, r, ctx.get(total, r));
        });
        return List.of(dcModel, otherModel, grid);
    }

    @Test
    void plausibleResultsGiveNoWarning() throws Exception {
        Result r = Wiring.wire(TWO, models(0.0)).run();
        assertEquals(List.of(), r.manifest().warnings());
    }

    @Test
    void aShareAndASustainedGrowthOutOfRangeWarnOncePerRangeNamingEveryRegion() throws Exception {
        Result r = Wiring.wire(TWO, models(0.35)).run();
        List<String> w = r.manifest().warnings();
        assertEquals(2, w.size(), w.toString());
        // 10 * 1.35^n / (90 + 10 * 1.35^n) > 0.15 first when 10 * 1.35^n > 15.9: n = 2 (18.2), 2026
        assertEquals("implausible result of dc: share of Final Energy|Electricity|Data Centers in Final Energy|Electricity is "
                + "0.168 in A 2026, outside the plausible 0 to 0.150 (also B 2026); source: assumption: test share", w.get(0));
        assertTrue(w.get(1).startsWith("implausible result of dc: Final Energy|Electricity|Data Centers grows 35.0%/yr on average "
                + "in A 2024-2029, above the plausible 30%/yr sustained for 5 years (also B 2024-2029)"), w.get(1));
        assertEquals(10 * Math.pow(1.35, 10), r.value("Final Energy|Electricity|Data Centers", "A", 2034), 1e-9,
                "a warning changes no value");
    }
}
