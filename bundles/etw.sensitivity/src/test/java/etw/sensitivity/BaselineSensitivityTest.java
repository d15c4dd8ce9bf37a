package etw.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.Scenario;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** The canned baseline, run with the real models (ServiceLoader, no OSGi). */
class BaselineSensitivityTest {
    static Wiring baseline() throws Exception {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get()))
                .toList();
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        Scenario s = new ScenarioService(() -> libraries, null, ScenarioService.Access.LOCAL).load("baseline");
        return Wiring.wire(s, models);
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
                List.of(new ScenarioSensitivity.Output(ScenarioSensitivity.DEFAULT_VARIABLE, "World", 2200))));
        assertTrue(e.getMessage().contains("year 2200 is outside"), e.getMessage());
    }
}
