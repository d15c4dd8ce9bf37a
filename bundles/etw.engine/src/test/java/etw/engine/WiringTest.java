package etw.engine;

import static etw.engine.TestModels.constant;
import static etw.engine.TestModels.of;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

class WiringTest {
    private static final Scenario WORLD = Scenario.builder("t").years(2024, 2026).build();

    /** Reads {@code in} (unit TWh/yr, lag as given) and writes {@code out} = input * factor + add. */
    private static InstalledModel relay(String id, String in, int lag, double initial, String out, double factor, double add) {
        ModelDescriptor.Builder b = ModelDescriptor.builder(id, id);
        Input i = b.laggedInput(in, "TWh/yr", lag, initial, "");
        Output o = b.output(out, "TWh/yr", "");
        return of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(o, r, ctx.get(i, r) * factor + add);
        });
    }

    private static List<String> ids(Wiring w) {
        return w.order().stream().map(InstalledModel::id).toList();
    }

    @Test
    void ordersProducersBeforeConsumersWhateverTheInstallOrder() throws Exception {
        List<InstalledModel> models = new ArrayList<>(List.of(
                relay("c", "B", 0, 0, "C", 1, 1),
                constant("z", "A", "TWh/yr", 1),
                relay("b", "A", 0, 0, "B", 1, 1),
                constant("a", "Unrelated", "TWh/yr", 1)));
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(models, random);
            assertEquals(List.of("a", "z", "b", "c"), ids(Wiring.wire(WORLD, models)),
                    "dependencies first, ties broken by model id");
        }
        Result r = Wiring.wire(WORLD, models).run();
        assertEquals(3.0, r.value("C", "World", 2025));
    }

    @Test
    void laggedInputsDoNotOrderAndReadLastYearOrTheInitialValue() throws Exception {
        // a counter: X(t) = X(t-1) + 1, with X before the first year = 10
        Wiring w = Wiring.wire(WORLD, List.of(relay("counter", "X", 1, 10, "X", 1, 1)));
        Result r = w.run();
        assertArrayEquals(new double[] {11, 12, 13}, r.series(r.indexOf("X"), 0));
    }

    @Test
    void feedbackThroughALagIsLegal() throws Exception {
        // a writes A from last year's B; b writes B from this year's A
        Result r = Wiring.wire(WORLD, List.of(relay("a", "B", 1, 0, "A", 1, 1), relay("b", "A", 0, 0, "B", 2, 0))).run();
        // 2024: A = 0 + 1 = 1, B = 2; 2025: A = 3, B = 6; 2026: A = 7, B = 14
        assertArrayEquals(new double[] {1, 3, 7}, r.series(r.indexOf("A"), 0));
        assertArrayEquals(new double[] {2, 6, 14}, r.series(r.indexOf("B"), 0));
    }

    @Test
    void aCycleWithoutLagIsAnErrorThatPrintsTheCycle() {
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(WORLD, List.of(
                relay("a", "C", 0, 0, "A", 1, 0), relay("b", "A", 0, 0, "B", 1, 0), relay("c", "B", 0, 0, "C", 1, 0),
                constant("d", "D", "TWh/yr", 1))));
        assertTrue(e.getMessage().contains("cycle with no lag"), e.getMessage());
        assertTrue(e.getMessage().contains("a writes 'A', read by b"), e.getMessage());
        assertTrue(e.getMessage().contains("b writes 'B', read by c"), e.getMessage());
        assertTrue(e.getMessage().contains("c writes 'C', read by a"), e.getMessage());
        assertTrue(e.getMessage().contains("lag 1"), e.getMessage());
    }

    @Test
    void readingItsOwnOutputWithoutLagIsACycle() {
        WiringException e = assertThrows(WiringException.class,
                () -> Wiring.wire(WORLD, List.of(relay("self", "X", 0, 0, "X", 1, 1))));
        assertTrue(e.getMessage().contains("self reads its own output 'X' without a lag"), e.getMessage());
    }

    @Test
    void twoWritersOfOneVariableAreNamed() {
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(WORLD,
                List.of(constant("first", "V", "TWh/yr", 1), constant("second", "V", "TWh/yr", 2))));
        assertTrue(e.getMessage().contains("'V' is written by two models: first and second"), e.getMessage());
    }

    @Test
    void anUnwrittenParentIsTheSumOfItsWrittenChildrenRecursively() throws Exception {
        Result r = Wiring.wire(WORLD, List.of(
                constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 400),
                constant("ai", "Final Energy|Electricity|Data Centers|AI", "TWh/yr", 60), // under a written parent
                constant("h2", "Final Energy|Electricity|Hydrogen|Electrolysis", "TWh/yr", 5), // two levels down
                constant("ind", "Final Energy|Electricity|Industry", "GWh/yr", 10_000), // converted to 10 TWh/yr
                constant("other", "Final Energy|Heat", "TWh/yr", 1000), // a sibling, not a child
                relay("grid", "Final Energy|Electricity", 0, 0, "Secondary Energy|Electricity", 1, 0))).run();
        assertEquals(415.0, r.value("Secondary Energy|Electricity", "World", 2024), 1e-12);
        assertEquals(415.0, r.value("Final Energy|Electricity", "World", 2024), 1e-12, "the aggregate is in the result");
        assertEquals("aggregate", r.variables().get(r.indexOf("Final Energy|Electricity")).producer());
    }

    @Test
    void compatibleUnitsConvertAtWiring() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("reader", "reader");
        Input gw = b.input("Capacity", "GW", "");
        Input gt = b.input("Emissions", "Gt CO2/yr", "");
        Input tmwh = b.input("Intensity", "t CO2/MWh", "");
        Output o1 = b.output("Capacity out", "GW", "");
        Output o2 = b.output("Emissions out", "Gt CO2/yr", "");
        Output o3 = b.output("Intensity out", "t CO2/MWh", "");
        InstalledModel reader = of(b.build(), ctx -> {
            ctx.set(o1, 0, ctx.get(gw, 0));
            ctx.set(o2, 0, ctx.get(gt, 0));
            ctx.set(o3, 0, ctx.get(tmwh, 0));
        });
        Result r = Wiring.wire(WORLD, List.of(reader, constant("w1", "Capacity", "MW", 2500),
                constant("w2", "Emissions", "Mt CO2/yr", 14600), constant("w3", "Intensity", "g CO2/kWh", 473))).run();
        assertEquals(2.5, r.value("Capacity out", "World", 2024), 1e-12);
        assertEquals(14.6, r.value("Emissions out", "World", 2024), 1e-12);
        assertEquals(0.473, r.value("Intensity out", "World", 2024), 1e-12);
    }

    @Test
    void incompatibleUnitsNameProducerConsumerAndBothUnits() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("grid", "grid");
        Input in = b.input("Capacity|Solar", "TWh/yr", "");
        Output o = b.output("Out", "TWh/yr", "");
        InstalledModel grid = of(b.build(), ctx -> ctx.set(o, 0, ctx.get(in, 0)));
        WiringException e = assertThrows(WiringException.class,
                () -> Wiring.wire(WORLD, List.of(grid, constant("solar", "Capacity|Solar", "GW", 1))));
        assertTrue(e.getMessage().contains("model solar writes it in 'GW' but model grid reads it in 'TWh/yr'"), e.getMessage());
    }

    @Test
    void aMissingInputNamesTheModelAndTheVariable() {
        WiringException e = assertThrows(WiringException.class,
                () -> Wiring.wire(WORLD, List.of(relay("grid", "Final Energy|Electricity", 0, 0, "Out", 1, 0))));
        assertTrue(e.getMessage().contains("Model grid (bundle classpath) reads 'Final Energy|Electricity'"), e.getMessage());
        assertTrue(e.getMessage().contains("No installed bundle provides it"), e.getMessage());
        assertTrue(e.getMessage().contains("exogenous"), e.getMessage());
    }

    @Test
    void aMissingInputNamesTheInstalledModelsLeftOutOfTheScenarioThatCouldProvideIt() {
        Scenario onlyGrid = Scenario.builder("x").models(List.of("grid")).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(onlyGrid, List.of(
                relay("grid", "Final Energy|Electricity", 0, 0, "Out", 1, 0),
                constant("dc", "Final Energy|Electricity|Data Centers", "TWh/yr", 1),
                constant("heat", "Final Energy|Heat", "TWh/yr", 1))));
        assertTrue(e.getMessage().contains("Installed models that could provide it: dc (bundle classpath 0)"), e.getMessage());
        assertTrue(e.getMessage().contains("'models:'"), e.getMessage());
    }

    @Test
    void optInModelsJoinOnlyWhenTheScenarioTouchesThem() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("costly", "costly").optIn();
        Parameter p = b.parameter("p", "1", 0.5, 0, 1, "", "assumption");
        Output o = b.output("C", "1", "");
        InstalledModel costly = of(b.build(), ctx -> ctx.set(o, 0, ctx.get(p, 0)));
        List<InstalledModel> models = List.of(constant("a", "A", "TWh/yr", 1), costly);
        assertEquals(List.of("a"), ids(Wiring.wire(WORLD, models)));
        assertEquals(List.of("a", "costly"), ids(Wiring.wire(Scenario.builder("x").parameter("costly", "p", 0.2).build(), models)));
        assertEquals(List.of("costly"), ids(Wiring.wire(Scenario.builder("x").models(List.of("costly")).build(), models)));
    }

    @Test
    void aScenarioRunsOnlyTheModelsItLists() throws Exception {
        Scenario s = Scenario.builder("x").models(List.of("a")).build();
        Wiring w = Wiring.wire(s, List.of(constant("a", "A", "TWh/yr", 1), constant("b", "B", "TWh/yr", 2)));
        assertEquals(List.of("a"), ids(w));
        Scenario unknown = Scenario.builder("x").models(List.of("nope")).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(unknown, List.of(constant("a", "A", "TWh/yr", 1))));
        assertTrue(e.getMessage().contains("lists model 'nope' under models:, but it is not installed"), e.getMessage());
    }

    @Test
    void exogenousDataFeedsAnInputPerRegion() throws Exception {
        Scenario s = Scenario.builder("x").regions(List.of("A", "B")).years(2024, 2026)
                .exogenous("Demand", "GWh/yr", new RegionalSeries(Map.of(
                        "A", Trajectory.of(Map.of(2024, 1000.0, 2026, 3000.0)), "*", Trajectory.constant(500)), "f:1:1"))
                .build();
        Result r = Wiring.wire(s, List.of(relay("m", "Demand", 0, 0, "Out", 1, 0))).run();
        assertEquals(2.0, r.value("Out", "A", 2025), 1e-12, "interpolated and converted GWh to TWh");
        assertEquals(0.5, r.value("Out", "B", 2026), 1e-12);
    }

    private static InstalledModel withParameter() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("p", "p");
        Parameter share = b.parameter("share", "1", 0.5, 0, 1, "a share", "assumption");
        Output o = b.output("Share", "1", "");
        return of(b.build(), ctx -> {
            for (int r = 0; r < ctx.regionCount(); r++) ctx.set(o, r, ctx.get(share, r));
        });
    }

    @Test
    void parametersTakeDefaultsConstantsRegionsAndTrajectories() throws Exception {
        Scenario s = Scenario.builder("x").regions(List.of("A", "B")).years(2024, 2030)
                .parameter("p", "share", new RegionalSeries(Map.of(
                        "A", Trajectory.of(Map.of(2025, 0.2, 2029, 0.6)), "B", Trajectory.constant(0.9)), ""))
                .build();
        Result r = Wiring.wire(s, List.of(withParameter())).run();
        assertEquals(0.2, r.value("Share", "A", 2024), 1e-12, "flat before the first point");
        assertEquals(0.4, r.value("Share", "A", 2027), 1e-12, "interpolated");
        assertEquals(0.6, r.value("Share", "A", 2030), 1e-12, "flat after the last point");
        assertEquals(0.9, r.value("Share", "B", 2026), 1e-12);
        Result defaults = Wiring.wire(WORLD, List.of(withParameter())).run();
        assertEquals(0.5, defaults.value("Share", "World", 2025));
        assertEquals("0.5", defaults.manifest().parameters().get("p/share"));
    }

    @Test
    void outOfRangeParametersAreRejectedWithTheRange() {
        Scenario s = Scenario.builder("x").years(2024, 2030)
                .parameter("p", "share", RegionalSeries.of(Trajectory.of(Map.of(2024, 0.5, 2030, 1.2)), "s.yaml:7:12")).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(s, List.of(withParameter())));
        assertTrue(e.getMessage().startsWith("s.yaml:7:12: parameter 'share' of model p"), e.getMessage());
        assertTrue(e.getMessage().contains("outside its allowed range [0.0, 1.0] 1"), e.getMessage());
    }

    @Test
    void unknownModelsAndParametersInAScenarioAreNamed() {
        Scenario unknownParam = Scenario.builder("x").parameter("p", "shares", 0.5).build();
        WiringException e = assertThrows(WiringException.class, () -> Wiring.wire(unknownParam, List.of(withParameter())));
        assertTrue(e.getMessage().contains("model p has no parameter 'shares'. Did you mean 'share'? Its parameters: share"), e.getMessage());
        Scenario unknownModel = Scenario.builder("x").parameter("q", "share", 0.5).build();
        e = assertThrows(WiringException.class, () -> Wiring.wire(unknownModel, List.of(withParameter())));
        assertTrue(e.getMessage().contains("model 'q', but it is not installed"), e.getMessage());
    }

    @Test
    void aModelThatThrowsOrWritesNanFailsTheRunNamingModelVariableAndYear() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("bad", "bad");
        Output o = b.output("V", "TWh/yr", "");
        InstalledModel nan = of(b.build(), ctx -> ctx.set(o, 0, ctx.year() == 2025 ? Double.NaN : 1));
        RunException e = assertThrows(RunException.class, () -> Wiring.wire(WORLD, List.of(nan)).run());
        assertEquals("bad", e.modelId());
        assertEquals(2025, e.year());
        assertTrue(e.getMessage().contains("left 'V' unset or NaN for World in year 2025"), e.getMessage());

        InstalledModel inf = of(b.build(), ctx -> ctx.set(o, 0, Double.POSITIVE_INFINITY));
        e = assertThrows(RunException.class, () -> Wiring.wire(WORLD, List.of(inf)).run());
        assertTrue(e.getMessage().contains("wrote Infinity to 'V' for World in year 2024"), e.getMessage());

        InstalledModel thrower = of(b.build(), ctx -> {
            throw new IllegalStateException("boom");
        });
        e = assertThrows(RunException.class, () -> Wiring.wire(WORLD, List.of(thrower)).run());
        assertTrue(e.getMessage().contains("Model bad (bundle classpath 0) threw java.lang.IllegalStateException: boom in year 2024"),
                e.getMessage());
    }

    @Test
    void aStepThatDoesNotReturnWithinTheLimitFailsTheRunAndTheCallerCarriesOn() throws Exception {
        ModelDescriptor.Builder b = ModelDescriptor.builder("slow", "slow");
        Output o = b.output("V", "TWh/yr", "");
        InstalledModel slow = of(b.build(), ctx -> {
            if (ctx.year() == 2025) {
                while (!Thread.currentThread().isInterrupted()) Thread.onSpinWait();
            }
            ctx.set(o, 0, 1);
        });
        long t0 = System.nanoTime();
        RunException e = assertThrows(RunException.class,
                () -> Wiring.wire(WORLD, List.of(slow)).run(java.time.Duration.ofMillis(200)));
        assertTrue(e.getMessage().contains("Model slow (bundle classpath 0) did not return from its step within 200 ms in year 2025"),
                e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "the caller got control back");
        // the same wiring machinery keeps working for other runs
        assertEquals(2.0, Wiring.wire(WORLD, List.of(constant("ok", "V", "TWh/yr", 2))).run(java.time.Duration.ofSeconds(5))
                .value("V", "World", 2026));
    }

    @Test
    void sameScenarioGivesBitIdenticalResultsAndManifest() throws Exception {
        List<InstalledModel> models = List.of(constant("z", "A", "TWh/yr", 1.1), relay("b", "A", 0, 0, "B", Math.PI, 0.1));
        Result r1 = Wiring.wire(WORLD, models).run();
        Result r2 = Wiring.wire(WORLD, models).run();
        for (int v = 0; v < r1.variables().size(); v++)
            assertArrayEquals(r1.series(v, 0), r2.series(v, 0));
        assertEquals(r1.manifest().scenarioSha256(), r2.manifest().scenarioSha256());
        assertEquals(Map.of("classpath", "0"), r1.manifest().bundles());
    }
}
