package etw.models.electrification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.Set;

import org.junit.jupiter.api.Test;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.testkit.ModelHarness;

class ElectrificationModelTest {

    private static final String TRANSPORT = "Final Energy|Electricity|Transportation";
    private static final String CARS_TWH = TRANSPORT + "|LDV";
    private static final String RAIL = TRANSPORT + "|Rail and Other";
    private static final String BUILDINGS = "Final Energy|Electricity|Residential and Commercial";
    private static final String INDUSTRY = "Final Energy|Electricity|Industry";
    private static final String OTHER = "Final Energy|Electricity|Other";
    private static final String SHARE = "Sales Share|Transportation|LDV|EV";
    private static final String SALES = "Sales|Transportation|LDV|EV";
    private static final String STOCK = "Stock|Transportation|LDV|EV";
    private static final String OLD_FLEET = STOCK + "|Sold Before First Year";
    private static final String INDEX = "Demand Index|Electricity";
    private static final String CAR_SALES = "Sales|Transportation|LDV";
    private static final String HP_STOCK = "Stock|Residential and Commercial|Heat Pumps";
    private static final String HP_SALES = "Sales|Residential and Commercial|Heat Pumps";
    private static final String HP_TWH = BUILDINGS + "|Heat Pumps";

    private static final List<String> MODES = List.of("LDV", "Two and Three Wheelers", "Buses", "Vans",
            "Medium Trucks", "Heavy Trucks");

    private static final double TOL = 1e-9;
    /** Gamma(1 + 1/3.5), from Python's math.gamma. */
    private static final double GAMMA_SHAPE_3_5 = 0.8997471765028391;

    private static ModelHarness defaults(int first, int last) {
        return ModelHarness.of(new ElectrificationModel()).years(first, last);
    }

    /** Every car sold is electric, from the first year on. */
    private static ModelHarness allElectric(int first, int last) {
        return defaults(first, last)
                .parameter("ev_share_ceiling", 1)
                .parameter("ev_share_steepness", 2)
                .parameter("ev_share_midpoint", 2000);
    }

    /** Default car survival S(a), written out independently of the model. */
    private static double survival(double age) {
        double scale = 17 / GAMMA_SHAPE_3_5;
        return Math.exp(-Math.pow(age / scale, 3.5));
    }

    @Test
    void baseYearMatchesHandCalculation() {
        ModelHarness h = defaults(2024, 2024).run();

        // 0.95 / (1 + e^(0.25 * 4.8)) = 0.2199 of 78 million: 17.15 million, "over 17 million" (IEA GEVO 2025)
        double share = 0.95 / (1 + Math.exp(-0.25 * (2024 - 2028.8)));
        assertEquals(share, h.output(SHARE, 2024), TOL);
        assertEquals(share * 78, h.output(SALES, 2024), TOL);
        assertEquals(17.15, h.output(SALES, 2024), 0.01);
        assertEquals(58, h.output(STOCK, 2024), TOL);
        assertEquals(58 - share * 78 * survival(0.5), h.output(OLD_FLEET, 2024), 1e-9);

        // the mid-year stock drives: the end of 2023 lies between 58 - 17.15 and that plus a year of scrapping
        double cars = h.output(CARS_TWH, 2024);
        double stockBefore = 2 * cars / (14_000 * 0.21 / 1000) - 58;
        assertTrue(stockBefore > 58 - 17.15 && stockBefore < 58 - 17.15 + 1, "stock at the end of 2023: " + stockBefore);
        assertEquals(145.8, cars, 0.1);

        assertEquals(313.3, h.output(RAIL, 2024), TOL);
        double road = 0;
        for (String mode : MODES) road += h.output(TRANSPORT + "|" + mode, 2024);
        assertEquals(road + 313.3, h.output(TRANSPORT, 2024), TOL);
        assertEquals(192.0, road, 0.1);
        // the transport electricity of the 2024 calibration: 58 million * 2.16 MWh + 380 TWh = 505.28 TWh
        assertEquals(505.28, h.output(TRANSPORT, 2024), 0.01 * 505.28);
        assertEquals(12_867 + 13_000 * 0.10 / 3.0, h.output(BUILDINGS, 2024), TOL);
        assertEquals(10_880 + 24_000 * 0.03, h.output(INDUSTRY, 2024), TOL);
        assertEquals(1_952, h.output(OTHER, 2024), TOL);
    }

