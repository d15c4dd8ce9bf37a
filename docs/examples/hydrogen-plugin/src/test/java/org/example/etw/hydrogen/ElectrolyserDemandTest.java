package org.example.etw.hydrogen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Parameter;
import etw.testkit.ModelContract;
import etw.testkit.ModelHarness;

/** The model on its own: the contract every model must honour, and its equations checked by hand. */
class ElectrolyserDemandTest {

    private static final String ELECTRICITY = "Final Energy|Electricity|Hydrogen";
    private static final String HYDROGEN = "Secondary Energy|Hydrogen|Electricity";

    /** (1) every output set and finite in every year and region, for defaults, edges and 100 random draws;
     *  units the engine knows; a DS @Component; deterministic, alone and sharing the object between threads; each
     *  step well under 100 ms; and, against the workbench's models on the test class path, no misspelt input, no
     *  lag-0 cycle. No warnings either (a flow without a per-year unit, say). */
    @Test
    void honoursTheModelContract() {
        ModelContract.of(new ElectrolyserDemand()).installedOnClasspath().failOnWarnings().check();
    }

    /** (2) the equations, by hand. */
    @Test
    void defaultsByHand() {
        ModelHarness h = ModelHarness.of(new ElectrolyserDemand()).years(2024, 2024).run();
        // 1.4 GW * 0.5 * 8760 h = 6132 GWh = 6.132 TWh
        assertEquals(6.132, h.output(ELECTRICITY, 2024), 1e-12);
        // 6.132 TWh / 53 kWh/kg = 0.1157 Mt H2; * 33.33 kWh/kg = 3.857 TWh of hydrogen
        assertEquals(6.132 * (120 / 3.6) / 53, h.output(HYDROGEN, 2024), 1e-12);
        assertEquals(3.857, h.output(HYDROGEN, 2024), 0.001);
    }

    @Test
    void aCapacityTrajectoryIsFollowedYearByYear() {
        ModelHarness h = ModelHarness.of(new ElectrolyserDemand()).years(2024, 2030)
                .parameter("electrolyser_capacity", (r, y) -> 5 + 10.0 * (y - 2024)) // 5 GW to 65 GW
                .parameter("capacity_factor", 0.6)
                .parameter("specific_electricity_use", 50)
                .run();
        for (int y = 2024; y <= 2030; y++) {
            double e = (5 + 10.0 * (y - 2024)) * 0.6 * 8.76;
            assertEquals(e, h.output(ELECTRICITY, y), 1e-9, "electricity in " + y);
            assertEquals(e * 33.333333333333336 / 50, h.output(HYDROGEN, y), 1e-9, "hydrogen in " + y);
        }
        assertEquals(341.64, h.output(ELECTRICITY, 2030), 1e-9); // 65 GW * 0.6 * 8.76
    }

    @Test
    void fullLoadAndNoCapacity() {
        ModelHarness full = ModelHarness.of(new ElectrolyserDemand()).years(2024, 2024)
                .parameter("electrolyser_capacity", 1).parameter("capacity_factor", 1).run();
        assertEquals(8.76, full.output(ELECTRICITY, 2024), 1e-12); // 1 GW all year
        ModelHarness none = ModelHarness.of(new ElectrolyserDemand()).years(2024, 2024)
                .parameter("electrolyser_capacity", 0).run();
        assertEquals(0, none.output(ELECTRICITY, 2024));
        assertEquals(0, none.output(HYDROGEN, 2024));
    }

    @Test
    void regionsAreIndependent() {
        ModelHarness h = ModelHarness.of(new ElectrolyserDemand()).regions("China", "Europe").years(2024, 2024)
                .parameter("electrolyser_capacity", (r, y) -> r == 0 ? 1.0 : 0.2).run();
        assertEquals(1.0 * 0.5 * 8.76, h.output(ELECTRICITY, "China", 2024), 1e-12);
        assertEquals(0.2 * 0.5 * 8.76, h.output(ELECTRICITY, "Europe", 2024), 1e-12);
    }

    @Test
    void everyParameterIsDocumented() {
        ModelDescriptor d = new ElectrolyserDemand().descriptor();
        assertEquals(ElectrolyserDemand.ID, d.id());
        assertFalse(d.description().isBlank());
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), p.name());
            assertFalse(p.source().isBlank(), p.name());
        }
    }

    /** The META-INF/services file: how the workbench's tests (and GridEffectTest) find the model outside OSGi. */
    @Test
    void loadsThroughServiceLoader() {
        assertTrue(ServiceLoader.load(Model.class).stream().anyMatch(p -> p.type() == ElectrolyserDemand.class));
    }
}
