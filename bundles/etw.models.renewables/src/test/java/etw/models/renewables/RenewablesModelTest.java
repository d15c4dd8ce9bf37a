package etw.models.renewables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.testkit.ModelHarness;

class RenewablesModelTest {

    private static final double EPS = 1e-9;

    private static final String SOLAR_CAP = "Capacity|Electricity|Solar";
    private static final String SOLAR_ADD = "Capacity Additions|Electricity|Solar";
    private static final String SOLAR_CUM = "Cumulative Capacity|Electricity|Solar";
    private static final String SOLAR_GEN = "Secondary Energy|Electricity|Solar";
    private static final String SOLAR_COST = "Capital Cost|Electricity|Solar";
    private static final String WIND_CAP = "Capacity|Electricity|Wind";
    private static final String WIND_ADD = "Capacity Additions|Electricity|Wind";
    private static final String WIND_CUM = "Cumulative Capacity|Electricity|Wind";
    private static final String WIND_GEN = "Secondary Energy|Electricity|Wind";
    private static final String WIND_COST = "Capital Cost|Electricity|Wind";

    @Test
    void additionsShrinkWhileCleanSupplyIsCurtailed() {
        // last year: 30,000 TWh generated, no fossil, 3,000 TWh curtailed: surplus share 0.1
        ModelHarness h = ModelHarness.of(new RenewablesModel()).years(2024, 2025)
                .input("Secondary Energy|Electricity", 30_000).input("Final Energy|Electricity", 27_000).input("Secondary Energy|Electricity|Coal", 0)
                .input("Secondary Energy|Electricity|Gas", 0).input("Market Value|Electricity|Solar", 0).input("Market Value|Electricity|Wind", 0).input("Levelised Cost|Electricity|New Firm", 0).input("Price|Secondary Energy|Electricity|Hourly Mean", 0).input("Secondary Energy|Electricity|Curtailment", 3_000)
                .parameter("solar_additions_growth", 0.05).parameter("solar_surplus_response", 2.0).run();
        assertEquals(452 * (1 + 0.05 - 2.0 * 0.1), h.output("Capacity Additions|Electricity|Solar", 2025), 1e-9);
    }

    /** A grid with no fossil generation: the gap term is zero and additions follow their trend. */
    private static ModelHarness noFossil(ModelHarness h) {
        return h.input("Secondary Energy|Electricity", 30_000).input("Final Energy|Electricity", 27_000).input("Secondary Energy|Electricity|Coal", 0)
                .input("Secondary Energy|Electricity|Gas", 0).input("Market Value|Electricity|Solar", 0).input("Market Value|Electricity|Wind", 0).input("Levelised Cost|Electricity|New Firm", 0).input("Price|Secondary Energy|Electricity|Hourly Mean", 0).input("Secondary Energy|Electricity|Curtailment", 0);
    }

    @Test
    void additionsGrowFasterWhileFossilCoversMoreOfTheDemand() {
        // last year: 30,000 TWh generated, 12,000 coal + 6,000 gas: fossil share 0.6
        ModelHarness h = ModelHarness.of(new RenewablesModel()).years(2024, 2026)
                .input("Secondary Energy|Electricity", 30_000).input("Final Energy|Electricity", 27_000).input("Secondary Energy|Electricity|Coal", 12_000)
                .input("Secondary Energy|Electricity|Gas", 6_000).input("Market Value|Electricity|Solar", 0).input("Market Value|Electricity|Wind", 0).input("Levelised Cost|Electricity|New Firm", 0).input("Price|Secondary Energy|Electricity|Hourly Mean", 0).input("Secondary Energy|Electricity|Curtailment", 0)
                .parameter("solar_additions_growth", 0.05).parameter("solar_gap_response", 0.1).run();
        assertEquals(452 * (1 + 0.05 + 0.1 * 0.6), h.output("Capacity Additions|Electricity|Solar", 2025), 1e-9);
        assertEquals(452 * 1.11 * 1.11, h.output("Capacity Additions|Electricity|Solar", 2026), 1e-9);
    }

