package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** {@code POST /api/sensitivity} with the real models and the canned baseline. */
class SensitivityResourceTest {
    private static final List<InstalledModel> MODELS = ServiceLoader.load(Model.class).stream()
            .map(p -> InstalledModel.onClasspath(p.get())).toList();

    private static SensitivityResource resource() {
        return new SensitivityResource(new RequestScenarios(() -> MODELS, new ScenarioService(
                () -> List.of(new TeachingScenarios()), null, ScenarioService.Access.REMOTE), true));
    }

    private static ApiRequest body(String json) throws Exception {
        return JsonSupport.read(json.getBytes(StandardCharsets.UTF_8), ApiRequest.class);
    }

    @Test
    void ranksTheUncertainParametersOfBaseline() throws Exception {
        SensitivityResource.Answer a = resource().sensitivity(body("{\"scenario\": \"baseline\", \"samples\": 8}"));
        assertEquals("Emissions|CO2|Energy|Supply|Electricity", a.variable());
        assertEquals("World", a.region());
        assertEquals(2050, a.year());
        assertEquals(8 * 11, a.runs());
        assertEquals(9, a.rows().size());
        for (int i = 1; i < a.rows().size(); i++) assertTrue(a.rows().get(i - 1).st() >= a.rows().get(i).st());
        String json = new String(JsonSupport.write(a), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"s1Low\""), json);
    }

    @Test
    void badRequestsAreNamed() throws Exception {
        ApiException e = assertThrows(ApiException.class, () -> resource().sensitivity(body("{\"scenario\": \"baseline\", \"samples\": 5000}")));
        assertTrue(e.getMessage().contains("\"samples\" must be a whole number from 2 to 256"), e.getMessage());
        e = assertThrows(ApiException.class, () -> resource().sensitivity(body(
                "{\"scenario\": \"baseline\", \"samples\": 4, \"variables\": [\"Emissions|CO2|Nope\"]}")));
        assertTrue(e.getMessage().contains("has no variable 'Emissions|CO2|Nope'"), e.getMessage());
    }
}
