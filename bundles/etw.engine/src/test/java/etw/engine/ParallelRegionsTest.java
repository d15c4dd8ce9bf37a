package etw.engine;

import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

/**
 * A run steps groups of regions in parallel threads (regions are independent: a step depends only on its own
 * region's inputs). Whatever the number of threads, every region is stepped once a year in model order, the
 * result is the same bit for bit, and a failure is the one a single thread would have met first.
 */
class ParallelRegionsTest {
    private static final List<String> REGIONS = List.of("A", "B", "World", "C", "D", "E");

    @Test
    void groupsAreNeighboursAsEvenAsPossible() {
        int[] stepped = {0, 1, 3, 4, 5, 6};
        assertEquals(List.of(List.of(0, 1, 3), List.of(4, 5, 6)), lists(Wiring.regionGroups(stepped, 2)));
        assertEquals(List.of(List.of(0, 1), List.of(3, 4), List.of(5), List.of(6)), lists(Wiring.regionGroups(stepped, 4)));
        assertEquals(List.of(List.of(0, 1, 3, 4, 5, 6)), lists(Wiring.regionGroups(stepped, 1)));
        assertEquals(6, Wiring.regionGroups(stepped, 64).length, "never more groups than regions");
        assertEquals(List.of(List.of(2)), lists(Wiring.regionGroups(new int[] {2}, 8)));
    }

    /** A stock with a lagged feedback and a per-region parameter: enough to show any mix-up of rows or years. */
    private static List<InstalledModel> models(Map<String, AtomicInteger> steps) {
        ModelDescriptor.Builder d = ModelDescriptor.builder("demand", "demand");
        Parameter growth = d.parameter("growth", "1", 0.02, 0, 1, "growth", "test");
        Input last = d.laggedInput("Final Energy|Electricity", "TWh/yr", 1, 100, "last year");
        Output demand = d.output("Final Energy|Electricity", "TWh/yr", "");
        ModelDescriptor.Builder s = ModelDescriptor.builder("supply", "supply");
        Input need = s.input("Final Energy|Electricity", "TWh/yr", "");
        Output supply = s.output("Secondary Energy|Electricity", "TWh/yr", "");
        return List.of(of(d.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) {
                steps.computeIfAbsent(ctx.regionName(r) + " " + ctx.year(), k -> new AtomicInteger()).incrementAndGet();
                ctx.set(demand, r, ctx.get(last, r) * (1 + ctx.get(growth, r)) + Math.sqrt(ctx.year() - 2000.0));
            }
        }), of(s.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(supply, r, ctx.get(need, r) * 1.07);
        }));
    }

    private static Scenario scenario() {
        return Scenario.builder("parallel").regions(REGIONS).years(2024, 2100)
                .parameter("demand", "growth", new RegionalSeries(Map.of("A", Trajectory.constant(0.01),
                        "B", Trajectory.constant(0.02), "C", Trajectory.constant(0.03), "D", Trajectory.constant(0.04),
                        "E", Trajectory.constant(0.05), RegionalSeries.ALL_REGIONS, Trajectory.constant(0.0)), "test")).build();
    }

    @Test
    void everyThreadCountGivesTheSameResultBitForBit() throws Exception {
        Map<String, AtomicInteger> steps = new ConcurrentHashMap<>();
        Wiring wiring = Wiring.wire(scenario(), models(steps));
        Result one = wiring.run(1);
        for (int threads : new int[] {2, 3, 5, 16}) {
            assertValuesEqual(one, wiring.run(threads), threads + " threads, unguarded");
            assertValuesEqual(one, wiring.run(Duration.ofSeconds(10), threads), threads + " threads, guarded");
        }
        assertEquals(5 * 77, steps.size(), "five stepped regions, 77 years; World is summed, not stepped");
        assertTrue(steps.values().stream().allMatch(n -> n.get() == 9), "each region and year stepped once per run: " + steps);
        assertEquals(one.value("Secondary Energy|Electricity", "A", 2100) + one.value("Secondary Energy|Electricity", "B", 2100)
                + one.value("Secondary Energy|Electricity", "C", 2100) + one.value("Secondary Energy|Electricity", "D", 2100)
                + one.value("Secondary Energy|Electricity", "E", 2100),
                one.value("Secondary Energy|Electricity", "World", 2100), 1e-9 * one.value("Secondary Energy|Electricity", "World", 2100));
    }

    @Test
    void theFailureReportedIsTheOneASingleThreadMeetsFirst() throws Exception {
        // region D (second group on two threads) fails in 2030, region A (first group) in 2040: 2030 is reported
        ModelDescriptor.Builder b = ModelDescriptor.builder("fragile", "fragile");
        Output o = b.output("Secondary Energy|Electricity", "TWh/yr", "");
        InstalledModel fragile = of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) {
                String name = ctx.regionName(r);
                if (name.equals("D") && ctx.year() == 2030 || name.equals("A") && ctx.year() == 2040)
                    throw new IllegalStateException("broken in " + name);
                ctx.set(o, r, 1.0);
            }
        });
        Wiring wiring = Wiring.wire(Scenario.builder("x").regions(REGIONS).years(2024, 2050).build(), List.of(fragile));
        for (int threads : new int[] {1, 2, 6}) {
            RunException unguarded = assertThrows(RunException.class, () -> wiring.run(threads));
            RunException guarded = assertThrows(RunException.class, () -> wiring.run(Duration.ofSeconds(10), threads));
            for (RunException e : List.of(unguarded, guarded)) {
                assertEquals(2030, e.year(), threads + " threads: " + e.getMessage());
                assertTrue(e.getMessage().contains("broken in D"), e.getMessage());
            }
        }
    }

    private static void assertValuesEqual(Result expected, Result actual, String what) {
        assertEquals(expected.variables(), actual.variables(), what);
        for (int v = 0; v < expected.variables().size(); v++)
            for (int r = 0; r < REGIONS.size(); r++)
                assertArrayEquals(expected.series(v, r), actual.series(v, r),
                        what + ": " + expected.variables().get(v).name() + " " + REGIONS.get(r));
    }

    private static List<List<Integer>> lists(int[][] groups) {
        return java.util.Arrays.stream(groups).map(g -> java.util.Arrays.stream(g).boxed().toList()).toList();
    }
}
