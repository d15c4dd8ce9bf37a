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
            {"baseline", "World and five regions 2024-2050: today's trends, no new policy"},
            {"ai-boom", "AI data-centre load at the IEA's high case: does renewable buildout keep up?"},
            {"ai-efficiency", "Faster compute efficiency, eaten by the rebound (Jevons)"},
            {"electrification-surge", "Faster electrification of cars, heat and industry on baseline supply"},
            {"net-zero-2050", "World power sector on the IPCC 1.5 C (C1) CO2 milestones"},
            {"korea-datacentres-2030", "South Korea: data centres 100% renewable by 2030 (Melon's pledge)"},
            {"korea-datacentres-2040", "South Korea: data centres 100% renewable by 2040 (Kakao's pledge)"},
            {"annual-vs-hourly-matching", "Annual certificates vs carbon matching vs 24/7 hourly matching"},
            {"ict-share-2040", "What must be true for ICT to exceed 14% of global emissions by 2040"},
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
