package etw.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** The canned baseline, run with the real models (ServiceLoader, no OSGi). */
class BaselineSensitivityTest {
    static final List<InstalledModel> MODELS = ServiceLoader.load(Model.class).stream()
            .map(p -> InstalledModel.onClasspath(p.get())).toList();

    static Scenario baselineScenario() throws Exception {
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        return new ScenarioService(() -> libraries, null, ScenarioService.Access.LOCAL).load("baseline");
    }

    /** Baseline up to 2050, the year analysed. */
    static Wiring baseline() throws Exception {
        return Wiring.wire(ScenarioSensitivity.upTo(baselineScenario(), 2050), MODELS);
    }

    /**
     * The analysis runs one wiring on several threads at once: every run must give what a lone run gives (a model
     * that kept a step's scratch in its instance once made concurrent runs differ, and fail its invariants).
     */
    @Test
    void concurrentRunsGiveWhatALoneRunGives() throws Exception {
        Wiring w = baseline();
        Result alone = w.run();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<Result>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) runs.add(pool.submit(() -> w.run()));
            for (java.util.concurrent.Future<Result> f : runs) {
                Result r = f.get();
                for (int v = 0; v < alone.variables().size(); v++)
                    for (int g = 0; g < alone.regions().size(); g++)
                        org.junit.jupiter.api.Assertions.assertArrayEquals(alone.series(v, g), r.series(v, g),
                                alone.variables().get(v).name() + " " + alone.regions().get(g));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runsStoppedAtTheYearAnalysedGiveTheSameValuesUpToIt() throws Exception {
        Scenario full = baselineScenario();
        Scenario cut = ScenarioSensitivity.upTo(full, 2050);
        assertEquals(2050, cut.lastYear());
        assertTrue(full.lastYear() > 2050, "baseline runs past 2050: " + full.lastYear());
        assertEquals(full.uncertainty(), cut.uncertainty());
        Result a = Wiring.wire(full, MODELS).run(), b = Wiring.wire(cut, MODELS).run();
        assertEquals(a.variables(), b.variables());
        int years = cut.yearCount();
        for (int v = 0; v < a.variables().size(); v++)
            for (int r = 0; r < full.regions().size(); r++) {
                double[] x = a.series(v, r), y = b.series(v, r);
                for (int t = 0; t < years; t++)
                    assertEquals(x[t], y[t], 0.0, a.variables().get(v).name() + " " + full.regions().get(r) + " " + (2024 + t));
            }
        assertTrue(ScenarioSensitivity.upTo(full, 2200) == full);
    }

    @Test
    void baselineRanksItsUncertainParametersWithIntervals() throws Exception {
        Wiring w = baseline();
        SobolAnalysis a = ScenarioSensitivity.of(w, List.of(new ScenarioSensitivity.Output(
                ScenarioSensitivity.DEFAULT_VARIABLE, "World", 2050))).samples(64).seed(1).bootstrap(100);
        int k = w.scenario().uncertainty().values().stream().mapToInt(java.util.Map::size).sum();
        assertEquals(k, a.factors().size());
        assertTrue(k >= 5, "baseline varies " + k + " parameters");
        Indices ix = a.run().get(0);
        assertTrue(ix.varies(), "power-sector CO2 in 2050 should vary with the uncertain parameters");
        List<Integer> rank = ix.ranking();
        double sumS1 = 0;
        for (int i = 0; i < k; i++) {
            assertTrue(ix.s1Low()[i] <= ix.s1High()[i] && ix.stLow()[i] <= ix.stHigh()[i]);
            // total indices are not negative; small first-order indices may be, by sampling error
            assertTrue(ix.st()[i] >= 0, ix.factors().get(i) + " ST " + ix.st()[i]);
            sumS1 += ix.s1()[i];
        }
        // the top-ranked parameter explains a clear share, with an interval that excludes zero
        int top = rank.get(0);
        assertTrue(ix.st()[top] > 0.1, "top parameter " + ix.factors().get(top) + " ST " + ix.st()[top]);
        assertTrue(ix.stLow()[top] > 0, "top parameter's interval " + ix.stLow()[top]);
        assertTrue(ix.st()[top] >= ix.st()[rank.get(k - 1)]);
        // first-order indices of an almost additive model add up to about one (and never far above)
        assertTrue(sumS1 > 0.3 && sumS1 < 1.3, "sum of S1 " + sumS1);
    }

    @Test
    void unknownOutputsAreNamedWithWhatExists() throws Exception {
        Wiring w = baseline();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioSensitivity.of(w,
                List.of(new ScenarioSensitivity.Output("Emissions|CO2|Energy|Supply|Electricty", "World", 2050))));
        assertTrue(e.getMessage().contains("did you mean 'Emissions|CO2|Energy|Supply|Electricity'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioSensitivity.of(w,
                List.of(new ScenarioSensitivity.Output(ScenarioSensitivity.DEFAULT_VARIABLE, "Mars", 2050))));
        assertTrue(e.getMessage().contains("no region 'Mars'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScenarioSensitivity.of(w,
                List.of(new ScenarioSensitivity.Output(ScenarioSensitivity.DEFAULT_VARIABLE, "World", 2300))));
        assertTrue(e.getMessage().contains("year 2300 is outside"), e.getMessage());
    }
}
