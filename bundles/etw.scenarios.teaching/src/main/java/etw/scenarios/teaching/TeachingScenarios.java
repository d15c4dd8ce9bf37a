package etw.scenarios.teaching;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import etw.api.scenario.CannedScenario;
import etw.api.scenario.ScenarioLibrary;

/**
 * The canned scenarios shipped for modellers and teaching labs: {@code scenarios/<name>.yaml} in this bundle,
 * each with its lab sheet {@code scenarios/<name>.md}.
 */
@Component(service = ScenarioLibrary.class)
public final class TeachingScenarios implements ScenarioLibrary {
    private static final String[][] SCENARIOS = {
            {"baseline", "World 2024-2050: today's trends, no new policy"},
    };

    @Override
    public List<CannedScenario> scenarios() {
        List<CannedScenario> list = new ArrayList<>();
        for (String[] s : SCENARIOS) {
            URL url = TeachingScenarios.class.getResource("/scenarios/" + s[0] + ".yaml");
            if (url == null) throw new IllegalStateException("scenario file scenarios/" + s[0] + ".yaml missing from bundle");
            list.add(new CannedScenario(s[0], s[1], url, TeachingScenarios.class.getResource("/scenarios/" + s[0] + ".md")));
        }
        return List.copyOf(list);
    }
}