    /**
     * The economic additions by hand: last year's demand growth (as generation) is shared among new solar, new wind
     * and the fossil alternative by cost^-6, each renewable's cost being its LCOE plus the mean hourly price less
     * its market value; solar takes its share, wind is held to (1 + ramp) times last year's additions.
     */
    @Test
    void additionsAreAtLeastTheEconomicShareOfTheNewEnergyNeed() {
        ModelHarness h = ModelHarness.of(new RenewablesModel()).years(2024, 2026)
                .input("Secondary Energy|Electricity", 30_000).input("Final Energy|Electricity", (r, y) -> 27_000 * Math.pow(1.2, y - 2024))
                .input("Secondary Energy|Electricity|Coal", 0).input("Secondary Energy|Electricity|Gas", 0)
                .input("Market Value|Electricity|Solar", 20).input("Market Value|Electricity|Wind", 30)
                .input("Levelised Cost|Electricity|New Firm", 150).input("Price|Secondary Energy|Electricity|Hourly Mean", 20)
                .input("Secondary Energy|Electricity|Curtailment", 0)
                .parameter("solar_additions_growth", 0.0).parameter("wind_additions_growth", 0.0)
                .parameter("economic_additions_growth_max", 2.0).run();
        // 2025: demand two years ago is before the run, so no economic term: the trend (no growth)
        assertEquals(452, h.output(SOLAR_ADD, 2025), EPS);
        assertEquals(0, h.output(SOLAR_ADD + "|Economic", 2025), EPS);
        double need = (27_000 * 1.2 - 27_000) * 30_000 / (27_000 * 1.2); // 5,000 TWh
        double vs = h.output("Levelised Cost|Electricity|Solar", 2025) + 20 - 20;
        double vw = h.output("Levelised Cost|Electricity|Wind", 2025) + 20 - 30;
        double ws = Math.pow(vs / 150, -6), ww = Math.pow(vw / 150, -6);
        double solar = need * ws / (ws + ww + 1) / (0.148 * 8.76); // nothing retires in the second year
        assertTrue(solar > 452 && solar < 3 * 452, "the case exercises the economic share: " + solar);
        assertEquals(solar, h.output(SOLAR_ADD, 2026), 1e-9 * solar);
        assertEquals(3 * 113, h.output(WIND_ADD, 2026), EPS); // its share asks for more: held to (1 + 2) * 113
        ModelHarness off = ModelHarness.of(new RenewablesModel()).years(2024, 2026)
                .input("Secondary Energy|Electricity", 30_000).input("Final Energy|Electricity", (r, y) -> 27_000 * Math.pow(1.2, y - 2024))
                .input("Secondary Energy|Electricity|Coal", 0).input("Secondary Energy|Electricity|Gas", 0)
                .input("Market Value|Electricity|Solar", 20).input("Market Value|Electricity|Wind", 30)
                .input("Levelised Cost|Electricity|New Firm", 150).input("Price|Secondary Energy|Electricity|Hourly Mean", 20)
                .input("Secondary Energy|Electricity|Curtailment", 0)
                .parameter("solar_additions_growth", 0.0).parameter("economic_build", 0).run();
        assertEquals(452, off.output(SOLAR_ADD, 2026), EPS);
    }

    /** With demand_response 1 the market grows with demand: last year's demand growth is added to the trend. */
    @Test
    void additionsGrowWithDemandWhenTheMarketFollowsIt() {
        ModelHarness h = noFossil(ModelHarness.of(new RenewablesModel()).years(2024, 2027))
                .input("Final Energy|Electricity", (r, y) -> 1000 * Math.pow(1.04, y - 2024))
                .parameter("solar_additions_growth", 0.01).parameter("solar_demand_response", 1.0).run();
        // 2025: demand two years ago (2023) is before the run, so no demand term yet
        assertEquals(452 * 1.01, h.output("Capacity Additions|Electricity|Solar", 2025), 1e-9);
        assertEquals(452 * 1.01 * 1.05, h.output("Capacity Additions|Electricity|Solar", 2026), 1e-9);
        assertEquals(452 * 1.01 * 1.05 * 1.05, h.output("Capacity Additions|Electricity|Solar", 2027), 1e-9);
        ModelHarness off = noFossil(ModelHarness.of(new RenewablesModel()).years(2024, 2027))
                .input("Final Energy|Electricity", (r, y) -> 1000 * Math.pow(1.04, y - 2024))
                .parameter("solar_additions_growth", 0.01).run();
        assertEquals(452 * Math.pow(1.01, 3), off.output("Capacity Additions|Electricity|Solar", 2027), 1e-9,
                "the default 0 leaves the trend alone");
    }

