package etw.models.decarbonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.testkit.ModelHarness;

class DecarbonisationModelTest {

    private static final double EPS = 1e-9;

    private static final String DEMAND = "Final Energy|Electricity";
    private static final String SOLAR = "Secondary Energy|Electricity|Solar";
    private static final String WIND = "Secondary Energy|Electricity|Wind";
    private static final String TOTAL = "Secondary Energy|Electricity";
    private static final String HYDRO = "Secondary Energy|Electricity|Hydro";
    private static final String NUCLEAR = "Secondary Energy|Electricity|Nuclear";
    private static final String OTHER = "Secondary Energy|Electricity|Other";
    private static final String COAL = "Secondary Energy|Electricity|Coal";
    private static final String GAS = "Secondary Energy|Electricity|Gas";
    private static final String CURTAILMENT = "Curtailment|Electricity";
    private static final String EMISSIONS = "Emissions|CO2|Energy|Supply|Electricity";
    private static final String INTENSITY = "Carbon Intensity|Electricity";
    private static final String CUMULATIVE = "Cumulative Emissions|CO2|Energy|Supply|Electricity";

    private static ModelHarness harness(int first, int last, double demand, double solar, double wind) {
        return ModelHarness.of(new DecarbonisationModel()).years(first, last)
                .input(DEMAND, demand).input(SOLAR, solar).input(WIND, wind);
    }

