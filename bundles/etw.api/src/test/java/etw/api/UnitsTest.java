package etw.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void convertsWithinADimension() {
        assertEquals(1e-3, Units.factor("GWh", "TWh"), 1e-18);
        assertEquals(1e-3, Units.factor("GWh/yr", "TWh/yr"), 1e-18);
        assertEquals(1e-3, Units.factor("MW", "GW"), 1e-18);
        assertEquals(1e-3, Units.factor("Mt CO2/yr", "Gt CO2/yr"), 1e-18);
        assertEquals(1e-3, Units.factor("g CO2/kWh", "t CO2/MWh"), 1e-18);
        assertEquals(1.0, Units.factor("g CO2/kWh", "kg CO2/MWh"), 1e-15);
        assertEquals(277.777777777, Units.factor("EJ/yr", "TWh/yr"), 1e-6);
        assertEquals(1e6, Units.factor("million", "1"));
        assertEquals(0.01, Units.factor("%", "1"));
        assertEquals(1.0, Units.factor("TWh/yr", "TWh/yr"));
    }

    @Test
    void refusesAcrossDimensions() {
        assertFalse(Units.compatible("Mt CO2/yr", "Mt/yr"), "CO2 is a dimension of its own");
        assertFalse(Units.compatible("USD/kW", "1/kW"));
        assertFalse(Units.compatible("GW", "TWh"));
        assertFalse(Units.compatible("GW", "TWh/yr"), "capacity is never silently read as generation");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.factor("GW", "TWh"));
        assertTrue(e.getMessage().contains("'GW' cannot be converted to 'TWh'"));
    }

    @Test
    void parsesEveryUnitTheBundledModelsDeclare() {
        for (String unit : new String[] {"1", "1/yr", "TWh/yr", "GW", "GW/yr", "Gt CO2", "Mt CO2/yr", "g CO2/kWh",
                "million", "million/yr", "kWh/km", "km/yr", "yr", "h", "USD/kW", "t CO2/MWh", "EJ/yr", "%",
                "thousand vehicles", "billion USD/yr", "Mt*CO2/yr", "  GWh "})
            Units.parse(unit);
    }

    @Test
    void unknownUnitsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.parse("TWh/fortnight"));
        assertTrue(e.getMessage().contains("unknown unit 'fortnight' in 'TWh/fortnight'"), e.getMessage());
    }
}
