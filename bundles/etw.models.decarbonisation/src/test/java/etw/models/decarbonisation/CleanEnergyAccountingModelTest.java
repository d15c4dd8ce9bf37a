package etw.models.decarbonisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.models.decarbonisation.CleanEnergyMatching.Strategy;
import etw.testkit.ModelHarness;

/** The accounting model through the harness: wiring of inputs, parameters and outputs, and robustness. */
class CleanEnergyAccountingModelTest {

    private static final String TOTAL = "Secondary Energy|Electricity";
    private static final String SOLAR = TOTAL + "|Solar";
    private static final String WIND = TOTAL + "|Wind";
    private static final String HYDRO = TOTAL + "|Hydro";
    private static final String NUCLEAR = TOTAL + "|Nuclear";
    private static final String OTHER = TOTAL + "|Other";
    private static final String COAL = TOTAL + "|Coal";
    private static final String GAS = TOTAL + "|Gas";
    private static final String OIL = TOTAL + "|Oil";
    private static final String EMISSIONS = "Emissions|CO2|Energy|Supply|Electricity";

    private static String claimed(Strategy s) {
        return CleanEnergyAccountingModel.EMISSIONS_ROOT + s.label() + "|Claimed";
    }

    private static String gridInduced(Strategy s) {
        return CleanEnergyAccountingModel.EMISSIONS_ROOT + s.label() + "|Grid-Induced";
    }

    private static String cfe(Strategy s) {
        return "CFE Score|Consumer|" + s.label();
    }

    private static String procurement(Strategy s) {
        return "Procurement|Consumer|" + s.label();
    }

    /**
     * A 2024 grid (Ember, Global Electricity Review 2025) that decarbonises linearly: solar and wind grow, coal is
     * gone by 2060 and gas by 2080, emissions follow (coal 1,060, gas 450, other 250 g/kWh as in the
     * decarbonisation model), so the late years have no fossil generation at all.
     */
    private static ModelHarness decarbonisingGrid(ModelHarness h) {
        return h.input(TOTAL, (r, y) -> 30_830 + 300.0 * (y - 2024))
                .input(SOLAR, (r, y) -> 2_131 + 400.0 * (y - 2024))
                .input(WIND, (r, y) -> 2_497 + 300.0 * (y - 2024))
                .input(HYDRO, 4_409).input(NUCLEAR, 2_775).input(OTHER, 1_757).input(OIL, 0)
                .input(COAL, (r, y) -> coal(y))
                .input(GAS, (r, y) -> gas(y))
                .input(EMISSIONS, (r, y) -> (coal(y) * 1_060 + gas(y) * 450 + 1_757 * 250) / 1000);
    }

    private static double coal(int y) {
        return Math.max(0, 10_482 * (1 - (y - 2024) / 36.0));
    }

    private static double gas(int y) {
        return Math.max(0, 6_783 * (1 - (y - 2024) / 56.0));
    }

