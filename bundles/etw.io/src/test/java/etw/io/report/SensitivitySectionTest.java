package etw.io.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import etw.io.SensitivityTable;

class SensitivitySectionTest {
    private static SensitivityTable table(double wide) {
        return new SensitivityTable("base<line>", "Emissions|CO2|Energy|Supply|Electricity", "World", 2050, "Mt CO2/yr", 8, 88,
                1, 200, 0.95, 16000, 8000, List.of(
                new SensitivityTable.Row("m/a&b", "uniform[0.2, 0.8]", 0.5, 0.3, 0.7, 0.6, 0.5, 0.7),
                new SensitivityTable.Row("m/c", "triangular(1, 2, 3)", -0.1, -wide, wide, 0.1, 0.0, 0.2)));
    }

    @Test
    void drawsTwoBarsPerParameterWithEscapedNamesAndATable() {
        StringBuilder h = new StringBuilder();
        SensitivitySection.write(h, List.of(table(0.3)));
        String s = h.toString();
        assertEquals(4, s.split("class=\"index\"", -1).length - 1);
        assertTrue(s.contains("m/a&amp;b") && !s.contains("m/a&b"), "escaped");
        assertTrue(s.contains("base&lt;line&gt;"), "scenario escaped");
        assertTrue(s.contains("0.50 [0.30, 0.70]"), s);
        assertTrue(s.contains("\u2212") || s.contains("&#8722;"), "negative S1 printed with a minus sign");
        assertEquals(2, s.split("<tr><td class=\"num\">", -1).length - 1, "a table row per parameter");
    }

    @Test
    void wideIntervalsKeepTheAxisReadable() {
        StringBuilder h = new StringBuilder();
        SensitivitySection.write(h, List.of(table(6.3)));
        int ticks = h.toString().split("text-anchor=\"middle\" font-size=\"11\"", -1).length - 1;
        assertTrue(ticks >= 3 && ticks <= 11, ticks + " ticks");
    }

    @Test
    void nothingWithoutTables() {
        StringBuilder h = new StringBuilder();
        SensitivitySection.write(h, List.of());
        assertFalse(h.toString().contains("sensitivity"));
    }
}