    @Test
    void baseYearAddsUpToWorldFinalElectricity() {
        ModelHarness h = defaults(2024, 2024).run();
        double total = h.output(TRANSPORT, 2024) + h.output(BUILDINGS, 2024) + h.output(INDUSTRY, 2024)
                + h.output(OTHER, 2024) + 415;
        assertEquals(27_775, total, 0.01 * 27_775);
    }

    @Test
    void constantSalesConvergeToSalesTimesMeanLifetime() {
        ModelHarness h = allElectric(2024, 2100)
                .parameter("car_sales_growth", 0)
                .parameter("ev_stock_base", 0)
                .run();
        // after 76 years every vintage up to 49 years old is a constant-sales cohort: 78 million * 17 years
        assertEquals(78, h.output(SALES, 2100), 1e-9);
        assertEquals(78 * 17, h.output(STOCK, 2100), 0.001 * 78 * 17);
        // and the same for a flatter curve and a shorter life
        ModelHarness flat = allElectric(2024, 2100)
                .parameter("car_sales_growth", 0)
                .parameter("ev_stock_base", 0)
                .parameter("vehicle_lifetime", 10)
                .parameter("car_lifetime_shape", 1.5)
                .run();
        assertEquals(78 * 10, flat.output(STOCK, 2100), 0.001 * 78 * 10);
    }

    @Test
    void oneVintageDecaysAlongTheWeibullSurvival() {
        // only 2024's 78 million cars are electric, and no older EVs exist
        ModelHarness h = defaults(2024, 2074)
                .parameter("ev_share_ceiling", (r, y) -> y == 2024 ? 1 : 0)
                .parameter("ev_share_steepness", 2)
                .parameter("ev_share_midpoint", 2000)
                .parameter("ev_stock_base", 0)
                .run();
        for (int age = 0; age < 50; age++) {
            double expected = 78 * survival(age + 0.5);
            assertEquals(expected, h.output(STOCK, 2024 + age), 1e-9, "age " + age);
            assertEquals(0, h.output(OLD_FLEET, 2024 + age), TOL);
        }
        // the curve the parameter's source describes: 90% left at age 10, 30% at 20, 7% at 25
        assertEquals(0.90, survival(10), 0.01);
        assertEquals(0.30, survival(20), 0.01);
        assertEquals(0.07, survival(25), 0.01);
        // none after 50 years (the oldest age kept is 49)
        assertEquals(0, h.output(STOCK, 2074), TOL);
    }

    @Test
    void theFirstYearsFleetRetiresByItsAgeProfile() {
        // no sales after 2024: the 2024 stock is this year's sales plus an older fleet whose sales grew 33%/yr
        ModelHarness h = defaults(2024, 2060)
                .parameter("ev_share_ceiling", (r, y) -> y == 2024 ? 0.95 : 0)
                .run();
        double sales = h.output(SALES, 2024);
        double g = 0.33;
        double d0 = 0;
        double d10 = 0;
        for (int j = 1; j <= 49; j++) {
            d0 += Math.pow(1 + g, -j) * survival(j + 0.5);
            if (j + 10 <= 49) d10 += Math.pow(1 + g, -j) * survival(j + 10 + 0.5);
        }
        double scale = (58 - sales * survival(0.5)) / d0;
        // the implied 2023 sales: 13.9 million (IEA: 13.8 million)
        assertEquals(13.9, scale, 0.05);
        assertEquals(scale * d10, h.output(OLD_FLEET, 2034), 1e-6);
        assertEquals(scale * d10 + sales * survival(10.5), h.output(STOCK, 2034), 1e-6);
        // a young fleet barely retires: after ten years three quarters remain (43 million), not 58 * (14/15)^10 = 29
        assertTrue(h.output(STOCK, 2034) > 40, "stock 2034: " + h.output(STOCK, 2034));
        for (int y = 2025; y <= 2060; y++) assertTrue(h.output(STOCK, y) < h.output(STOCK, y - 1), "falls in " + y);
    }

