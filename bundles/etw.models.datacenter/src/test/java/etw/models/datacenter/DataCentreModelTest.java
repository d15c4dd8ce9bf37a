package etw.models.datacenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.testkit.ModelHarness;

class DataCentreModelTest {

    private static final String AI = "Final Energy|Electricity|Data Centers|AI";
    private static final String CONV = "Final Energy|Electricity|Data Centers|Conventional";
    private static final String TOTAL = "Final Energy|Electricity|Data Centers";
    private static final String C_AI = "Compute Demand|Data Centers|AI";
    private static final String C_CONV = "Compute Demand|Data Centers|Conventional";
    private static final String EFF = "Compute Efficiency|Data Centers";

    private static final double TOL = 1e-9;

    private static ModelHarness defaults(int first, int last) {
        return ModelHarness.of(new DataCentreModel()).years(first, last);
    }

    @Test
    void baseYearIsTheIeaTotal() {
        ModelHarness h = defaults(2024, 2024).run();
        assertEquals(415, h.output(TOTAL, 2024));
        assertEquals(62, h.output(AI, 2024));
        assertEquals(353, h.output(CONV, 2024));
        assertEquals(1, h.output(C_AI, 2024));
        assertEquals(1, h.output(C_CONV, 2024));
        assertEquals(1, h.output(EFF, 2024));
    }

    @Test
    void secondYearMatchesHandCalculation() {
        ModelHarness h = defaults(2024, 2025).run();
        // gamma = 2^(1/2.6) = 1.30566; AI compute = 1.485 * gamma^0.5; AI electricity = 62 * 1.485 * 2^(-0.5/2.6)
        assertEquals(Math.pow(2, 1 / 2.6), h.output(EFF, 2025), TOL);
        assertEquals(1.485 * Math.pow(2, 0.5 / 2.6), h.output(C_AI, 2025), TOL);
        assertEquals(1.245 * Math.pow(2, 0.5 / 2.6), h.output(C_CONV, 2025), TOL);
        double ai = 62 * 1.485 * Math.pow(2, -0.5 / 2.6);
        double conv = 353 * 1.245 * Math.pow(2, -0.5 / 2.6);
        assertEquals(80.6, ai, 0.05);
        assertEquals(ai, h.output(AI, 2025), TOL);
        assertEquals(conv, h.output(CONV, 2025), TOL);
        assertEquals(ai + conv, h.output(TOTAL, 2025), TOL);
        // the derivation of the initial rates: electricity grows ~30%/yr (AI) and ~9%/yr (conventional)
        assertEquals(1.30, h.output(AI, 2025) / 62, 0.001);
        assertEquals(1.09, h.output(CONV, 2025) / 353, 0.001);
    }

    @Test
    void growthDecaysTowardsTheLongRunRate() {
        ModelHarness h = defaults(2024, 2026).parameter("ai_compute_growth_long_run", 0.03)
                .parameter("conventional_compute_growth_long_run", 0.02).run();
        // step 2025 -> 2026 starts one year after the base: g = 0.03 + (0.485 - 0.03) * 0.5^(1/8)
        double gAi = 0.03 + 0.455 * Math.pow(0.5, 1.0 / 8);
        double gConv = 0.02 + 0.225 * Math.pow(0.5, 1.0 / 8);
        double ai25 = 62 * 1.485 * Math.pow(2, -0.5 / 2.6);
        double conv25 = 353 * 1.245 * Math.pow(2, -0.5 / 2.6);
        assertEquals(ai25 * (1 + gAi) * Math.pow(2, -0.5 / 2.6), h.output(AI, 2026), 1e-9);
        assertEquals(conv25 * (1 + gConv) * Math.pow(2, -0.5 / 2.6), h.output(CONV, 2026), 1e-9);
        assertEquals(Math.pow(2, 2 / 2.6), h.output(EFF, 2026), 1e-12);
        assertEquals(1.485 * (1 + gAi) * Math.pow(2, 1 / 2.6), h.output(C_AI, 2026), 1e-9);
    }

