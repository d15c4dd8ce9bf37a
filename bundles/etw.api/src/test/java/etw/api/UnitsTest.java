package etw.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
                "thousand vehicles", "billion USD/yr", "Mt*CO2/yr", "  GWh ", "MWh/yr", "Gt CO2/yr", "kWh/kg",
                "vehicles", "million vehicles", "vehicle/yr"})
            Units.parse(unit);
    }

    /**
     * Every unit the closed grammar accepted (the bundled models', the scenarios', the tests') parses to the same
     * dimension and the same factor, bit for bit, so no result moves.
     */
    @Test
    void everyUnitTheOldGrammarAcceptedKeepsItsFactorBitForBit() {
        for (String unit : new String[] {"1", "1/yr", "TWh/yr", "GW", "GW/yr", "Gt CO2", "Mt CO2/yr", "g CO2/kWh",
                "million", "million/yr", "kWh/km", "km/yr", "yr", "h", "USD/kW", "t CO2/MWh", "EJ/yr", "%",
                "thousand vehicles", "billion USD/yr", "Mt*CO2/yr", "  GWh ", "MWh/yr", "Gt CO2/yr", "kWh/kg",
                "vehicles", "million vehicles", "vehicle/yr", "TWh", "PJ/yr", "GJ", "kt CO2", "Mt", "EWh", "m",
                "kW", "TW", "PW", "EW", "USD/kW/yr", "USD/MWh", "kg CO2/MWh", "J/Wh", "million USD", "thousand/yr",
                "Gg", "Tg", "W/m", "MWh/h", "vehicle"}) {
            LegacyUnits.Unit old = LegacyUnits.parse(unit);
            Units.Unit now = Units.parse(unit);
            assertEquals(old.dimension(), now.dimension(), unit);
            assertEquals(Double.doubleToLongBits(old.factor()), Double.doubleToLongBits(now.factor()),
                    () -> unit + ": " + old.factor() + " then, " + now.factor() + " now");
        }
    }

    /** The five units of issue 14, item 8, each of which left its plugin out before. */
    @Test
    void theFiveUnitsOfTheIssueParse() {
        assertEquals(Map.of("g", 1, "CH4", 1, "h", -1), Units.parse("Mt CH4/yr").dimension());
        assertEquals(Map.of("g", 1, "CO2e", 1, "h", -1), Units.parse("Mt CO2e/yr").dimension());
        assertEquals(Map.of("Wh", 1, "m", -3), Units.parse("kWh/m3").dimension());
        assertEquals(Map.of("m", 3, "h", -1), Units.parse("million m3/day").dimension());
        assertEquals(Map.of("W", 1), Units.parse("mW").dimension());
        assertEquals(1e6 / 24, Units.parse("million m3/day").factor(), 1e-9);
        assertEquals(1e-3, Units.parse("mW").factor());
        assertEquals(1e6, Units.parse("MW").factor());
    }

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource(delimiter = ';', value = {
            // prefixes, milli versus mega
            "mW;         W;          1e-3",
            "MW;         mW;         1e9",
            "kW;         W;          1e3",
            "µg;         g;          1e-6",
            "ug;         mg;         1e-3",
            "nm;         m;          1e-9",
            "cm;         m;          1e-2",
            "PJ;         TWh;        0.2777777777777778",
            "Mtoe;       TWh;        11.63",
            // exponents
            "km2;        m2;         1e6",
            "m^2;        m2;         1",
            "ha;         m2;         1e4",
            "million ha; km²;        1e4",
            "m3;         1/m^-3;     1",
            "bcm;        million m3; 1e3",
            "km3;        bcm;        1",
            // products and quotients
            "kWh/m3;     MWh/m3;     1e-3",
            "t CO2/MWh;  g CO2/kWh;  1e3",
            "tCO2/MWh;   t CO2/MWh;  1",
            "USD/kW/yr;  USD/MW/yr;  1e3",
            "USD/kW/yr;  USD/kW/d;   0.0027397260273972603",
            "billion USD/yr; million USD/yr; 1e3",
            // time
            "TWh/yr;     GWh/d;      2.73972602739726",
            "TWh/yr;     TWh/a;      1",
            "TWh/year;   TWh/yr;     1",
            "1/h;        1/min;      0.016666666666666666",
            "1/s;        1/h;        3600",
            "min;        s;          60",
            "million m3/day; bcm/yr; 0.365",
            // gases, each its own dimension, converting within itself
            "Mt CH4/yr;  kt CH4/yr;  1e3",
            "kt N2O/yr;  Mt N2O/yr;  1e-3",
            "Mt CO2e/yr; Gt CO2-equiv/yr; 1e-3",
            "Mt CO2eq/yr; MtCO2e/yr; 1",
            "Mt CO2/yr;  Gt CO2/yr;  1e-3",
            "kt SF6/yr;  t SF6/yr;   1e3",
            "Mt H2/yr;   kt H2/yr;   1e3",
            // counts, numbers, currencies
            "million vehicles; vehicles; 1e6",
            "thousand vehicles/yr; million vehicles/yr; 1e-3",
            "%;          1;          0.01",
            "ppm;        %;          1e-4",
            "US$2010/kW; USD_2010/MW; 1e3",
            "EUR/MWh;    EUR/kWh;    1e-3",
            // common in IAMC templates
            "bn pkm/yr;  million pkm/yr; 1e3",
            "bn tkm/yr;  Mt km/yr;   1e3",
            "kcal/cap/day; MJ/cap/yr; 1.52716",
            "billion US$2010/yr; million USD_2010/yr; 1e3",
            "t/ha;       kg/m2;      0.1",
            "W/m2;       mW/m^2;     1e3",
            "°C;         °C;         1"})
    void conversionTable(String from, String to, double expected) {
        assertEquals(expected, Units.factor(from, to), Math.abs(expected) * 1e-12, from + " -> " + to);
        assertEquals(1 / expected, Units.factor(to, from), Math.abs(1 / expected) * 1e-12, to + " -> " + from);
    }

    @Test
    void capacityIsNeverReadAsGeneration() {
        String m = refusal("GW", "TWh/yr");
        assertTrue(m.startsWith("'GW' cannot be converted to 'TWh/yr': one is power (a capacity, in W) and the other "
                + "energy per time"), m);
        assertTrue(m.contains("capacity factor"), m);
        assertTrue(refusal("TWh/yr", "GW").contains("capacity factor"));
        assertTrue(refusal("MW", "MWh/h").contains("capacity factor"), "even one hour to one hour");
        assertTrue(refusal("GW", "TWh").contains("'GW' is [W] but 'TWh' is [Wh]"));
    }

    @Test
    void gasesNeverConvertIntoEachOther() {
        String m = refusal("Mt CH4/yr", "Mt CO2e/yr");
        assertTrue(m.startsWith("'Mt CH4/yr' cannot be converted to 'Mt CO2e/yr': CH4 and CO2e are different gases"), m);
        assertTrue(m.contains("CH4 is not CO2e without a global warming potential (GWP100 or GWP20"), m);
        assertTrue(m.contains("apply it in a model, as a parameter"), m);
        assertTrue(refusal("Mt CO2e/yr", "kt N2O/yr").contains("N2O is not CO2e without a global warming potential"));
        String co2 = refusal("Mt CO2/yr", "Mt CO2e/yr");
        assertTrue(co2.contains("CO2 and CO2e are different gases"), co2);
        String ch4n2o = refusal("kt CH4/yr", "kt N2O/yr");
        assertTrue(ch4n2o.contains("CH4 and N2O are different gases, and no unit converts one into the other"), ch4n2o);
        String none = refusal("Mt CO2/yr", "Mt/yr");
        assertTrue(none.contains("'Mt CO2/yr' counts CO2 but 'Mt/yr' names no gas"), none);
    }

    @Test
    void currenciesAndPriceYearsNeverConvert() {
        assertTrue(refusal("USD/kW", "EUR/kW").contains("different currencies or price years (USD and EUR)"));
        assertTrue(refusal("USD_2010/kW", "USD_2020/kW").contains("(USD_2010 and USD_2020) need an exchange rate or a deflator"));
        assertTrue(refusal("USD/kW", "1/kW").contains("'USD/kW' is money (USD) but '1/kW' names no currency"));
    }

    @Test
    void otherMismatchesNameBothDimensions() {
        assertTrue(refusal("kWh/m3", "kWh/kg").contains("'kWh/m3' is [Wh m^-3] but 'kWh/kg' is [Wh g^-1]"));
        assertTrue(refusal("million vehicles", "million").contains("is [vehicle] but 'million' is a plain number"));
    }

    @Test
    void unknownUnitsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.parse("TWh/fortnight"));
        assertTrue(e.getMessage().contains("unknown unit 'fortnight' in 'TWh/fortnight'"), e.getMessage());
        assertTrue(e.getMessage().contains("known: Wh J toe W g t m ha bcm s min h d day"), e.getMessage());
        for (String iamc : new String[] {"Mt CO2-equiv/yr", "kt HFC134a-equiv/yr", "kt SF6/yr", "Mt BC/yr", "Mt CO/yr",
                "Mt NOX/yr", "Mt OC/yr", "Mt SO2/yr", "Mt VOC/yr", "Mt NH3/yr", "US$2010/kW", "US$2010/t CO2",
                "million ha", "bn vkm/yr", "W/m2", "ppm", "EJ/yr", "million t/yr", "km3/yr", "US$2010/GJ"})
            Units.parse(iamc);
        assertTrue(e.getMessage().contains("gases CO2 CH4 N2O"), e.getMessage());
    }

    @Test
    void ambiguousAndMalformedUnitsAreRefused() {
        assertTrue(parseError("mt CO2/yr").contains("'mt' is ambiguous: write 't' for tonnes or 'Mt' for megatonnes"));
        assertTrue(parseError("Mm3/yr").contains("write 'million m3'"));
        assertTrue(parseError("TWh//yr").contains("empty part around '/'"));
        assertTrue(parseError(" ").contains("empty unit"));
        assertTrue(parseError("Mt CO2^2").contains("the gas CO2 takes no exponent"));
        assertTrue(parseError("kh").contains("unknown unit 'kh'"), "hours take no prefix");
        assertTrue(parseError("Pa").contains("unknown unit 'Pa'"), "no peta-annum, and no pascal either");
        assertTrue(parseError("kCO2").contains("unknown unit 'kCO2'"), "a gas takes no prefix");
        assertTrue(parseError("m0").contains("unknown unit 'm0'"));
        assertTrue(parseError("MWH").contains("unknown unit 'MWH' in 'MWH'; did you mean 'MWh' or 'mWh'? (case matters"));
        assertTrue(parseError("Mt co2/yr").contains("did you mean 'CO2'?"));
        assertTrue(parseError("GWH/yr").contains("did you mean 'GWh'?"));
    }

    private static String refusal(String from, String to) {
        assertFalse(Units.compatible(from, to), from + " and " + to);
        return assertThrows(IllegalArgumentException.class, () -> Units.factor(from, to)).getMessage();
    }

    private static String parseError(String unit) {
        return assertThrows(IllegalArgumentException.class, () -> Units.parse(unit)).getMessage();
    }
}