    private static ModelHarness run(int first, int last) {
        return noFossil(ModelHarness.of(new RenewablesModel()).years(first, last));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void descriptorDeclaresVariablesUnitsAndSources() {
        ModelDescriptor d = new RenewablesModel().descriptor();
        assertEquals("etw.models.renewables", d.id());
        assertFalse(d.description().isBlank());
        assertEquals(26, d.outputs().size()); // 12 of them the survival-curve stages of solar and wind
        assertEquals(32, d.inputs().size());
        assertEquals(31, d.parameters().size());
        Set<String> units = Set.of("GW", "GW/yr", "USD/kW", "TWh/yr", "1", "1/yr", "yr", "USD/kW/yr");
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9_]*"), p.name());
            assertTrue(units.contains(p.unit()), p.name() + " " + p.unit());
            assertFalse(p.source().isBlank(), p.name());
            assertFalse(p.description().isBlank(), p.name());
        }
        for (Input in : d.inputs()) {
            // demand is read with lags 1 and 2 (its growth); everything else with lag 1
            assertEquals(in.variable().equals("Final Energy|Electricity") ? in.lag() : 1, in.lag(), in.variable());
            assertTrue(in.lag() == 1 || in.lag() == 2, in.variable());
            boolean own = d.outputs().stream().anyMatch(o -> o.variable().equals(in.variable()) && o.unit().equals(in.unit()));
            assertTrue(own || in.variable().equals("Final Energy|Electricity") || in.variable().startsWith("Market Value|Electricity|") || in.variable().equals("Levelised Cost|Electricity|New Firm")
                    || in.variable().equals("Price|Secondary Energy|Electricity|Hourly Mean") || in.variable().startsWith("Secondary Energy|Electricity")
                    && !in.variable().endsWith("|Solar") && !in.variable().endsWith("|Wind"), in.variable());
        }
        assertEquals("GW", unitOf(d, SOLAR_CAP));
        assertEquals("GW/yr", unitOf(d, WIND_ADD));
        assertEquals("GW", unitOf(d, WIND_CUM));
        assertEquals("TWh/yr", unitOf(d, SOLAR_GEN));
        assertEquals("USD/kW", unitOf(d, WIND_COST));
        assertEquals("1", d.parameter("solar_capacity_factor").unit());
        assertEquals("yr", d.parameter("wind_lifetime").unit());
        assertEquals(1865, d.parameter("solar_capacity_base").defaultValue());
        assertEquals(1133, d.parameter("wind_capacity_base").defaultValue());
    }

    private static String unitOf(ModelDescriptor d, String variable) {
        return d.outputs().stream().filter(o -> o.variable().equals(variable)).findFirst().orElseThrow().unit();
    }

    @Test
    void firstYearMatchesIrenaAndEmber() {
        ModelHarness h = run(2024, 2024).run();
        assertEquals(1865, h.output(SOLAR_CAP, 2024), EPS);
        assertEquals(452, h.output(SOLAR_ADD, 2024), EPS);
        assertEquals(1865, h.output(SOLAR_CUM, 2024), EPS);
        assertEquals(758, h.output(SOLAR_COST, 2024), EPS);
        double solarGen = (1413.0 + 1865.0) / 2 * 0.148 * 8.76;
        assertEquals(solarGen, h.output(SOLAR_GEN, 2024), EPS);
        assertEquals(2131, h.output(SOLAR_GEN, 2024), 0.01 * 2131, "within 1% of Ember 2024 solar");

        assertEquals(1133, h.output(WIND_CAP, 2024), EPS);
        assertEquals(113, h.output(WIND_ADD, 2024), EPS);
        assertEquals(1133, h.output(WIND_CUM, 2024), EPS);
        assertEquals(1160, h.output(WIND_COST, 2024), EPS);
        double windGen = (1020.0 + 1133.0) / 2 * 0.265 * 8.76;
        assertEquals(windGen, h.output(WIND_GEN, 2024), EPS);
        assertEquals(2497, h.output(WIND_GEN, 2024), 0.01 * 2497, "within 1% of Ember 2024 wind (8.1% of 30,830)");
    }

    @Test
    void laterYearsFollowTheRecurrences() {
        ModelHarness h = run(2024, 2026).run();
        // 2025
        double a25 = 452 * 1.05;
        double k25 = 1865 + 452 * 1.05; // the first-year fleet (mean age 5) runs until its oldest plants reach 30
        double m25 = 1865 + 452 * 1.05;
        assertEquals(474.6, h.output(SOLAR_ADD, 2025), 1e-9);
        assertEquals(2339.6, h.output(SOLAR_CAP, 2025), 1e-9);
        assertEquals(a25, h.output(SOLAR_ADD, 2025), EPS);
        assertEquals(k25, h.output(SOLAR_CAP, 2025), EPS);
        assertEquals(m25, h.output(SOLAR_CUM, 2025), EPS);
        assertEquals((1865 + k25) / 2 * 0.148 * 8.76, h.output(SOLAR_GEN, 2025), EPS);
        assertEquals(758 * Math.pow(m25 / 1865, log2(1 - 0.24)), h.output(SOLAR_COST, 2025), EPS);
        // 2026
        double a26 = 452 * 1.05 * 1.05;
        double k26 = k25 + a26; // new plants move through the ageing stages; none reaches the last within two years
        double m26 = m25 + a26;
        assertEquals(a26, h.output(SOLAR_ADD, 2026), EPS);
        assertEquals(k26, h.output(SOLAR_CAP, 2026), EPS);
        assertEquals(m26, h.output(SOLAR_CUM, 2026), EPS);
        assertEquals((k25 + k26) / 2 * 0.148 * 8.76, h.output(SOLAR_GEN, 2026), EPS);
        assertEquals(758 * Math.pow(m26 / 1865, log2(0.76)), h.output(SOLAR_COST, 2026), EPS);

        // wind 2025
        double wa25 = 113 * 1.05;
        double wk25 = 1133 + 113 * 1.05;
        double wm25 = 1133 + 113 * 1.05;
        assertEquals(wa25, h.output(WIND_ADD, 2025), EPS);
        assertEquals(wk25, h.output(WIND_CAP, 2025), EPS);
        assertEquals(wm25, h.output(WIND_CUM, 2025), EPS);
        assertEquals((1133 + wk25) / 2 * 0.265 * 8.76, h.output(WIND_GEN, 2025), EPS);
        assertEquals(1160 * Math.pow(wm25 / 1133, log2(0.85)), h.output(WIND_COST, 2025), EPS);
    }

    @Test
    void growthIsReadEveryYearAsATrajectory() {
        ModelHarness h = run(2024, 2027)
                .parameter("solar_additions_growth", (r, y) -> y == 2025 ? 0.10 : y == 2026 ? -0.20 : 0.0)
                .run();
        assertEquals(452 * 1.10, h.output(SOLAR_ADD, 2025), EPS);
        assertEquals(452 * 1.10 * 0.80, h.output(SOLAR_ADD, 2026), EPS);
        assertEquals(452 * 1.10 * 0.80, h.output(SOLAR_ADD, 2027), EPS);
        // wind unaffected
        assertEquals(113 * 1.05 * 1.05, h.output(WIND_ADD, 2026), EPS);
    }

    @Test
    void costFallsByExactlyTheLearningRatePerDoubling() {
        // cumulative 100 -> 200 -> 300 -> 400: doublings in 2025 (x2) and 2027 (x4)
        ModelHarness h = run(2024, 2027)
                .parameter("solar_capacity_base", 100).parameter("solar_additions_base", 100)
                .parameter("solar_additions_growth", 0).parameter("solar_lifetime", 60)
                .parameter("wind_capacity_base", 50).parameter("wind_additions_base", 50)
                .parameter("wind_additions_growth", 0)
                .run();
        assertEquals(200, h.output(SOLAR_CUM, 2025), EPS);
        assertEquals(400, h.output(SOLAR_CUM, 2027), EPS);
        assertEquals(758, h.output(SOLAR_COST, 2024), EPS);
        assertEquals(758 * 0.76, h.output(SOLAR_COST, 2025), 1e-9);
        assertEquals(758 * 0.76 * 0.76, h.output(SOLAR_COST, 2027), 1e-9);
        assertEquals(1160 * 0.85, h.output(WIND_COST, 2025), 1e-9);
        assertEquals(1160 * 0.85 * 0.85, h.output(WIND_COST, 2027), 1e-9);
        // no plant retires in its first year
        assertEquals(100 + 100, h.output(SOLAR_CAP, 2025), EPS);
    }

    /** The first-year fleet, installed evenly over twice its mean age, retires linearly once its oldest plants reach the lifetime. */
    @Test
    void firstYearFleetRetiresByItsSurvivalCurve() {
        ModelHarness h = run(2024, 2060).parameter("solar_additions_base", 0).parameter("wind_additions_base", 0).run();
        // solar: mean age 5 -> installed over 10 years; lifetime 30 -> all left until 2044, a tenth a year after, none from 2054
        assertEquals(1865, h.output(SOLAR_CAP, 2044), EPS);
        assertEquals(1865 * 0.5, h.output(SOLAR_CAP, 2049), 1e-9);
        assertEquals(0, h.output(SOLAR_CAP, 2054), EPS);
    }

    /** New plants retire by the stage chain: none in the first years, all eventually, half near the mean lifetime. */
    @Test
    void newPlantsRetireByTheStageChain() {
        ModelHarness h = run(2024, 2124).parameter("solar_capacity_base", 100).parameter("solar_additions_base", 100)
                .parameter("solar_additions_growth", -0.5).parameter("solar_mean_age", 0).run();
        // no plant can pass six stages and retire within five years: 100 + 50 + 25 + ... + 1.5625
        assertEquals(198.4375, h.output(SOLAR_CAP, 2030), 1e-9);
        assertTrue(h.output(SOLAR_CAP, 2060) < 100, "by 2060 the base fleet is gone and new plants retire");
        assertTrue(h.output(SOLAR_CAP, 2124) < 1, "all retire within a century");
    }

    @Test
    void learningRateZeroKeepsCostFlat() {
        ModelHarness h = run(2024, 2030).parameter("solar_learning_rate", 0).run();
        for (int y = 2024; y <= 2030; y++) assertEquals(758, h.output(SOLAR_COST, y), EPS);
    }

    @Test
    void zeroAdditionsAndZeroRetirementKeepCapacityFlat() {
        // lifetime 60: the first-year fleets (mean age 5 and 8) have no plant older than 16 by 2040
        ModelHarness h = run(2024, 2040)
                .parameter("solar_additions_base", 0).parameter("solar_lifetime", 60)
                .parameter("wind_additions_base", 0).parameter("wind_lifetime", 60)
                .run();
        for (int y = 2024; y <= 2040; y++) {
            assertEquals(1865, h.output(SOLAR_CAP, y), EPS);
            assertEquals(0, h.output(SOLAR_ADD, y), EPS);
            assertEquals(1865, h.output(SOLAR_CUM, y), EPS);
            assertEquals(1865 * 0.148 * 8.76, h.output(SOLAR_GEN, y), 1e-9);
            assertEquals(758, h.output(SOLAR_COST, y), EPS);
            assertEquals(1133, h.output(WIND_CAP, y), EPS);
            assertEquals(1133 * 0.265 * 8.76, h.output(WIND_GEN, y), 1e-9);
            assertEquals(1160, h.output(WIND_COST, y), EPS);
        }
    }

    @Test
    void zeroCapacityGivesZeroGeneration() {
        ModelHarness h = run(2024, 2030)
                .parameter("solar_capacity_base", 0).parameter("solar_additions_base", 0)
                .parameter("wind_capacity_base", 0).parameter("wind_additions_base", 0)
                .run();
        for (int y = 2024; y <= 2030; y++) {
            assertEquals(0, h.output(SOLAR_CAP, y), EPS);
            assertEquals(0, h.output(SOLAR_GEN, y), EPS);
            assertEquals(0, h.output(WIND_GEN, y), EPS);
            assertEquals(758, h.output(SOLAR_COST, y), EPS, "no base to learn from: cost stays at cost_base");
            assertEquals(1160, h.output(WIND_COST, y), EPS);
        }
    }

    @Test
    void zeroCapacityFactorGivesZeroGeneration() {
        ModelHarness h = run(2024, 2030).parameter("solar_capacity_factor", 0).run();
        for (int y = 2024; y <= 2030; y++) assertEquals(0, h.output(SOLAR_GEN, y), EPS);
    }

    @Test
    void firstYearPreviousCapacityIsClampedAtZero() {
        // additions larger than the base: capacity before the first year would be negative, so it is 0
        ModelHarness h = run(2024, 2024)
                .parameter("solar_capacity_base", 100).parameter("solar_additions_base", 300)
                .parameter("wind_capacity_base", 0).parameter("wind_additions_base", 10)
                .run();
        assertEquals((0 + 100) / 2.0 * 0.148 * 8.76, h.output(SOLAR_GEN, 2024), EPS);
        assertEquals(0, h.output(WIND_GEN, 2024), EPS);
        assertEquals(1160, h.output(WIND_COST, 2024), EPS);
    }

    @Test
    void regionsAreIndependent() {
        ModelHarness h = noFossil(ModelHarness.of(new RenewablesModel()).regions("A", "B").years(2024, 2025))
                .parameter("solar_capacity_base", (r, y) -> r == 0 ? 10.0 : 20.0)
                .parameter("solar_additions_base", (r, y) -> r == 0 ? 2.0 : 4.0)
                .parameter("solar_additions_growth", (r, y) -> r == 0 ? 0.5 : 0.0)
                .run();
        assertEquals(10 + 2 * 1.5, h.output(SOLAR_CAP, "A", 2025), EPS);
        assertEquals(20 + 4, h.output(SOLAR_CAP, "B", 2025), EPS);
        assertEquals((8 + 10) / 2.0 * 0.148 * 8.76, h.output(SOLAR_GEN, "A", 2024), EPS);
        assertEquals((16 + 20) / 2.0 * 0.148 * 8.76, h.output(SOLAR_GEN, "B", 2024), EPS);
        assertEquals(1133, h.output(WIND_CAP, "B", 2024), EPS);
    }

    @Test
    void randomParametersGiveFiniteNonNegativeOutputs() {
        Random rnd = new Random(42);
        RenewablesModel model = new RenewablesModel();
        List<Parameter> params = model.descriptor().parameters();
        List<Output> outputs = model.descriptor().outputs();
        for (int draw = 0; draw < 200; draw++) {
            double total = rnd.nextDouble() * 40_000;
            ModelHarness h = ModelHarness.of(model).years(2024, 2100)
                    .input("Secondary Energy|Electricity", total)
                    .input("Secondary Energy|Electricity|Coal", rnd.nextDouble() * total / 2)
                    .input("Secondary Energy|Electricity|Gas", rnd.nextDouble() * total / 2)
                    .input("Market Value|Electricity|Solar", 0).input("Market Value|Electricity|Wind", 0).input("Levelised Cost|Electricity|New Firm", 0).input("Price|Secondary Energy|Electricity|Hourly Mean", 0).input("Secondary Energy|Electricity|Curtailment", rnd.nextDouble() * total / 2)
                    .input("Final Energy|Electricity", (r, y) -> total * Math.pow(1.03, y - 2024));
            StringBuilder drawn = new StringBuilder();
            for (Parameter p : params) {
                double v = p.min() + rnd.nextDouble() * (p.max() - p.min());
                assertTrue(p.allows(v));
                h.parameter(p.name(), v);
                drawn.append(p.name()).append('=').append(v).append(' ');
            }
            h.run();
            for (Output o : outputs)
                for (int y = 2024; y <= 2100; y++) {
                    double v = h.output(o.variable(), y);
                    assertTrue(Double.isFinite(v) && v >= 0, o.variable() + " " + y + " = " + v + " with " + drawn);
                }
        }
    }
}