    @Test
    void descriptorDeclaresVariablesUnitsAndSources() {
        ModelDescriptor d = new DecarbonisationModel().descriptor();
        assertEquals("etw.models.decarbonisation", d.id());
        assertFalse(d.description().isBlank());
        assertEquals(10, d.outputs().size());
        assertEquals(4, d.inputs().size());
        assertEquals(8, d.parameters().size());
        Set<String> units = Set.of("TWh/yr", "1", "g CO2/kWh");
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9_]*"), p.name());
            assertTrue(units.contains(p.unit()), p.name() + " " + p.unit());
            assertFalse(p.source().isBlank(), p.name());
        }
        assertEquals("Mt CO2/yr", unitOf(d, EMISSIONS));
        assertEquals("g CO2/kWh", unitOf(d, INTENSITY));
        assertEquals("Gt CO2", unitOf(d, CUMULATIVE));
        assertEquals("TWh/yr", unitOf(d, COAL));
        assertEquals("TWh/yr", unitOf(d, CURTAILMENT));
    }

    private static String unitOf(ModelDescriptor d, String variable) {
        return d.outputs().stream().filter(o -> o.variable().equals(variable)).findFirst().orElseThrow().unit();
    }

    @Test
    void year2024MatchesEmber() {
        ModelHarness h = harness(2024, 2024, 27775, 2131, 2497).run();
        double r = 27775 * 1.11;
        double fossil = 30830.25 - (2131 + 2497 + 4409 + 2775 + 1757);
        double coal = 17261.25 * 0.607;
        double gas = 17261.25 - coal;
        double e = (coal * 1060 + gas * 450 + 1757 * 250) / 1000;

        assertEquals(30830.25, h.output(TOTAL, 2024), 1e-9);
        assertEquals(r, h.output(TOTAL, 2024), EPS);
        assertEquals(17261.25, fossil, 1e-9);
        assertEquals(4409, h.output(HYDRO, 2024), EPS);
        assertEquals(2775, h.output(NUCLEAR, 2024), EPS);
        assertEquals(1757, h.output(OTHER, 2024), EPS);
        assertEquals(coal, h.output(COAL, 2024), 1e-9);
        assertEquals(gas, h.output(GAS, 2024), 1e-9);
        assertEquals(17261.25, h.output(COAL, 2024) + h.output(GAS, 2024), 1e-9);
        assertEquals(0, h.output(CURTAILMENT, 2024), EPS);
        assertEquals(e, h.output(EMISSIONS, 2024), 1e-9);
        assertEquals(14600, h.output(EMISSIONS, 2024), 0.01 * 14600, "within 1% of Ember's 14.6 Gt");
        assertEquals(e * 1000 / 30830.25, h.output(INTENSITY, 2024), 1e-9);
        assertEquals(473, h.output(INTENSITY, 2024), 0.02 * 473, "within 2% of Ember's 473 g/kWh");
        assertEquals(e / 1000, h.output(CUMULATIVE, 2024), 1e-12);
        // shares of generation close to Ember's 34% coal and 22% gas
        assertEquals(0.34, h.output(COAL, 2024) / 30830.25, 0.005);
        assertEquals(0.22, h.output(GAS, 2024) / 30830.25, 0.005);
    }

    @Test
    void cleanSupplyCoveringDemandGivesNoFossil() {
        // R = 10,000 * 1.11 = 11,100 < must-run supply 2,131 + 2,497 + 4,409 + 2,775 + 1,757 = 13,569
        ModelHarness h = harness(2024, 2026, 10000, 2131, 2497).run();
        for (int y = 2024; y <= 2026; y++) {
            assertEquals(11100, h.output(TOTAL, y), 1e-9);
            assertEquals(0, h.output(COAL, y), EPS);
            assertEquals(0, h.output(GAS, y), EPS);
            assertEquals(13569 - 11100, h.output(CURTAILMENT, y), 1e-9);
            assertEquals(1757 * 250 / 1000.0, h.output(EMISSIONS, y), 1e-9);
            assertEquals(439.25 * 1000 / 11100, h.output(INTENSITY, y), 1e-9);
        }
        assertEquals(3 * 0.43925, h.output(CUMULATIVE, 2026), 1e-12);
    }

    @Test
    void cleanSupplyWithoutOtherGivesZeroEmissions() {
        ModelHarness h = harness(2024, 2025, 10000, 2131, 2497).parameter("other_generation", 0).run();
        assertEquals(0, h.output(EMISSIONS, 2025), EPS);
        assertEquals(0, h.output(INTENSITY, 2025), EPS);
        assertEquals(0, h.output(CUMULATIVE, 2025), EPS);
    }

    @Test
    void exactlyCoveredDemandGivesNoFossilAndNoCurtailment() {
        // solar 1,000 + wind 0 + hydro 500 + nuclear 0 + other 0 = 1,500 = demand with no losses
        ModelHarness h = harness(2024, 2024, 1500, 1000, 0)
                .parameter("loss_factor", 0).parameter("hydro_generation", 500)
                .parameter("nuclear_generation", 0).parameter("other_generation", 0).run();
        assertEquals(0, h.output(COAL, 2024), EPS);
        assertEquals(0, h.output(GAS, 2024), EPS);
        assertEquals(0, h.output(CURTAILMENT, 2024), EPS);
        assertEquals(0, h.output(EMISSIONS, 2024), EPS);
    }

    @Test
    void zeroLossFactorGivesRequiredEqualToDemand() {
        ModelHarness h = harness(2024, 2024, 27775, 2131, 2497).parameter("loss_factor", 0).run();
        assertEquals(27775, h.output(TOTAL, 2024), EPS);
        double fossil = 27775 - 13569;
        assertEquals(fossil * 0.607, h.output(COAL, 2024), 1e-9);
        assertEquals(fossil - fossil * 0.607, h.output(GAS, 2024), 1e-9);
    }

    @Test
    void zeroDemandGivesZeroIntensity() {
        ModelHarness h = harness(2024, 2024, 0, 0, 0).run();
        assertEquals(0, h.output(TOTAL, 2024), EPS);
        assertEquals(8941, h.output(CURTAILMENT, 2024), 1e-9); // 4,409 + 2,775 + 1,757
        assertEquals(0, h.output(INTENSITY, 2024), EPS);
        assertEquals(439.25, h.output(EMISSIONS, 2024), 1e-9);
    }

    @Test
    void coalShareSplitsTheFossilResidual() {
        ModelHarness h = harness(2024, 2024, 27775, 2131, 2497)
                .parameter("coal_share_of_fossil", 0).parameter("ef_other", 0).run();
        assertEquals(0, h.output(COAL, 2024), EPS);
        assertEquals(17261.25, h.output(GAS, 2024), 1e-9);
        assertEquals(17261.25 * 450 / 1000, h.output(EMISSIONS, 2024), 1e-9);
    }

    @Test
    void cumulativeEmissionsSumOverYears() {
        // demand rises 27,775 -> 28,775 -> 29,775; solar and wind fixed; default parameters
        ModelHarness h = ModelHarness.of(new DecarbonisationModel()).years(2024, 2026)
                .input(DEMAND, (r, y) -> 27775.0 + 1000.0 * (y - 2024))
                .input(SOLAR, 2131).input(WIND, 2497).run();
        double f24 = 27775 * 1.11 - 13569;
        double f25 = 28775 * 1.11 - 13569;
        double f26 = 29775 * 1.11 - 13569;
        double e24 = (f24 * 0.607 * 1060 + (f24 - f24 * 0.607) * 450 + 1757 * 250) / 1000;
        double e25 = (f25 * 0.607 * 1060 + (f25 - f25 * 0.607) * 450 + 1757 * 250) / 1000;
        double e26 = (f26 * 0.607 * 1060 + (f26 - f26 * 0.607) * 450 + 1757 * 250) / 1000;
        assertEquals(e24, h.output(EMISSIONS, 2024), 1e-9);
        assertEquals(e25, h.output(EMISSIONS, 2025), 1e-9);
        assertEquals(e26, h.output(EMISSIONS, 2026), 1e-9);
        assertEquals(e24 / 1000, h.output(CUMULATIVE, 2024), 1e-12);
        assertEquals((e24 + e25) / 1000, h.output(CUMULATIVE, 2025), 1e-12);
        assertEquals((e24 + e25 + e26) / 1000, h.output(CUMULATIVE, 2026), 1e-12);
    }

    @Test
    void generationParametersAreReadEveryYear() {
        ModelHarness h = harness(2024, 2026, 27775, 2131, 2497)
                .parameter("nuclear_generation", (r, y) -> 2775.0 + 100.0 * (y - 2024))
                .run();
        assertEquals(2975, h.output(NUCLEAR, 2026), EPS);
        double fossil = 30830.25 - (2131 + 2497 + 4409 + 2975 + 1757);
        assertEquals(fossil * 0.607, h.output(COAL, 2026), 1e-9);
    }

    @Test
    void regionsAreIndependent() {
        ModelHarness h = ModelHarness.of(new DecarbonisationModel()).regions("A", "B").years(2024, 2025)
                .input(DEMAND, (r, y) -> r == 0 ? 1000.0 : 2000.0)
                .input(SOLAR, 0).input(WIND, 0)
                .parameter("hydro_generation", 0).parameter("nuclear_generation", 0)
                .parameter("other_generation", 0).parameter("loss_factor", 0)
                .parameter("coal_share_of_fossil", (r, y) -> r == 0 ? 1.0 : 0.0)
                .run();
        assertEquals(1000 * 1060 / 1000.0, h.output(EMISSIONS, "A", 2025), 1e-9);
        assertEquals(2000 * 450 / 1000.0, h.output(EMISSIONS, "B", 2025), 1e-9);
        assertEquals(1060, h.output(INTENSITY, "A", 2025), 1e-9);
        assertEquals(450, h.output(INTENSITY, "B", 2025), 1e-9);
        assertEquals(2 * 1.06, h.output(CUMULATIVE, "A", 2025), 1e-12);
        assertEquals(2 * 0.9, h.output(CUMULATIVE, "B", 2025), 1e-12);
    }

    @Test
    void randomParametersGiveFiniteNonNegativeOutputs() {
        Random rnd = new Random(42);
        DecarbonisationModel model = new DecarbonisationModel();
        List<Parameter> params = model.descriptor().parameters();
        List<Output> outputs = model.descriptor().outputs();
        int first = 2024;
        int last = 2100;
        for (int draw = 0; draw < 200; draw++) {
            ModelHarness h = ModelHarness.of(model).years(first, last);
            StringBuilder drawn = new StringBuilder();
            for (Parameter p : params) {
                double v = p.min() + rnd.nextDouble() * (p.max() - p.min());
                assertTrue(p.allows(v));
                h.parameter(p.name(), v);
                drawn.append(p.name()).append('=').append(v).append(' ');
            }
            double[] demand = new double[last - first + 1];
            double[] solar = new double[demand.length];
            double[] wind = new double[demand.length];
            for (int i = 0; i < demand.length; i++) {
                demand[i] = rnd.nextDouble() * 1e5;
                solar[i] = rnd.nextDouble() * 5e4;
                wind[i] = rnd.nextDouble() * 5e4;
            }
            h.input(DEMAND, (r, y) -> demand[y - first])
                    .input(SOLAR, (r, y) -> solar[y - first])
                    .input(WIND, (r, y) -> wind[y - first])
                    .run();
            for (Output o : outputs)
                for (int y = first; y <= last; y++) {
                    double v = h.output(o.variable(), y);
                    assertTrue(Double.isFinite(v) && v >= 0, o.variable() + " " + y + " = " + v + " with " + drawn);
                }
        }
    }
}
