package etw.scenarios.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.Ensemble;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;
import etw.scenario.ScenarioWriter;

/**
 * Issue 14: an installed plugin never changes a canned scenario, and a variant's levers change its ensemble.
 */
class CannedScenariosAreSealedTest {
    private static final String DEMAND = "Final Energy|Electricity";
    private static final String DATA_CENTRES = "Final Energy|Electricity|Data Centers";
    private static Map<String, CannedScenario> canned;
    private static List<InstalledModel> models;

    @BeforeAll
    static void load() {
        canned = new LinkedHashMap<>();
        for (CannedScenario c : new TeachingScenarios().scenarios()) canned.put(c.name(), c);
        models = new ArrayList<>();
        for (Model m : ServiceLoader.load(Model.class)) models.add(InstalledModel.onClasspath(m));
    }

    /** A heat-pump plugin, declared to join by default, adding 13% to every region's demand. */
    private static InstalledModel heatPumpPlugin() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("acme.heatpumps", "Heat pumps").joinsByDefault();
        Output o = b.output("Final Energy|Electricity|Heat Pumps Plugin", "TWh/yr", "");
        ModelDescriptor d = b.build();
        return InstalledModel.pluginOnClasspath(new Model() {
            public ModelDescriptor descriptor() { return d; }
            public void step(StepContext ctx) {
                for (int r = 0; r < ctx.regionCount(); r++) ctx.set(o, r, 500);
            }
        });
    }

    @Test
    void everyCannedScenarioGivesTheSameNumbersWithAPluginInstalled() throws Exception {
        List<InstalledModel> withPlugin = new ArrayList<>(models);
        withPlugin.add(heatPumpPlugin());
        for (String name : canned.keySet()) {
            Result plain = Wiring.wire(parse(name), models).run();
            Result plugged = Wiring.wire(parse(name), withPlugin).run();
            assertEquals(List.of(), plugged.manifest().plugins(), name + " ran a plugin it does not name");
            assertEquals(plain.variables(), plugged.variables(), name);
            for (int v = 0; v < plain.variables().size(); v++)
                for (int r = 0; r < plain.regions().size(); r++)
                    assertTrue(Arrays.equals(plain.series(v, r), plugged.series(v, r)), name + ": " + plain.variables().get(v).name());
        }
        Scenario asked = parse("baseline").toBuilder("baseline").with(List.of("acme.heatpumps")).build();
        Result plugged = Wiring.wire(asked, withPlugin).run();
        assertEquals(List.of("acme.heatpumps (bundle classpath 0)"), plugged.manifest().plugins());
        assertTrue(plugged.value(DEMAND, "United States", 2024) > Wiring.wire(parse("baseline"), models).run()
                .value(DEMAND, "United States", 2024), "named with 'with', the plugin adds its demand");
    }

    @Test
    void aiBoomsEnsembleDiffersFromBaselinesBecauseItsLeverIsKept() throws Exception {
        EnsembleResult baseline = Ensemble.of(Wiring.wire(parse("baseline"), models)).samples(300).threads(2).run();
        EnsembleResult boom = Ensemble.of(Wiring.wire(parse("ai-boom"), models)).samples(300).threads(2).run();
        double b50 = baseline.value(DATA_CENTRES, 1, "World", 2035);
        double a50 = boom.value(DATA_CENTRES, 1, "World", 2035);
        assertTrue(a50 > 1.2 * b50, "ai-boom's median data-centre electricity in 2035 (" + a50 + " TWh) is well above "
                + "baseline's (" + b50 + " TWh)");
        assertTrue(boom.value(DATA_CENTRES, 2, "World", 2035) > boom.value(DATA_CENTRES, 0, "World", 2035) * 1.05,
                "ai-boom keeps a band: its p95 is above its p5");
        assertTrue(parse("ai-boom").uncertainty().get("etw.models.datacenter").get("ai_compute_growth_initial").scale(),
                "ai-boom's lever becomes the centre of the inherited distribution");
    }

    @Test
    void aSavedAndReloadedCannedScenarioHasTheSameManifestHashAndNumbers() throws Exception {
        for (String name : canned.keySet()) {
            Scenario original = parse(name);
            String saved = ScenarioWriter.write(original);
            Scenario reloaded = ScenarioParser.parse(saved, name + ".yaml");
            Result a = Wiring.wire(original, models).run();
            Result b = Wiring.wire(reloaded, models).run();
            assertEquals(a.manifest().scenarioSha256(), b.manifest().scenarioSha256(), name);
            for (int v = 0; v < a.variables().size(); v++)
                for (int r = 0; r < a.regions().size(); r++)
                    assertTrue(Arrays.equals(a.series(v, r), b.series(v, r)), name + ": " + a.variables().get(v).name());
        }
    }

    private static Scenario parse(String name) throws Exception {
        CannedScenario c = canned.get(name);
        assertNotNull(c, "canned scenario " + name);
        ScenarioParser.ParentResolver parents = (parent, variantOf) -> Optional.ofNullable(canned.get(parent))
                .map(p -> new ScenarioParser.Source(read(p.location()), "canned:" + p.name()));
        return ScenarioParser.parse(read(c.location()), "canned:" + name, parents);
    }

    private static String read(URL url) {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