    @Test
    void longRunGrowthIsReachedAfterManyHalfLives() {
        ModelHarness h = defaults(2024, 2100).parameter("ai_compute_growth_long_run", 0.03).run();
        // step 2099 -> 2100 starts 75 years after the base: excess growth halved 75/8 times
        double g = 0.03 + 0.455 * Math.pow(0.5, 75.0 / 8);
        assertEquals((1 + g) * Math.pow(2, 0.5 / 2.6), h.output(C_AI, 2100) / h.output(C_AI, 2099), 1e-12);
        assertEquals(Math.pow(2, 76 / 2.6), h.output(EFF, 2100), 1e-12 * Math.pow(2, 76 / 2.6));
    }

    @Test
    void fullReboundWithoutGrowthKeepsElectricityFlat() {
        ModelHarness h = zeroGrowth(defaults(2024, 2060)).parameter("rebound_elasticity", 1).run();
        for (int y = 2024; y <= 2060; y++) {
            assertEquals(62, h.output(AI, y), 1e-9);
            assertEquals(353, h.output(CONV, y), 1e-9);
            assertEquals(415, h.output(TOTAL, y), 1e-9);
        }
        // compute rises exactly as fast as efficiency: 2^(10/2.6) after ten years
        assertEquals(Math.pow(2, 10 / 2.6), h.output(C_AI, 2034), 1e-9);
    }

    @Test
    void noGrowthAndNoReboundFallsWithEfficiency() {
        ModelHarness h = zeroGrowth(defaults(2024, 2030)).parameter("rebound_elasticity", 0).run();
        for (int y = 2025; y <= 2030; y++) {
            // each year divided by gamma = 2^(1/2.6) = 1.30566
            assertEquals(1 / Math.pow(2, 1 / 2.6), h.output(TOTAL, y) / h.output(TOTAL, y - 1), 1e-12);
            assertEquals(1, h.output(C_AI, y), 1e-12);
        }
        assertEquals(62 * Math.pow(2, -6 / 2.6), h.output(AI, 2030), 1e-9);
        assertEquals(415 * Math.pow(2, -6 / 2.6), h.output(TOTAL, 2030), 1e-9);
    }

    @Test
    void zeroBaseGivesZero() {
        ModelHarness h = defaults(2024, 2050).parameter("ai_base", 0).run();
        for (int y = 2024; y <= 2050; y++) {
            assertEquals(0, h.output(AI, y));
            assertEquals(h.output(CONV, y), h.output(TOTAL, y));
        }
    }

    @Test
    void pueScalesElectricityAndCanFollowATrajectory() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("pue", (r, y) -> 1.56 - 0.06 * (y - 2024)) // 1.56 in 2024 to 1.20 in 2030
                .run();
        ModelHarness ref = defaults(2024, 2030).run();
        assertEquals(415, h.output(TOTAL, 2024), 1e-9);
        assertEquals(ref.output(TOTAL, 2030) * 1.20 / 1.56, h.output(TOTAL, 2030), 1e-9);
        // PUE does not feed back into compute or efficiency
        assertEquals(ref.output(C_AI, 2030), h.output(C_AI, 2030));
        assertEquals(ref.output(EFF, 2030), h.output(EFF, 2030));