    @Test
    void descriptorDeclaresVariablesUnitsAndSources() {
        ModelDescriptor d = new CleanEnergyAccountingModel().descriptor();
        assertEquals("etw.models.decarbonisation.accounting", d.id());
        assertFalse(d.description().isBlank());
        assertEquals(10, d.inputs().size());
        assertEquals(1 + 3 * 12, d.outputs().size());
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9_]*"), p.name());
            assertFalse(p.unit().isBlank(), p.name());
            assertFalse(p.description().isBlank(), p.name());
            assertFalse(p.source().isBlank(), p.name());
            assertTrue(p.allows(p.defaultValue()), p.name());
        }
        Set<String> units = Set.of("Mt CO2/yr", "1", "TWh/yr", "GW", "GWh", "million USD/yr", "USD/MWh");
        for (Output o : d.outputs()) {
            assertTrue(units.contains(o.unit()), o.variable());
            assertFalse(o.variable().startsWith("Emissions|"), "would add into the Emissions|CO2 total: " + o.variable());
        }
        for (Strategy s : Strategy.values()) {
            assertEquals("1", unitOf(d, cfe(s)));
            assertEquals("TWh/yr", unitOf(d, procurement(s)));
            assertEquals("Mt CO2/yr", unitOf(d, claimed(s)));
            assertEquals("Mt CO2/yr", unitOf(d, gridInduced(s)));
            assertEquals("million USD/yr", unitOf(d, "Cost|Consumer|" + s.label()));
            assertEquals("1", unitOf(d, "Over-build Ratio|Consumer|" + s.label()));
        }
    }

    private static String unitOf(ModelDescriptor d, String variable) {
        return d.outputs().stream().filter(o -> o.variable().equals(variable)).findFirst().orElseThrow().unit();
    }

    @Test
    void loadsThroughServiceLoader() {
        assertTrue(ServiceLoader.load(Model.class).stream().anyMatch(p -> p.type() == CleanEnergyAccountingModel.class));
    }

    @Test
    void outputsAreTheCalculatorsForTheYearsInputs() {
        ModelHarness h = decarbonisingGrid(ModelHarness.of(new CleanEnergyAccountingModel()).years(2024, 2026)).run();
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(CleanEnergyMatchingTest.DEFAULT);
        m.grid(30_830, 2_131, 2_497, 4_409 + 2_775 + 1_757, 10_482 + 6_783,
                (10_482 * 1_060 + 6_783 * 450 + 1_757 * 250) / 1000.0, 1_060, 0);
        m.consumer(24, 1, 1, 0.9, CleanEnergyMatchingTest.COSTS);
        for (Strategy s : Strategy.values()) {
            assertEquals(m.cost(s), h.output("Cost|Consumer|" + s.label(), 2024), 0.0);
            assertEquals(m.overBuild(s), h.output("Over-build Ratio|Consumer|" + s.label(), 2024), 0.0);
            assertEquals(m.portfolio(s).solar() + m.portfolio(s).wind() + m.portfolio(s).firm(),
                    h.output(procurement(s), 2024), 1e-12 * (1 + h.output(procurement(s), 2024)));
            assertEquals(m.cfeScore(s), h.output(cfe(s), 2024), 0.0);
            assertEquals(m.procurement(s), h.output(procurement(s), 2024), 0.0);
            assertEquals(m.claimedEmissions(s), h.output(claimed(s), 2024), 0.0);
            assertEquals(m.gridInducedEmissions(s), h.output(gridInduced(s), 2024), 0.0);
        }
        assertEquals(m.consumptionEmissions(),
                h.output(CleanEnergyAccountingModel.EMISSIONS_ROOT + "Location-Based", 2024), 0.0);
        assertEquals(0.9, h.output(cfe(Strategy.HOURLY), 2026), 2e-3);
        assertTrue(h.output(gridInduced(Strategy.HOURLY), 2024) < h.output(gridInduced(Strategy.ANNUAL), 2024));
    }

    @Test
    void parametersAreReadEveryYearAndRegionsAreIndependent() {
        ModelHarness h = decarbonisingGrid(ModelHarness.of(new CleanEnergyAccountingModel()).years(2024, 2025)
                .regions("A", "B"))
                .parameter("consumer_consumption", (r, y) -> r == 0 ? 24 : 2 * 24)
                .parameter("cfe_target", (r, y) -> y == 2024 ? 0.9 : 0.6)
                .run();
        assertEquals(24, h.output(procurement(Strategy.ANNUAL), "A", 2024), 1e-12);
        assertEquals(48, h.output(procurement(Strategy.ANNUAL), "B", 2024), 1e-12);
        // everything scales with consumption; the scores do not
        assertEquals(2 * h.output("Cost|Consumer|Hourly Matching", "A", 2024),
                h.output("Cost|Consumer|Hourly Matching", "B", 2024), 0.01 * h.output("Cost|Consumer|Hourly Matching", "B", 2024));
        assertEquals(h.output(cfe(Strategy.ANNUAL), "A", 2024), h.output(cfe(Strategy.ANNUAL), "B", 2024), 1e-12);
        assertTrue(h.output(cfe(Strategy.HOURLY), "A", 2025) >= 0.6 - Procurement.CUT_TOLERANCE);
        assertTrue(h.output(cfe(Strategy.HOURLY), "A", 2024) >= 0.9 - Procurement.CUT_TOLERANCE);
    }

    @Test
    void twoRunsAreBitIdentical() {
        CleanEnergyAccountingModel model = new CleanEnergyAccountingModel();
        ModelHarness a = decarbonisingGrid(ModelHarness.of(model).years(2024, 2027)).run();
        ModelHarness b = decarbonisingGrid(ModelHarness.of(new CleanEnergyAccountingModel()).years(2024, 2027))
                .parameter("wind_seed", 1).run();
        for (Output o : model.descriptor().outputs())
            for (int y = 2024; y <= 2027; y++)
                assertEquals(Double.doubleToLongBits(a.output(o.variable(), y)),
                        Double.doubleToLongBits(b.output(o.variable(), y)), o.variable() + " " + y);
    }

    @Test
    void zeroDemandAndZeroFossilGiveFiniteOutputs() {
        ModelHarness h = ModelHarness.of(new CleanEnergyAccountingModel()).years(2024, 2025)
                .input(TOTAL, 0).input(SOLAR, 0).input(WIND, 0).input(HYDRO, 0).input(NUCLEAR, 0).input(OTHER, 0)
                .input(COAL, 0).input(GAS, 0).input(OIL, 0).input(EMISSIONS, 0)
                .parameter("consumer_consumption", (r, y) -> y == 2024 ? 0 : 24)
                .run(); // the harness fails on NaN or infinity
        for (Strategy s : Strategy.values()) {
            assertEquals(0.0, h.output(claimed(s), 2024), 0.0);
            assertEquals(0.0, h.output(gridInduced(s), 2025), 0.0);
            assertEquals(1.0, h.output(cfe(s), 2024), 0.0); // no load, nothing unmatched
        }
    }

    @Test
    void randomParametersGiveFiniteNonNegativeOutputs() {
        CleanEnergyAccountingModel model = new CleanEnergyAccountingModel();
        ModelDescriptor d = model.descriptor();
        Random random = new Random(42);
        for (int draw = 0; draw < 8; draw++) { // three LPs a year: a few draws over a decarbonising grid
            ModelHarness h = decarbonisingGrid(ModelHarness.of(model).years(2024, 2027));
            StringBuilder drawn = new StringBuilder();
            for (Parameter p : d.parameters()) {
                double v = p.min() + random.nextDouble() * (p.max() - p.min());
                if (p.name().equals("wind_seed")) v = Math.floor(v);
                h.parameter(p.name(), v);
                drawn.append(p.name()).append('=').append(v).append(' ');
            }
            h.run(); // fails on NaN, infinity or an unset output
            for (int y = 2024; y <= 2027; y++) {
                String where = "draw " + draw + " year " + y + ": " + drawn;
                double location = h.output(CleanEnergyAccountingModel.EMISSIONS_ROOT + "Location-Based", y);
                assertTrue(location >= 0, where);
                for (Strategy s : Strategy.values()) {
                    double score = h.output(cfe(s), y);
                    assertTrue(score >= 0 && score <= 1, where + " " + s + " CFE " + score);
                    assertTrue(h.output(procurement(s), y) >= 0, where);
                    assertTrue(h.output(claimed(s), y) >= 0, where);
                    // consequential: load minus contract output at the marginal rate (at most max_fossil_intensity);
                    // negative when the contracts avoid more than the load causes
                    double induced = h.output(gridInduced(s), y);
                    assertTrue(Double.isFinite(induced), where);
                    assertTrue(h.output("Cost|Consumer|" + s.label(), y) >= 0, where);
                }
                assertTrue(h.output(claimed(Strategy.CARBON), y) <= location + 1e-9 * (1 + location), where);
            }
        }
    }
}
