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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import etw.api.Model;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * World is the sum of its regions (issue 11): for every canned scenario that runs World with other regions, every
 * extensive variable of World equals the sum of the other regions to 1e-9 relative in every year, and the
 * intensive headline variables are recomputed from the sums. Which variables are extensive is decided here from
 * their units, independently of the engine: a unit this test does not know fails it, so a new unit must be
 * classified on purpose. A World-only scenario is computed directly and must still run.
 */
class WorldIsTheSumOfItsRegionsTest {
    private static final String WORLD = "World";
    private static final double RELATIVE = 1e-9;

    /** Units of quantities that add up over regions. */
    private static final Set<String> EXTENSIVE_UNITS = Set.of("TWh/yr", "GW", "GW/yr", "Mt CO2/yr", "Gt CO2",
            "million", "million/yr", "GWh", "Mt CO2", "billion USD/yr", "billion USD", "million USD/yr");
    /** Units of intensities, shares, prices and indices, recomputed from the sums. */
    private static final Set<String> INTENSIVE_UNITS = Set.of("1", "%", "g CO2/kWh", "USD/kW", "USD/kWh", "USD/MWh", "USD/t CO2");

    private static Map<String, CannedScenario> canned;
    private static List<InstalledModel> models;

    @BeforeAll
    static void load() {
        canned = new LinkedHashMap<>();
        for (CannedScenario c : new TeachingScenarios().scenarios()) canned.put(c.name(), c);
        models = new ArrayList<>();
        for (Model m : ServiceLoader.load(Model.class)) models.add(InstalledModel.onClasspath(m));
    }

    @TestFactory
    Stream<DynamicTest> everyExtensiveVariableOfWorldIsTheSumOfTheRegions() {
        return canned.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Result r = Wiring.wire(parse(name), models).run();
            List<String> regions = r.regions();
            if (!regions.contains(WORLD) || regions.size() < 2) {
                // computed directly: nothing to add up, but it ran and World (if there) is finite
                return;
            }
            List<String> parts = regions.stream().filter(x -> !x.equals(WORLD)).toList();
            List<String> failures = new ArrayList<>();
            int extensive = 0;
            for (Result.VariableInfo v : r.variables()) {
                boolean share = v.name().contains("Share") || v.name().contains("Index") || v.name().contains("Efficiency")
                        || v.name().contains("Score") || v.name().contains("Intensity");
                if (share || INTENSIVE_UNITS.contains(v.unit())) continue;
                assertTrue(EXTENSIVE_UNITS.contains(v.unit()), name + ": unit '" + v.unit() + "' of " + v.name()
                        + " is neither known extensive nor known intensive; classify it in this test and in RegionSum");
                extensive++;
                for (int y = r.firstYear(); y <= r.lastYear(); y++) {
                    double world = r.value(v.name(), WORLD, y);
                    double sum = 0;
                    for (String p : parts) sum += r.value(v.name(), p, y);
                    if (Math.abs(world - sum) > RELATIVE * Math.max(Math.abs(world), 1e-12))
                        failures.add(String.format("%s %s %d: World %.12g, sum of regions %.12g", name, v.name(), y, world, sum));
                }
            }
            assertTrue(extensive > 50, name + ": only " + extensive + " extensive variables checked");
            assertTrue(failures.isEmpty(), failures.size() + " extensive values differ:\n"
                    + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));

            for (int y = r.firstYear(); y <= r.lastYear(); y++) {
                double emissions = 0;
                double generation = 0;
                double ev = 0;
                double cars = 0;
                for (String p : parts) {
                    emissions += r.value("Emissions|CO2|Energy|Supply|Electricity", p, y);
                    generation += r.value("Secondary Energy|Electricity", p, y);
                    ev += r.value("Sales|Transportation|LDV|EV", p, y);
                    cars += r.value("Sales|Transportation|LDV", p, y);
                }
                assertEquals(emissions * 1000 / generation, r.value("Carbon Intensity|Electricity", WORLD, y),
                        1e-9 * emissions * 1000 / generation, name + " " + y + ": World carbon intensity = summed emissions / summed generation");
                assertEquals(ev / cars, r.value("Sales Share|Transportation|LDV|EV", WORLD, y), 1e-12,
                        name + " " + y + ": World EV share of car sales = summed EV sales / summed car sales");
            }
        }));
    }

    /**
     * The engine steps groups of regions in parallel threads (regions are independent); the real models must give
     * the same result bit for bit on one thread and on several.
     */
    @TestFactory
    Stream<DynamicTest> oneThreadAndSeveralGiveTheSameResultBitForBit() {
        return canned.keySet().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Wiring wiring = Wiring.wire(parse(name), models);
            Result one = wiring.run(1);
            Result several = wiring.run(java.time.Duration.ofSeconds(30), 4);
            assertEquals(one.variables(), several.variables(), name);
            for (int v = 0; v < one.variables().size(); v++)
                for (int r = 0; r < one.regions().size(); r++)
                    org.junit.jupiter.api.Assertions.assertArrayEquals(one.series(v, r), several.series(v, r),
                            name + ": " + one.variables().get(v).name() + " in " + one.regions().get(r));
        }));
    }

    /** As the CLI does: canned parents are found by name. */
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
