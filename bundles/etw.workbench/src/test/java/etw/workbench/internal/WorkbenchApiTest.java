package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.Model;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioParser;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** The API's logic with the real models (ServiceLoader, no OSGi) and the real canned scenarios. */
class WorkbenchApiTest {
    private static final List<InstalledModel> MODELS = ServiceLoader.load(Model.class).stream()
            .map(p -> InstalledModel.onClasspath(p.get())).toList();

    /** The resources of one workbench whose workspace is {@code folder}. */
    private record Api(RequestScenarios requests, ScenariosResource scenarios, RunsResource runs) {
        Scenario scenario(ApiRequest r) throws ApiException {
            return requests.of(r);
        }

        Responses.Run run(ApiRequest r) throws ApiException {
            return runs.run(r);
        }

        Responses.Saved save(ApiRequest r) throws ApiException {
            return scenarios.save(r);
        }
    }

    private static Api api(Path folder) {
        RequestScenarios r = new RequestScenarios(() -> MODELS, new ScenarioService(() -> List.of(new TeachingScenarios()),
                folder, ScenarioService.Access.REMOTE), true);
        return new Api(r, new ScenariosResource(r), new RunsResource(r, List::of));
    }

    private static ApiRequest body(String json) throws Exception {
        return JsonSupport.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), ApiRequest.class);
    }

    @Test
    void overridesReplaceParametersInEveryFormOfAScenarioFile(@TempDir Path dir) throws Exception {
        Scenario s = api(dir).scenario(body("""
                {"scenario": "baseline", "overrides": {"etw.models.datacenter": {
                  "pue": 1.3, "ai_base": {"World": 70, "*": 5}, "ai_compute_growth_initial": {"2024": 0.5, "2040": 0.1}}}}"""));
        var dc = s.parameters().get("etw.models.datacenter");
        assertEquals(1.3, dc.get("pue").forRegion("China").valueAt(2030));
        assertEquals(70, dc.get("ai_base").forRegion("World").valueAt(2024));
        assertEquals(5, dc.get("ai_base").forRegion("China").valueAt(2024));
        assertEquals(0.3, dc.get("ai_compute_growth_initial").forRegion("World").valueAt(2032), 1e-12);
        assertTrue(s.parameters().get("etw.models.electrification").containsKey("heat_pump_share"), "the rest of baseline stays");
    }

    @Test
    void runAnswersEveryVariableWithUnitsOrTheOnesAskedFor(@TempDir Path dir) throws Exception {
        Responses.Run all = api(dir).run(body("{\"scenario\": \"baseline\"}"));
        assertTrue(all.variables().size() > 20);
        Responses.Run one = api(dir).run(body("{\"scenario\": \"baseline\", \"variables\": [\"Final Energy|Electricity\"]}"));
        assertEquals(1, one.variables().size());
        Responses.VariableValues fe = one.variables().get(0);
        assertEquals("TWh/yr", fe.unit());
        assertEquals(6, ((List<?>) fe.values()).size());
        String json = new String(JsonSupport.write(one), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"name\":\"Final Energy|Electricity\"") && json.contains("\"scenarioSha256\""), json);
    }

    @Test
    void errorsAre4xxWithTheParsersAndTheEnginesMessages(@TempDir Path dir) throws Exception {
        Api api = api(dir);
        ApiException range = assertThrows(ApiException.class, () -> api.run(body(
                "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": {\"pue\": 7}}}")));
        assertEquals(422, range.status());
        assertTrue(range.getMessage().contains("outside its allowed range"), range.getMessage());
        assertEquals(404, assertThrows(ApiException.class, () -> api.run(body("{\"scenario\": \"nope\"}"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> api.run(body("{\"overrides\": {}}"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> api.run(body("{\"scenario\": 3}"))).status());
        assertEquals(400, assertThrows(ApiException.class, () -> body("{\"scenario\": \"a\", \"scenario\": \"b\"}")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> body("{\"scenaro\": \"baseline\"}")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> body("{\"scenario\": \"baseline\", \"samples\": 2.5}")).status());
        assertEquals(400, assertThrows(ApiException.class, () -> body("[1]")).status());
        assertEquals(422, assertThrows(ApiException.class, () -> api.run(body(
                "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": [1]}}"))).status());
    }

    @Test
    void aSavedVariantExtendsItsBaseAndLoadsAgain(@TempDir Path dir) throws Exception {
        Api api = api(dir.resolve("scenarios"));
        api.save(body("""
                {"scenario": "baseline", "file": "my-variant.yaml", "name": "my variant",
                 "overrides": {"etw.models.datacenter": {"pue": {"World": 1.2, "*": 1.4}}}}"""));
        String text = Files.readString(dir.resolve("scenarios/my-variant.yaml"));
        assertTrue(text.matches("(?s).*extends: \"?baseline\"?\n.*"), text);
        Responses.ScenarioView loaded = api.scenarios().one("my-variant.yaml");
        assertEquals("my variant", loaded.name());
        assertEquals(400, assertThrows(ApiException.class, () -> api.save(body(
                "{\"scenario\": \"baseline\", \"file\": \"../x.yaml\"}"))).status());
        assertEquals(409, assertThrows(ApiException.class, () -> api.save(body(
                "{\"scenario\": \"baseline\", \"file\": \"my-variant.yaml\"}"))).status());
    }

    @Test
    void textWithChangesIsSavedWholeAndReadsBackTheSame(@TempDir Path dir) throws Exception {
        Api api = api(dir);
        String text = "name: small\nregions: [World, China]\nyears: {first: 2024, last: 2030}\n"
                + "uncertainty:\n  etw.models.datacenter:\n    pue: {distribution: triangular, min: 1.2, mode: 1.4, max: 1.6}\n";
        Responses.Saved saved = api.save(body("{\"text\": " + FlowYaml.write(text) + ", \"file\": \"small.yaml\", "
                + "\"overrides\": {\"etw.models.datacenter\": {\"ai_base\": {\"World\": 60, \"China\": {\"2024\": 15, \"2030\": 30}}}}}"));
        Scenario back = ScenarioParser.parse(saved.text(), "saved");
        Scenario expected = api.scenario(body("{\"text\": " + FlowYaml.write(text) + ", \"name\": \"small\", "
                + "\"overrides\": {\"etw.models.datacenter\": {\"ai_base\": {\"World\": 60, \"China\": {\"2024\": 15, \"2030\": 30}}}}}"));
        assertEquals(values(expected), values(back));
        assertEquals(expected.regions(), back.regions());
        assertEquals(1.4, back.uncertainty().get("etw.models.datacenter").get("pue").a());
        assertNotEquals(0, back.lastYear() - back.firstYear());
    }

    /** The parameter settings without where they were written. */
    private static Map<String, Map<String, Object>> values(Scenario s) {
        Map<String, Map<String, Object>> out = new java.util.TreeMap<>();
        s.parameters().forEach((m, ps) -> ps.forEach((p, v) -> out.computeIfAbsent(m, k -> new java.util.TreeMap<>()).put(p, v.byRegion())));
        return out;
    }
}
