package etw.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cases follow etw.engine.Units: what it parses must be known here, what it refuses must be refused. */
class KnownUnitsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // every input and output unit the bundled models declare
            "1", "1/yr", "TWh/yr", "GW", "Gt CO2", "Mt CO2/yr", "g CO2/kWh", "million", "million/yr",
            "kWh/km", "km/yr", "yr", "h",
            // the rest of the syntax
            "t CO2/MWh", "USD/kW", "USD/kWh", "EJ/yr", "PJ", "%", "thousand vehicles", "billion USD/yr",
            "Mt*CO2/yr", "  GWh ", "W/m/m", "kt", "vehicle"})
    void whatTheEngineParsesIsKnown(String unit) {
        assertTrue(KnownUnits.isKnown(unit), unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"furlongs", "", "  ", "/yr", "TWh//yr", "mW", "kfurlong", "tonnes", "year", "Twh/yr",
            "kWh per kg", "H2"})
    void whatTheEngineRefusesIsUnknown(String unit) {
        assertFalse(KnownUnits.isKnown(unit), unit);
    }

    @org.junit.jupiter.api.Test
    void theMessageNamesThePartAndTheKnownBases() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownUnits.check("Mt H2/yr"));
        assertEquals("unknown unit 'H2' in 'Mt H2/yr' (known: %, 1, CO2, J, USD, W, Wh, billion, g, h, m, million, t, "
                + "thousand, vehicle, vehicles, yr, with prefixes k M G T P E)", e.getMessage());
        assertEquals("empty unit (use \"1\" for a plain number)",
                assertThrows(IllegalArgumentException.class, () -> KnownUnits.check("")).getMessage());
        assertFalse(KnownUnits.isKnown(null));
    }
}