    @Test
    void aStockBelowTheFirstYearsSalesMeansNoOlderFleet() {
        ModelHarness h = defaults(2024, 2030).parameter("ev_stock_base", 5).run();
        double sales = h.output(SALES, 2024);
        assertEquals(sales * survival(0.5), h.output(STOCK, 2024), 1e-9);
        for (int y = 2024; y <= 2030; y++) {
            assertEquals(0, h.output(OLD_FLEET, y), TOL);
            assertTrue(h.output(STOCK, y) >= 0);
        }
    }

    @Test
    void electricityIsTheMidYearStockTimesKmAndKwhPerKm() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("km_per_vehicle", 18_000)
                .parameter("kwh_per_km", 0.31)
                .run();
        for (int y = 2025; y <= 2030; y++) {
            double midYear = (h.output(STOCK, y - 1) + h.output(STOCK, y)) / 2;
            assertEquals(midYear * 18_000 * 0.31 / 1000, h.output(CARS_TWH, y), 1e-9);
        }
        assertEquals(313.3 * Math.pow(1.02, 6), h.output(RAIL, 2030), 1e-9);
    }

    @Test
    void transportationIsTheSumOfEveryRoadModeAndRail() {
        ModelHarness h = defaults(2024, 2050).run();
        for (int y = 2024; y <= 2050; y++) {
            double sum = h.output(RAIL, y);
            for (String mode : MODES) sum += h.output(TRANSPORT + "|" + mode, y);
            assertEquals(sum, h.output(TRANSPORT, y), 1e-9 * sum, "" + y);
        }
    }

    /** The prefix of each mode's parameters, in the order of {@link #MODES}. */
    private static final List<String> PREFIXES = List.of("car", "two_wheeler", "bus", "van", "medium_truck",
            "heavy_truck");

    private static String parameter(String prefix, String suffix) {
        if (!prefix.equals("car")) return prefix + "_" + suffix;
        return switch (suffix) {
            case "sales_base", "sales_growth", "lifetime_shape" -> "car_" + suffix;
            case "lifetime" -> "vehicle_lifetime";
            case "km_per_vehicle", "kwh_per_km" -> suffix;
            default -> suffix; // ev_stock_base, ev_share_*, ev_sales_history_growth
        };
    }

    @Test
    void everyModesStockConvergesToSalesTimesItsMeanLifetime() {
        ModelHarness h = defaults(2024, 2100);
        double[] lifetimes = {17, 8, 12, 15, 12, 14};
        for (String prefix : PREFIXES) {
            h.parameter(parameter(prefix, "ev_share_ceiling"), 1)
                    .parameter(parameter(prefix, "ev_share_steepness"), 2)
                    .parameter(parameter(prefix, "ev_share_midpoint"), 2000)
                    .parameter(parameter(prefix, "sales_growth"), 0)
                    .parameter(parameter(prefix, "ev_stock_base"), 0)
                    .parameter(parameter(prefix, "sales_base"), 10);
        }
        h.run();
        for (int m = 0; m < MODES.size(); m++) {
            String mode = MODES.get(m);
            assertEquals(10, h.output("Sales|Transportation|" + mode + "|EV", 2100), 1e-9, mode);
            assertEquals(10 * lifetimes[m], h.output("Stock|Transportation|" + mode + "|EV", 2100),
                    0.002 * 10 * lifetimes[m], mode);
        }
    }

    @Test
    void everyModesFirstYearStockIsItsBaseAndItsElectricityPerVehicleDiffers() {
        ModelHarness h = defaults(2024, 2030).run();
        double[] stockBase = {58, 70, 0.72, 1.8, 0.36, 0.04};
        // MWh per vehicle a year: km * kWh/km / 1000
        double[] mwh = {2.94, 0.2, 19.2, 6.0, 17.5, 78};
        for (int m = 0; m < MODES.size(); m++) {
            String mode = MODES.get(m);
            assertEquals(stockBase[m], h.output("Stock|Transportation|" + mode + "|EV", 2024), 1e-9, mode);
            double midYear = (h.output("Stock|Transportation|" + mode + "|EV", 2029)
                    + h.output("Stock|Transportation|" + mode + "|EV", 2030)) / 2;
            assertEquals(mwh[m], h.output(TRANSPORT + "|" + mode, 2030) / midYear, 1e-9, mode);
            assertTrue(h.output("Stock|Transportation|" + mode + "|EV", 2030) > stockBase[m], mode + " grows");
        }
    }

    @Test
    void salesAndStockFollowTheEquationsInLaterYears() {
        ModelHarness h = defaults(2024, 2026).run();
        double share25 = 0.95 / (1 + Math.exp(-0.25 * (2025 - 2028.8)));
        double share26 = 0.95 / (1 + Math.exp(-0.25 * (2026 - 2028.8)));
        assertEquals(share25 * 78 * 1.01, h.output(SALES, 2025), TOL);
        assertEquals(share26 * 78 * 1.01 * 1.01, h.output(SALES, 2026), TOL);
        double stock26 = h.output(SALES, 2026) * survival(0.5) + h.output(SALES, 2025) * survival(1.5)
                + h.output(SALES, 2024) * survival(2.5) + h.output(OLD_FLEET, 2026);
        assertEquals(stock26, h.output(STOCK, 2026), 1e-9);
        assertEquals(12_867 * 1.02 + 13_000 * 0.10 / 3.0, h.output(BUILDINGS, 2025), TOL);
        assertEquals(10_880 * 1.02 + 24_000 * 0.03, h.output(INDUSTRY, 2025), TOL);
        assertEquals(1_952 * 1.02 * 1.02, h.output(OTHER, 2026), 1e-6);
    }

    @Test
    void growthCompoundsOverDecades() {
        ModelHarness h = defaults(2024, 2034).run();
        // ten years at 2%: 1.02^10 = 1.218994
        assertEquals(1_952 * 1.218994419, h.output(OTHER, 2034), 1e-5);
        assertEquals(10_880 * 1.218994419 + 720, h.output(INDUSTRY, 2034), 1e-4);
    }

    @Test
    void zeroGrowthKeepsBaselineFlat() {
        ModelHarness h = defaults(2024, 2060)
                .parameter("demand_growth", 0)
                .parameter("car_sales_growth", 0)
                .run();
        for (int y = 2024; y <= 2060; y++) {
            assertEquals(1_952, h.output(OTHER, y), TOL);
            assertEquals(11_600, h.output(INDUSTRY, y), TOL);
            assertEquals(313.3, h.output(RAIL, y), TOL);
        }
        assertEquals(0.95 / (1 + Math.exp(-0.25 * (2040 - 2028.8))) * 78, h.output(SALES, 2040), TOL);
    }

    /** Population, GDP per person with its elasticity, and the efficiency trend compound into the demand index. */
    @Test
    void driversSetTheGrowthOfNonElectrifiedDemand() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("demand_growth", 0)
                .parameter("population_growth", -0.005)
                .parameter("gdp_growth", 0.034)
                .parameter("income_elasticity", 0.8)
                .parameter("efficiency_trend", 0.01)
                .run();
        double factor = 0.995 * Math.pow(1.034 / 0.995, 0.8) * 0.99;
        assertEquals(Math.pow(factor, 6), h.output("Demand Index|Electricity", 2030), 1e-12);
        assertEquals(1_952 * Math.pow(factor, 6), h.output(OTHER, 2030), 1e-9);
        // without drivers the index is the plain demand_growth of the default
        ModelHarness plain = defaults(2024, 2030).run();
        assertEquals(Math.pow(1.02, 6), plain.output("Demand Index|Electricity", 2030), 1e-12);
    }

    @Test
    void zeroStockAndZeroShareLeaveOnlyRailAndOther() {
        ModelHarness h = defaults(2024, 2030).parameter("demand_growth", 0);
        for (String prefix : PREFIXES)
            h.parameter(parameter(prefix, "ev_share_ceiling"), 0).parameter(parameter(prefix, "ev_stock_base"), 0);
        h.run();
        for (int y = 2024; y <= 2030; y++) {
            for (String mode : MODES) {
                assertEquals(0, h.output("Stock|Transportation|" + mode + "|EV", y), mode);
                assertEquals(0, h.output(TRANSPORT + "|" + mode, y), mode);
            }
            assertEquals(313.3, h.output(TRANSPORT, y), TOL);
        }
    }

    @Test
    void zeroElectrifiedSharesLeaveOnlyTheBaseline() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("heat_pump_share", 0)
                .parameter("industry_electrified_share", 0)
                .run();
        assertEquals(12_867, h.output(BUILDINGS, 2024), TOL);
        assertEquals(10_880, h.output(INDUSTRY, 2024), TOL);
        assertEquals(12_867 * Math.pow(1.02, 6), h.output(BUILDINGS, 2030), 1e-6);
        assertEquals(10_880 * Math.pow(1.02, 6), h.output(INDUSTRY, 2030), 1e-6);
    }

    @Test
    void fullAdoptionSaturates() {
        ModelHarness h = allElectric(2024, 2100)
                .parameter("car_sales_growth", 0)
                .parameter("demand_growth", 0)
                .parameter("heat_pump_share", 1)
                .parameter("industry_electrified_share", 1)
                .run();
        assertEquals(1, h.output(SHARE, 2024), 1e-12);
        assertEquals(78, h.output(SALES, 2050), 1e-9);
        // the stock saturates at sales * mean lifetime, and no earlier than the lifetime allows
        assertEquals(78 * 17, h.output(STOCK, 2100), 0.001 * 78 * 17);
        for (int y = 2025; y <= 2100; y++) assertTrue(h.output(STOCK, y) <= 78 * 17 * 1.001, "" + y);
        assertEquals(12_867 + 13_000 / 3.0, h.output(BUILDINGS, 2050), TOL);
        assertEquals(34_880, h.output(INDUSTRY, 2050), TOL);
    }

    @Test
    void heatPumpStockMeetsTheShareAndSalesReplaceRetirements() {
        ModelHarness h = defaults(2024, 2100).parameter("demand_growth", 0).run();
        // 10% of 13,000 TWh of heat at 6.5 MWh per heat pump: 200 million
        for (int y = 2024; y <= 2100; y++) {
            assertEquals(200, h.output(HP_STOCK, y), 1e-9, "" + y);
            assertEquals(13_000 * 0.10 / 3.0, h.output(HP_TWH, y), 1e-9, "" + y);
            assertEquals(12_867 + 13_000 * 0.10 / 3.0, h.output(BUILDINGS, y), 1e-9, "" + y);
            assertEquals(12_867, h.output(BUILDINGS + "|Other Uses", y), 1e-9, "" + y);
        }
        // the first year continues a history growing 10% a year; a constant stock then needs stock / lifetime
        double scale = 18 / WeibullSurvival.gamma(1 + 1 / 3.0);
        double s0 = Math.exp(-Math.pow(0.5 / scale, 3));
        double d0 = 0;
        for (int j = 1; j < 50; j++) d0 += Math.pow(1.1, -j) * Math.exp(-Math.pow((j + 0.5) / scale, 3));
        assertEquals(200 / (s0 + d0), h.output(HP_SALES, 2024), 1e-9);
        assertEquals(200 / 18.0, h.output(HP_SALES, 2100), 0.01 * 200 / 18);
        for (int y = 2025; y <= 2100; y++) assertTrue(h.output(HP_SALES, y) >= 0, "" + y);
    }

    @Test
    void aFallingHeatPumpShareSellsNothingAndTheSurvivorsRetire() {
        ModelHarness h = defaults(2024, 2040)
                .parameter("heat_pump_share", (r, y) -> y == 2024 ? 0.10 : 0.0)
                .run();
        for (int y = 2025; y <= 2040; y++) {
            assertEquals(0, h.output(HP_SALES, y), TOL);
            assertTrue(h.output(HP_STOCK, y) < h.output(HP_STOCK, y - 1) && h.output(HP_STOCK, y) > 0, "" + y);
            assertEquals(h.output(HP_STOCK, y) * 6.5 / 3.0, h.output(HP_TWH, y), 1e-9);
        }
    }

    @Test
    void electrifiedProcessHeatIsACapacityStock() {
        String capacity = "Capacity|Industry|Electrified Process Heat";
        String additions = "Capacity Additions|Industry|Electrified Process Heat";
        String heat = INDUSTRY + "|Electrified Process Heat";
        // the share rises from 3% to 12% by 2050: 720 TWh of heat at 5.256 TWh a GW is 137 GW in 2024
        ModelHarness h = defaults(2024, 2100).parameter("demand_growth", 0)
                .parameter("industry_electrified_share", (r, y) -> 0.03 + 0.09 * Math.min(1, (y - 2024) / 26.0)).run();
        for (int y = 2024; y <= 2100; y++) {
            double share = 0.03 + 0.09 * Math.min(1, (y - 2024) / 26.0);
            assertEquals(24_000 * share / 5.256, h.output(capacity, y), 1e-9, "" + y);
            // efficiency 1: the electricity is the share of process heat, as before the stock
            assertEquals(24_000 * share, h.output(heat, y), 1e-9, "" + y);
            assertEquals(10_880 + 24_000 * share, h.output(INDUSTRY, y), 1e-9, "" + y);
            assertEquals(10_880, h.output(INDUSTRY + "|Other Uses", y), 1e-9, "" + y);
            assertTrue(h.output(additions, y) >= 0, "" + y);
        }
        // a constant capacity needs capacity / lifetime of additions a year in the long run
        assertEquals(24_000 * 0.12 / 5.256 / 25, h.output(additions, 2100), 0.02 * 24_000 * 0.12 / 5.256 / 25);
        // industrial heat pumps: three times the heat per kWh, a third of the electricity for the same capacity
        ModelHarness hp = defaults(2024, 2030).parameter("process_heat_efficiency", 3.0).run();
        assertEquals(h.output(capacity, 2024), hp.output(capacity, 2024), 1e-9);
        assertEquals(24_000 * 0.03 / 3, hp.output(heat, 2024), 1e-9);
        // a share that falls faster than the equipment retires: no additions, the survivors keep running
        ModelHarness fall = defaults(2024, 2035)
                .parameter("industry_electrified_share", (r, y) -> y == 2024 ? 0.10 : 0.0).run();
        for (int y = 2025; y <= 2035; y++) {
            assertEquals(0, fall.output(additions, y), TOL);
            assertTrue(fall.output(capacity, y) < fall.output(capacity, y - 1) && fall.output(capacity, y) > 0, "" + y);
            assertEquals(fall.output(capacity, y) * 5.256, fall.output(heat, y), 1e-9);
        }
    }

    @Test
    void gammaMatchesKnownValues() {
        assertEquals(1, WeibullSurvival.gamma(1), 1e-13);
        assertEquals(Math.sqrt(Math.PI), WeibullSurvival.gamma(0.5), 1e-12);
        assertEquals(24, WeibullSurvival.gamma(5), 1e-10);
        assertEquals(GAMMA_SHAPE_3_5, WeibullSurvival.gamma(1 + 1 / 3.5), 1e-13);
    }

    @Test
    void heatPumpShareTrajectoryIsReadEachYear() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("heat_pump_share", (r, y) -> 0.10 + 0.05 * (y - 2024))
                .parameter("heat_pump_cop", 4)
                .run();
        assertEquals(12_867 + 13_000 * 0.10 / 4, h.output(BUILDINGS, 2024), TOL);
        assertEquals(12_867 * Math.pow(1.02, 6) + 13_000 * 0.40 / 4, h.output(BUILDINGS, 2030), 1e-6);
    }

    @Test
    void regionsAreIndependent() {
        ModelHarness h = ModelHarness.of(new ElectrificationModel())
                .regions("A", "B")
                .years(2024, 2026)
                .parameter("ev_stock_base", (r, y) -> r == 0 ? 30 : 40)
                .parameter("km_per_vehicle", (r, y) -> r == 0 ? 12_000 : 18_000)
                .parameter("other_base", (r, y) -> r == 0 ? 100 : 300)
                .run();
        assertEquals(30, h.output(STOCK, "A", 2024), TOL);
        assertEquals(40, h.output(STOCK, "B", 2024), TOL);
        assertEquals(100 * 1.02 * 1.02, h.output(OTHER, "A", 2026), 1e-9);
        assertEquals(300 * 1.02 * 1.02, h.output(OTHER, "B", 2026), 1e-9);
        assertEquals(h.output(SALES, "A", 2025), h.output(SALES, "B", 2025), TOL);
        // the same sales on different older fleets: the difference is the older fleets' survivors
        assertEquals(h.output(OLD_FLEET, "B", 2025) - h.output(OLD_FLEET, "A", 2025),
                h.output(STOCK, "B", 2025) - h.output(STOCK, "A", 2025), 1e-9);
        double perCarA = h.output(CARS_TWH, "A", 2025) / (h.output(STOCK, "A", 2024) + h.output(STOCK, "A", 2025));
        double perCarB = h.output(CARS_TWH, "B", 2025) / (h.output(STOCK, "B", 2024) + h.output(STOCK, "B", 2025));
        assertEquals(1.5, perCarB / perCarA, 1e-9);
    }

    @Test
    void aLaterFirstYearUsesTheBaseValuesThen() {
        // n counts from the scenario's first year, the S-curve from the calendar year
        ModelHarness h = defaults(2030, 2031).run();
        assertEquals(58, h.output(STOCK, 2030), TOL);
        assertEquals(1_952, h.output(OTHER, 2030), TOL);
        assertEquals(0.95 / (1 + Math.exp(-0.25 * (2030 - 2028.8))) * 78, h.output(SALES, 2030), TOL);
        // 2030's sales alone exceed 58 million? no: 0.55 * 78 = 43; so an older fleet of about 15 million
        assertTrue(h.output(OLD_FLEET, 2030) > 10);
    }

    @Test
    void randomParametersGiveFiniteNonNegativeOutputs() {
        ModelDescriptor d = new ElectrificationModel().descriptor();
        Random random = new Random(42);
        for (int draw = 0; draw < 200; draw++) {
            ModelHarness h = defaults(2024, 2100);
            StringBuilder drawn = new StringBuilder();
            for (Parameter p : d.parameters()) {
                // given EV sales larger than the market are refused (givenSalesReplaceTheSCurve); left to the curve
                if (p.name().endsWith("ev_sales_given")) continue;
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
    void givenSalesReplaceTheSCurve() {
        // an outlook's EV car sales as a trajectory: 30 million in 2025, 60 in 2030, linear between (above the
        // default S-curve's 21 and 45 million)
        ModelHarness h = defaults(2024, 2030)
                .parameter("ev_sales_given", (r, y) -> y <= 2025 ? 30.0 : 30.0 + 6.0 * (y - 2025)).run();
        assertEquals(30, h.output(SALES, 2025), TOL);
        assertEquals(60, h.output(SALES, 2030), TOL);
        assertEquals(60 / (78 * Math.pow(1.01, 6)), h.output(SHARE, 2030), 1e-12);
        // the stock is the sales' survivors: every vintage since 2024 is young, so nearly all of them, and more
        // than the S-curve's stock with its smaller sales
        ModelHarness curve = defaults(2024, 2030).run();
        double sold = 0;
        for (int y = 2025; y <= 2030; y++) sold += h.output(SALES, y);
        double added = h.output(STOCK, 2030) - h.output(STOCK, 2024);
        assertTrue(added < sold && added > 0.95 * sold, added + " of " + sold);
        assertTrue(h.output(STOCK, 2030) > curve.output(STOCK, 2030));
        // a negative value is the default: the S-curve
        assertEquals(curve.output(STOCK, 2030),
                defaults(2024, 2030).parameter("ev_sales_given", -1).run().output(STOCK, 2030), 0);
        // more EVs than cars sold is refused, naming the parameter, year, region and market
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> defaults(2024, 2026).parameter("bus_ev_sales_given", 5).run());
        assertTrue(e.getMessage().contains("bus_ev_sales_given") && e.getMessage().contains("2024")
                && e.getMessage().contains("bus_sales_base"), e.getMessage());
    }

    @Test
    void growthRatesGivenAsTrajectoriesCompoundYearByYear() {
        // demand growth 2% in 2025, 10% in 2026: the index is 1.02 * 1.10, not 1.10^2
        ModelHarness h = ModelHarness.of(new ElectrificationModel()).years(2024, 2026)
                .parameter("demand_growth", (r, y) -> y <= 2025 ? 0.02 : 0.10)
                .parameter("car_sales_growth", (r, y) -> y <= 2025 ? 0.0 : 0.05).run();
        assertEquals(1.02 * 1.10, h.output(INDEX, 2026), 1e-12);
        assertEquals(1952 * 1.02 * 1.10, h.output(OTHER, 2026), 1e-9);
        assertEquals(78 * 1.0 * 1.05, h.output(CAR_SALES, 2026), 1e-9);
    }

    @Test
    void descriptorFollowsTheConventions() {
        ModelDescriptor d = new ElectrificationModel().descriptor();
        assertEquals("etw.models.electrification", d.id());
        assertFalse(d.description().isBlank());
        Set<String> outputs = new HashSet<>();
        for (Output o : d.outputs()) {
            outputs.add(o.variable());
            String v = o.variable();
            String expected = v.startsWith("Final Energy|") ? "TWh/yr"
                    : v.startsWith("Sales Share|") || v.startsWith("Demand Index|") ? "1"
                    : v.startsWith("Sales|") ? "million/yr"
                    : v.startsWith("Stock|") ? "million"
                    : v.startsWith("Capacity Additions|") ? "GW/yr"
                    : v.startsWith("Capacity|") ? "GW" : "?";
            assertEquals(expected, o.unit(), v);
        }
        assertTrue(outputs.containsAll(Set.of(TRANSPORT, CARS_TWH, RAIL, BUILDINGS, INDUSTRY, OTHER, SHARE, SALES,
                STOCK, OLD_FLEET, INDEX, CAR_SALES, HP_STOCK, HP_SALES, HP_TWH)), outputs.toString());
        Set<String> units = Set.of("TWh/yr", "1", "1/yr", "yr", "million", "million/yr", "km/yr", "kWh/km", "year",
                "MWh/yr");
        Set<String> names = new HashSet<>();
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), p.name());
            assertTrue(names.add(p.name()));
            assertTrue(units.contains(p.unit()), p.name() + ": " + p.unit());
            assertFalse(p.source().isBlank(), p.name());
            assertFalse(p.description().isBlank(), p.name());
            assertTrue(p.allows(p.defaultValue()), p.name());
        }
        // every input is one of the model's own outputs, read back a year or more later
        for (Input in : d.inputs()) {
            assertTrue(outputs.contains(in.variable()), in.variable());
            assertTrue(in.lag() >= 1 && in.lag() < RoadMode.MAX_AGE, in.variable() + " lag " + in.lag());
        }
    }

    @Test
    void loadsThroughServiceLoader() {
        boolean found = ServiceLoader.load(Model.class).stream()
                .anyMatch(p -> p.type() == ElectrificationModel.class);
        assertTrue(found);
    }
}
