package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.Model;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** An export of a changed scenario carries the variant's name, in the file name and in the CSV. */
class ExportNameTest {
    private static final List<InstalledModel> MODELS = ServiceLoader.load(Model.class).stream()
            .map(p -> InstalledModel.onClasspath(p.get())).toList();

    private static RunsResource runs(Path dir) {
        return new RunsResource(new RequestScenarios(() -> MODELS, new ScenarioService(() -> List.of(new TeachingScenarios()),
                dir, ScenarioService.Access.REMOTE), true), List::of);
    }

    private static ApiRequest body(String json) throws Exception {
        return JsonSupport.read(json.getBytes(StandardCharsets.UTF_8), ApiRequest.class);
    }

    @Test
    void aChangedScenarioIsExportedUnderItsVariantsName(@TempDir Path dir) throws Exception {
        RunsResource runs = runs(dir);
        assertEquals("baseline.csv", runs.exportName(body("{\"scenario\": \"baseline\"}")));
        String changed = "{\"scenario\": \"baseline\", \"overrides\": {\"etw.models.datacenter\": {\"pue\": 1.2}}}";
        assertEquals("baseline-modified.csv", runs.exportName(body(changed)));
        assertTrue(runs.export(body(changed)).contains("\nETW,baseline-modified,World,Final Energy|Electricity,TWh/yr,"));
        String named = "{\"scenario\": \"baseline\", \"name\": \"Low PUE\", \"overrides\": {\"etw.models.datacenter\": {\"pue\": 1.2}}}";
        assertEquals("low-pue.csv", runs.exportName(body(named)));
        assertTrue(runs.export(body(named)).contains("\nETW,Low PUE,World,"));
    }
}
