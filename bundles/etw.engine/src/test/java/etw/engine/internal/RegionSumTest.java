package etw.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import etw.api.scenario.Result;

class RegionSumTest {
    @Test
    void extensiveAndIntensiveFromUnitsAndNames() {
        assertTrue(RegionSum.isExtensive("Secondary Energy|Electricity|Coal", "TWh/yr"));
        assertTrue(RegionSum.isExtensive("Capacity Additions|Electricity|Solar", "GW/yr"));
        assertTrue(RegionSum.isExtensive("Cumulative Emissions|CO2", "Gt CO2"));
        assertTrue(RegionSum.isExtensive("Stock|Transportation|LDV|EV", "million"));
        assertTrue(RegionSum.isExtensive("Peak Residual Load|Electricity", "GW"));
        assertFalse(RegionSum.isExtensive("Carbon Intensity|Electricity", "g CO2/kWh"));
        assertFalse(RegionSum.isExtensive("Capital Cost|Electricity|Solar", "USD/kW"));
        assertFalse(RegionSum.isExtensive("OM Cost|Fixed|Electricity|Solar", "USD/kW/yr"));
        assertFalse(RegionSum.isExtensive("Sales Share|Transportation|LDV|EV", "1"));
        assertFalse(RegionSum.isExtensive("Price|Secondary Energy|Electricity", "USD/MWh"));
        assertFalse(RegionSum.isExtensive("CFE Score|Consumer|Hourly Matching", "%"));
        assertFalse(RegionSum.isExtensive("Capacity Factor|Electricity|Wind", "1"));
        assertFalse(RegionSum.isExtensive("Levelised Cost|Electricity|Solar", "USD/MWh"));
        assertFalse(RegionSum.isExtensive("Capital Cost|Electricity|Storage|Battery", "USD/kWh"));
        assertTrue(RegionSum.isExtensive("Cost|Consumer|Hourly Matching", "million USD/yr"));
    }

    @Test
    void worldIsTheSumAndTheRatioOfSums() {
        // regions: World, A, B; two years
        List<String> regions = List.of("World", "A", "B");
        List<Result.VariableInfo> vars = List.of(
                new Result.VariableInfo("Carbon Intensity|Electricity", "g CO2/kWh", "m"),
                new Result.VariableInfo("Emissions|CO2", "Mt CO2/yr", "m"),
                new Result.VariableInfo("Secondary Energy|Electricity", "TWh/yr", "m"));
        RegionSum sum = RegionSum.plan(regions, vars, 2);
        double[][] values = {
                {999, 999, 500, 400, 100, 0},  // intensity: A 500, 400; B 100, 0
                {7, 7, 50, 40, 10, 0},         // emissions
                {9, 9, 100, 100, 100, 0}};     // generation
        sum.apply(values);
        assertArrayEquals(new double[] {60, 40}, new double[] {values[1][0], values[1][1]});
        assertArrayEquals(new double[] {200, 100}, new double[] {values[2][0], values[2][1]});
        assertEquals(300, values[0][0], 1e-12, "(500*100 + 100*100) / 200");
        assertEquals(400, values[0][1], 1e-12, "B generates nothing in year 2");
        assertNull(RegionSum.plan(List.of("World"), vars, 2), "World alone is computed directly");
        assertNull(RegionSum.plan(List.of("A", "B"), vars, 2), "no World, nothing to add up");
    }
}
