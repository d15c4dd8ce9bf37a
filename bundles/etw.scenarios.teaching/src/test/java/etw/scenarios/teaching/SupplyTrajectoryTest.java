package etw.scenarios.teaching;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.engine.InstalledModel;
import etw.engine.Wiring;
import etw.scenario.ScenarioParser;

/**
 * The canned baseline's supply side over time: fossil generation never falls faster than a stated maximum per
 * year unless a policy forces it, no region leaves demand unmet, and the hourly balance's outputs stay physical.
 */
class SupplyTrajectoryTest {
    /**
     * Most fossil generation (coal + gas + oil) may fall in a year without a policy: 10%. Assumption, above the
     * fastest national declines without a policy event (the United Kingdom's coal-to-gas switch and the EU's
     * 2023 fall in fossil generation were about 15-20% a year, both driven by carbon prices and gas prices).
     */
    static final double MAX_DECLINE = 0.10;
    /**
     * Where a carbon price is a policy in force (Europe's 70 USD/t, the EU ETS, in baseline.yaml), the stated
     * maximum is 15%: the lower end of the EU's 2023 fall in fossil generation (about 19%, Ember, European
     * Electricity Review 2024), which an ETS price and the gas-price shock drove.
     */
    static final double MAX_DECLINE_WITH_CARBON_PRICE = 0.15;
    static final double CARBON_PRICE_IN_FORCE = 50; // USD/t CO2

    private static Result result;
    private static etw.api.scenario.Scenario scenario;

    private static double carbonPrice(String region, int year) {
        var series = scenario.parameters().getOrDefault("etw.models.decarbonisation", java.util.Map.of()).get("carbon_price");
        return series == null ? 0 : series.forRegion(region).valueAt(year);
    }

    @BeforeAll
    static void runBaseline() throws Exception {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get())).toList();
        try (InputStream in = SupplyTrajectoryTest.class.getResourceAsStream("/scenarios/baseline.yaml")) {
            assertNotNull(in);
            scenario = ScenarioParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "baseline.yaml");
            result = Wiring.wire(scenario, models).run();
        }
    }

    private static double fossil(String region, int year) {
        return result.value("Secondary Energy|Electricity|Coal", region, year)
                + result.value("Secondary Energy|Electricity|Gas", region, year)
                + result.value("Secondary Energy|Electricity|Oil", region, year);
    }

    @Test
    void fossilGenerationFallsAtMostTenPercentAYearUnlessAPolicyForcesIt() {
        List<String> failures = new ArrayList<>();
        double worst = 0;
        for (String region : result.regions())
            for (int y = result.firstYear() + 1; y <= result.lastYear(); y++) {
                // Europe's coal phase-out in 2038 (baseline.yaml, coal_phase_out_year) is a policy that forces a fall
                if (region.equals("Europe") && y == 2038) continue;
                double before = fossil(region, y - 1), now = fossil(region, y);
                double decline = before > 0 ? (before - now) / before : 0;
                worst = Math.max(worst, decline);
                double limit = carbonPrice(region, y) >= CARBON_PRICE_IN_FORCE
                        ? MAX_DECLINE_WITH_CARBON_PRICE : MAX_DECLINE;
                if (decline > limit)
                    failures.add(String.format("%s %d: fossil %,.0f -> %,.0f TWh (-%.1f%%)", region, y, before, now, 100 * decline));
            }
        System.out.printf("baseline: largest one-year fall of fossil generation outside a phase-out year: %.1f%% (stated maximum 10%%, 15%% under a carbon price)%n", 100 * worst);
        assertTrue(failures.isEmpty(), "fossil generation falls faster than its stated maximum (10% a year, 15% under a carbon price):\n" + String.join("\n", failures));
    }

    @Test
    void noRegionLeavesDemandUnmetAndSharesStayPhysical() {
        for (String region : result.regions())
            for (int y = result.firstYear(); y <= result.lastYear(); y++) {
                double unmet = result.value("Secondary Energy|Electricity|Unmet Demand", region, y);
                assertTrue(unmet < 1e-6, region + " " + y + " leaves " + unmet + " TWh unmet");
                double total = result.value("Secondary Energy|Electricity", region, y);
                double curtailed = result.value("Secondary Energy|Electricity|Curtailment", region, y);
                for (String s : List.of("Solar", "Wind", "Hydro", "Nuclear", "Other", "Coal", "Gas", "Oil", "Clean Firm")) {
                    double share = result.value("Secondary Energy|Electricity|" + s, region, y) / (total + curtailed);
                    assertTrue(share >= 0 && share <= 1, region + " " + y + " " + s + " share " + share);
                }
                double gasCf = result.value("Secondary Energy|Electricity|Gas", region, y)
                        / (result.value("Capacity|Electricity|Gas", region, y) * 8.76);
                assertTrue(gasCf >= 0 && gasCf <= 0.85 + 1e-9, region + " " + y + " gas capacity factor " + gasCf);
                assertTrue(result.value("Price|Secondary Energy|Electricity", region, y) > 0, region + " " + y + " system cost");
            }
    }
}
