package etw.engine;

import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;

/**
 * When World runs with other regions, its row is the sum of theirs (RegionSum), so the models do not step World:
 * they see the other regions only, in scenario order, and World's values are still all there.
 */
class WorldNotSteppedTest {

    private static final class Seen {
        final List<String> regions = new ArrayList<>();
    }

    private static InstalledModel recorder(Seen seen) {
        ModelDescriptor.Builder b = ModelDescriptor.builder("rec", "rec");
        Output o = b.output("Secondary Energy|Electricity", "TWh/yr", "");
        return of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) {
                if (ctx.isFirstYear()) seen.regions.add(ctx.regionName(r));
                ctx.set(o, r, 10.0 * (r + 1) + (ctx.year() - ctx.firstYear()));
            }
        });
    }

    @Test
    void worldWithOtherRegionsIsNotSteppedButSummed() throws Exception {
        Seen seen = new Seen();
        Scenario s = Scenario.builder("x").regions(List.of("A", "World", "B")).years(2024, 2026).build();
        Result r = Wiring.wire(s, List.of(recorder(seen))).run(1); // one thread: one binding numbers A and B 0 and 1
        assertEquals(List.of("A", "B"), seen.regions, "World is not stepped; the others keep their order");
        assertEquals(10.0, r.value("Secondary Energy|Electricity", "A", 2024), 0);
        assertEquals(22.0, r.value("Secondary Energy|Electricity", "B", 2026), 0);
        assertEquals(30.0, r.value("Secondary Energy|Electricity", "World", 2024), 0);
        assertEquals(34.0, r.value("Secondary Energy|Electricity", "World", 2026), 0);
    }

    @Test
    void worldAloneIsStepped() throws Exception {
        Seen seen = new Seen();
        Scenario s = Scenario.builder("x").regions(List.of("World")).years(2024, 2025).build();
        Result r = Wiring.wire(s, List.of(recorder(seen))).run();
        assertEquals(List.of("World"), seen.regions);
        assertEquals(11.0, r.value("Secondary Energy|Electricity", "World", 2025), 0);
    }

    @Test
    void aValueGivenToWorldItselfIsSaidToBeUnusedUnlessItComesFromACannedScenario() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("p", "p");
        Output o = b.output("Secondary Energy|Electricity", "TWh/yr", "");
        etw.api.Parameter k = b.parameter("k", "1", 1.0, 0, 100, "a factor", "assumption");
        InstalledModel m = of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(o, r, ctx.get(k, r));
        });
        java.util.Map<String, etw.api.scenario.Trajectory> values = java.util.Map.of("World", etw.api.scenario.Trajectory.constant(50),
                "*", etw.api.scenario.Trajectory.constant(2));
        Scenario mine = Scenario.builder("x").regions(List.of("World", "A", "B")).years(2024, 2025)
                .parameter("p", "k", new etw.api.scenario.RegionalSeries(values, "mine.yaml:4:8")).build();
        Wiring w = Wiring.wire(mine, List.of(m));
        assertEquals(List.of("World is the sum of the scenario's other regions, so the value given to World itself is "
                + "not used in this run by: p/k (mine.yaml:4:8). It applies when World runs alone; to change World's "
                + "results here, change the regions' values (or '*')."), w.warnings());
        assertEquals(4.0, w.run().value("Secondary Energy|Electricity", "World", 2024), 0, "World is A + B, not 50");

        // where World is summed it needs no value of its own (the workbench's per-region changes leave it out)
        Scenario noWorld = mine.toBuilder("x").parameter("p", "k", new etw.api.scenario.RegionalSeries(
                java.util.Map.of("A", etw.api.scenario.Trajectory.constant(3), "B", etw.api.scenario.Trajectory.constant(4)),
                "overrides:1:1")).build();
        Wiring w3 = Wiring.wire(noWorld, List.of(m));
        assertEquals(List.of(), w3.warnings());
        assertEquals(7.0, w3.run().value("Secondary Energy|Electricity", "World", 2024), 0);
        WiringException alone3 = org.junit.jupiter.api.Assertions.assertThrows(WiringException.class, () -> Wiring.wire(
                noWorld.toBuilder("x").regions(List.of("World")).build(), List.of(m)));
        assertEquals("overrides:1:1: parameter 'k' of model p has no value for region World. Give one for World or for all "
                + "regions ('*').", alone3.getMessage(), "World alone still needs its value");

        Scenario canned = mine.toBuilder("x").parameter("p", "k", new etw.api.scenario.RegionalSeries(values,
                "canned:baseline:4:8")).build();
        assertEquals(List.of(), Wiring.wire(canned, List.of(m)).warnings(), "a canned scenario's World values are on purpose");
        Scenario lever = mine.toBuilder("x").parameter("p", "k", new etw.api.scenario.RegionalSeries(values,
                "overrides:1:5")).build();
        assertEquals(List.of(), Wiring.wire(lever, List.of(m)).warnings(), "a workbench lever moves World's value with the rest");
        Scenario alone = Scenario.builder("x").regions(List.of("World")).years(2024, 2025)
                .parameter("p", "k", new etw.api.scenario.RegionalSeries(values, "mine.yaml:4:8")).build();
        Wiring w2 = Wiring.wire(alone, List.of(m));
        assertEquals(List.of(), w2.warnings(), "World alone uses its value");
        assertEquals(50.0, w2.run().value("Secondary Energy|Electricity", "World", 2024), 0);
    }
}