        ModelHarness flat = defaults(2024, 2024).parameter("pue", 1.3).run();
        assertEquals(415 * 1.3 / 1.56, flat.output(TOTAL, 2024), 1e-9);
    }

    @Test
    void totalIsAlwaysTheSumOfItsChildren() {
        ModelHarness h = defaults(2024, 2100).parameter("ai_compute_growth_long_run", 0.03).run();
        for (int y = 2024; y <= 2100; y++)
            assertEquals(h.output(AI, y) + h.output(CONV, y), h.output(TOTAL, y), 1e-9 * h.output(TOTAL, y));
    }

    @Test
    void regionsAreIndependent() {
        // IEA Energy and AI (2025): US 183 TWh, China 102 TWh in 2024
        ModelHarness h = ModelHarness.of(new DataCentreModel())
                .regions("USA", "China")
                .years(2024, 2025)
                .parameter("ai_base", (r, y) -> r == 0 ? 40 : 20)
                .parameter("conventional_base", (r, y) -> r == 0 ? 143 : 82)
                .parameter("efficiency_doubling_time", (r, y) -> r == 0 ? 2.6 : 2.0)
                .run();
        assertEquals(183, h.output(TOTAL, "USA", 2024), 1e-9);
        assertEquals(102, h.output(TOTAL, "China", 2024), 1e-9);
        assertEquals(40 * 1.485 * Math.pow(2, -0.5 / 2.6), h.output(AI, "USA", 2025), 1e-9);
        assertEquals(20 * 1.485 * Math.pow(2, -0.5 / 2.0), h.output(AI, "China", 2025), 1e-9);
        assertEquals(Math.pow(2, 0.5), h.output(EFF, "China", 2025), 1e-12);
    }

    @Test
    void randomParametersGiveFiniteNonNegativeOutputs() {
        ModelDescriptor d = new DataCentreModel().descriptor();
        Random random = new Random(42);
        for (int draw = 0; draw < 200; draw++) {
            ModelHarness h = defaults(2024, 2100);
            StringBuilder drawn = new StringBuilder();
            for (Parameter p : d.parameters()) {
                double v = p.min() + random.nextDouble() * (p.max() - p.min());
                h.parameter(p.name(), v);
                drawn.append(p.name()).append('=').append(v).append(' ');
            }
            h.run();
            for (Output o : d.outputs())
                for (int y = 2024; y <= 2100; y++) {
                    double v = h.output(o.variable(), y);
                    assertTrue(Double.isFinite(v) && v >= 0, o.variable() + " = " + v + " in " + y + " with " + drawn);
                }
        }
    }

    @Test
    void extremeCornersStayFinite() {
        // fastest efficiency, fastest growth that never decays, strongest backfire, over 76 years
        ModelHarness h = defaults(2024, 2100)
                .parameter("efficiency_doubling_time", 0.5)
                .parameter("ai_compute_growth_initial", 2)
                .parameter("ai_compute_growth_long_run", 1)
                .parameter("conventional_compute_growth_initial", 2)
                .parameter("conventional_compute_growth_long_run", 1)
                .parameter("growth_half_life", 100)
                .parameter("rebound_elasticity", 1.5)
                .parameter("ai_base", 1e5)
                .parameter("pue", 3)
                .parameter("pue_base", 1)
                .run();
        for (Output o : new DataCentreModel().descriptor().outputs())
            assertTrue(Double.isFinite(h.output(o.variable(), 2100)), o.variable());
    }

    @Test
    void descriptorFollowsTheConventions() {
        ModelDescriptor d = new DataCentreModel().descriptor();
        assertEquals("etw.models.datacenter", d.id());
        assertFalse(d.description().isBlank());
        assertEquals(List.of(AI, CONV, TOTAL, C_AI, C_CONV, EFF), d.outputs().stream().map(Output::variable).toList());
        for (Output o : d.outputs())
            assertEquals(o.variable().startsWith("Final Energy") ? "TWh/yr" : "1", o.unit(), o.variable());
        Set<String> units = Set.of("TWh/yr", "1", "1/yr", "yr");
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), p.name());
            assertTrue(units.contains(p.unit()), p.name() + ": " + p.unit());
            assertFalse(p.source().isBlank(), p.name());
            assertFalse(p.description().isBlank(), p.name());
            assertTrue(p.allows(p.defaultValue()), p.name());
        }
        d.inputs().forEach(in -> assertEquals(1, in.lag(), in.variable()));
    }

    @Test
    void loadsThroughServiceLoader() {
        assertTrue(ServiceLoader.load(Model.class).stream().anyMatch(p -> p.type() == DataCentreModel.class));
    }

    private static ModelHarness zeroGrowth(ModelHarness h) {
        return h.parameter("ai_compute_growth_initial", 0)
                .parameter("ai_compute_growth_long_run", 0)
                .parameter("conventional_compute_growth_initial", 0)
                .parameter("conventional_compute_growth_long_run", 0);
    }
}
