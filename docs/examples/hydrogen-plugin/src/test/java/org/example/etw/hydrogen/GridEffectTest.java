package org.example.etw.hydrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * (3) The plugin in the workbench: the canned baseline with the workbench's own four model bundles, run once
 * without this model and once with it. A plugin joins only a scenario that names it (under {@code models:} or
 * {@code with:}, by setting its parameters, or with {@code --with} on the command line), so installed but not
 * named it changes nothing; named, the engine adds the new demand to {@code Final Energy|Electricity}, and the
 * supply model meets it, partly with fossil generation.
 */
class GridEffectTest {

    private static final String DEMAND = "Final Energy|Electricity";
    private static final String HYDROGEN = "Final Energy|Electricity|Hydrogen";
    private static final String EMISSIONS = "Emissions|CO2|Energy|Supply|Electricity";

    /** Installed but not named, the plugin leaves the canned baseline as it is, to the last bit. */
    @Test
    void installedButNotNamedItChangesNothing() throws Exception {
        Scenario baseline = baseline();
        Result without = Wiring.wire(baseline, models(false)).run();
        Result installed = Wiring.wire(baseline, models(true)).run();
        assertFalse(installed.has(HYDROGEN));
        for (int y = baseline.firstYear(); y <= baseline.lastYear(); y++)
            for (String region : baseline.regions())
                assertEquals(Double.doubleToLongBits(without.value(DEMAND, region, y)),
                        Double.doubleToLongBits(installed.value(DEMAND, region, y)), region + " " + y);
    }

    @Test
    void hydrogenRaisesDemandAndEmissions() throws Exception {
        // what `etw run baseline --with org.example.etw.hydrogen` runs
        Scenario baseline = baseline().toBuilder("baseline").with(List.of(ElectrolyserDemand.ID)).build();
        List<InstalledModel> workbench = models(false);
        List<InstalledModel> withHydrogen = models(true);
        assertTrue(workbench.stream().anyMatch(m -> m.id().equals("etw.models.decarbonisation")),
                "the workbench's models are on the test class path: " + workbench);
        assertEquals(workbench.size() + 1, withHydrogen.size());

        Result without = Wiring.wire(baseline(), workbench).run();
        Result with = Wiring.wire(baseline, withHydrogen).run();

        assertFalse(without.has(HYDROGEN));
        double h2 = with.value(HYDROGEN, "World", 2050);
        // the defaults (the baseline does not set this model's parameters) in each of its five regions; World is their sum
        assertEquals(5 * 1.4 * 0.5 * 8.76, h2, 1e-9);

        double before = without.value(DEMAND, "World", 2050);
        double after = with.value(DEMAND, "World", 2050);
        // exactly the hydrogen demand, up to the rounding of a sum of ~50,000 TWh (one ulp is 7e-12 TWh)
        assertEquals(before + h2, after, 1e-9, "Final Energy|Electricity rises by the electrolysers' demand");

        // in the first year the fleets are as given, so coal and gas at the margin meet the extra demand; later the
        // build-out answers it (more solar and batteries, cheaper as more are built), which can even lower CO2
        int first = baseline.firstYear();
        double co2Before = without.value(EMISSIONS, "World", first);
        double co2After = with.value(EMISSIONS, "World", first);
        assertTrue(co2After > co2Before, "power-sector CO2 in " + first + " rises: " + co2Before + " -> " + co2After
                + " Mt CO2/yr");

        // every year, not just 2050
        for (int y = baseline.firstYear(); y <= baseline.lastYear(); y++)
            assertEquals(without.value(DEMAND, "World", y) + with.value(HYDROGEN, "World", y),
                    with.value(DEMAND, "World", y), 1e-9, "demand in " + y);
    }

    /** The variant in scenarios/hydrogen-ramp.yaml (extends baseline, sets this model's parameters) runs, and the ramp shows. */
    @Test
    void theRampScenarioRuns() throws Exception {
        Scenario ramp = ScenarioParser.parse(Path.of("scenarios/hydrogen-ramp.yaml"),
                (name, variantOf) -> name.equals("baseline")
                        ? Optional.of(new ScenarioParser.Source(baselineText(), "baseline.yaml"))
                        : Optional.empty());
        Result result = Wiring.wire(ramp, models(true)).run();
        assertEquals(1.4 * 0.5 * 8.76, result.value(HYDROGEN, "World", 2024), 1e-9);
        assertEquals(60 * 0.5 * 8.76, result.value(HYDROGEN, "World", 2030), 1e-9);
        assertEquals(600 * 0.5 * 8.76, result.value(HYDROGEN, "World", 2050), 1e-9);
        Result baseline = Wiring.wire(baseline(), models(true)).run();
        assertFalse(baseline.has(HYDROGEN), "the baseline does not name the plugin");
        assertTrue(result.value(EMISSIONS, "World", 2050) > baseline.value(EMISSIONS, "World", 2050));
    }

    /** The canned baseline, from the etw.scenarios.teaching jar on the test class path. */
    private static Scenario baseline() throws Exception {
        return ScenarioParser.parse(baselineText(), "baseline.yaml");
    }

    private static String baselineText() {
        try (InputStream in = GridEffectTest.class.getResourceAsStream("/scenarios/baseline.yaml")) {
            assertNotNull(in, "/scenarios/baseline.yaml is not on the class path (etw.scenarios.teaching)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every model on the class path (their META-INF/services files), with or without this plugin's; this one is
     * installed as a plugin, as from the workbench's {@code plugins/} folder, the others as the workbench's own.
     */
    private static List<InstalledModel> models(boolean withHydrogen) {
        return ServiceLoader.load(Model.class).stream()
                .filter(p -> withHydrogen || p.type() != ElectrolyserDemand.class)
                .map(p -> p.type() == ElectrolyserDemand.class ? InstalledModel.pluginOnClasspath(p.get())
                        : InstalledModel.onClasspath(p.get()))
                .toList();
    }
}
