package etw.models.electrification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
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

class ElectrificationModelTest {

    private static final String TRANSPORT = "Final Energy|Electricity|Transportation";
    private static final String BUILDINGS = "Final Energy|Electricity|Residential and Commercial";
    private static final String INDUSTRY = "Final Energy|Electricity|Industry";
    private static final String OTHER = "Final Energy|Electricity|Other";
    private static final String SHARE = "Sales Share|Transportation|LDV|EV";
    private static final String SALES = "Sales|Transportation|LDV|EV";
    private static final String STOCK = "Stock|Transportation|LDV|EV";

    private static final double TOL = 1e-9;

    private static ModelHarness defaults(int first, int last) {
        return ModelHarness.of(new ElectrificationModel()).years(first, last);
    }

    private static final String INDEX = "Demand Index|Electricity";
    private static final String CAR_SALES = "Sales|Transportation|LDV";

    @Test
    void baseYearMatchesHandCalculation() {
        ModelHarness h = defaults(2024, 2024).run();

        // 58 million cars * 12,000 km * 0.18 kWh/km = 125.28 TWh, plus 380 TWh other transport
        assertEquals(505.28, h.output(TRANSPORT, 2024), TOL);
        // 12,867 + 13,000 * 0.10 / 3.0 = 12,867 + 433.333...
        assertEquals(12_867 + 13_000 * 0.10 / 3.0, h.output(BUILDINGS, 2024), TOL);
        // 10,880 + 24,000 * 0.03 = 11,600
        assertEquals(11_600, h.output(INDUSTRY, 2024), TOL);
        assertEquals(1_952, h.output(OTHER, 2024), TOL);

        // 0.95 / (1 + e^1.25) = 0.95 / 4.490343 = 0.211565
        double share = 0.95 / (1 + Math.exp(-0.25 * (2024 - 2029)));
        assertEquals(0.2116, share, 1e-4);
        assertEquals(share, h.output(SHARE, 2024), TOL);
        assertEquals(share * 78, h.output(SALES, 2024), TOL);
        // about 16.5 million EVs sold, in line with "over 17 million" (IEA GEVO 2025)
        assertEquals(16.5, h.output(SALES, 2024), 0.1);
        assertEquals(58, h.output(STOCK, 2024), TOL);
    }

    @Test
    void baseYearAddsUpToWorldFinalElectricity() {
        ModelHarness h = defaults(2024, 2024).run();
        // 505.28 + 13,300.33 + 11,600 + 1,952 + 415 (data centres) = 27,772.61
        double total = h.output(TRANSPORT, 2024) + h.output(BUILDINGS, 2024) + h.output(INDUSTRY, 2024)
                + h.output(OTHER, 2024) + 415;
        assertEquals(27_775, total, 0.01 * 27_775);
    }

    @Test
    void laterYearsFollowTheEquations() {
        ModelHarness h = defaults(2024, 2026).run();

        double share25 = 0.95 / (1 + Math.exp(-0.25 * (2025 - 2029)));   // 0.95 / (1 + e^1) = 0.2554
        double sales25 = share25 * 78 * 1.01;
        double stock25 = 58 * (1 - 1.0 / 15) + sales25;
        assertEquals(share25, h.output(SHARE, 2025), TOL);
        assertEquals(sales25, h.output(SALES, 2025), TOL);
        assertEquals(stock25, h.output(STOCK, 2025), TOL);
        assertEquals(stock25 * 12_000 * 0.18 / 1000 + 380 * 1.02, h.output(TRANSPORT, 2025), TOL);
        assertEquals(12_867 * 1.02 + 13_000 * 0.10 / 3.0, h.output(BUILDINGS, 2025), TOL);
        assertEquals(10_880 * 1.02 + 24_000 * 0.03, h.output(INDUSTRY, 2025), TOL);
        assertEquals(1_952 * 1.02, h.output(OTHER, 2025), TOL);

        double share26 = 0.95 / (1 + Math.exp(-0.25 * (2026 - 2029)));   // 0.95 / (1 + e^0.75)
        double sales26 = share26 * 78 * 1.01 * 1.01;
        double stock26 = stock25 * (14.0 / 15) + sales26;
        assertEquals(sales26, h.output(SALES, 2026), TOL);
        assertEquals(stock26, h.output(STOCK, 2026), TOL);
        assertEquals(stock26 * 12_000 * 0.18 / 1000 + 380 * 1.02 * 1.02, h.output(TRANSPORT, 2026), TOL);
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
            assertEquals(12_867 + 13_000 * 0.10 / 3.0, h.output(BUILDINGS, y), TOL);
        }
        // car sales stay at 78 million/yr: EV sales = share * 78
        assertEquals(0.95 / (1 + Math.exp(-0.25 * (2040 - 2029))) * 78, h.output(SALES, 2040), TOL);
    }

    @Test
    void zeroEvShareGivesNoSalesAndTheStockRetires() {
        ModelHarness h = defaults(2024, 2034)
                .parameter("ev_share_ceiling", 0)
                .parameter("demand_growth", 0)
                .run();
        for (int y = 2024; y <= 2034; y++) {
            assertEquals(0, h.output(SHARE, y));
            assertEquals(0, h.output(SALES, y));
        }
        // no sales: the stock decays by 1/15 a year, 58 * (14/15)^10 after ten years
        assertEquals(58 * Math.pow(14.0 / 15, 10), h.output(STOCK, 2034), 1e-9);
        assertEquals(58 * Math.pow(14.0 / 15, 10) * 12_000 * 0.18 / 1000 + 380, h.output(TRANSPORT, 2034), 1e-9);
    }

    @Test
    void zeroStockAndZeroShareLeaveOnlyOtherTransport() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("ev_share_ceiling", 0)
                .parameter("ev_stock_base", 0)
                .parameter("demand_growth", 0)
                .run();
        for (int y = 2024; y <= 2030; y++) {
            assertEquals(0, h.output(STOCK, y));
            assertEquals(380, h.output(TRANSPORT, y), TOL);
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
        ModelHarness h = defaults(2024, 2100)
                .parameter("ev_share_ceiling", 1)
                .parameter("ev_share_steepness", 2)
                .parameter("ev_share_midpoint", 2000)
                .parameter("car_sales_growth", 0)
                .parameter("demand_growth", 0)
                .parameter("heat_pump_share", 1)
                .parameter("industry_electrified_share", 1)
                .run();
        // 1 / (1 + e^-48): every car sold is electric
        assertEquals(1, h.output(SHARE, 2024), 1e-12);
        assertEquals(78, h.output(SALES, 2050), 1e-9);
        // stock(n) = S*L + (58 - S*L) * (1 - 1/L)^n with S = 78, L = 15: 1170 - 1112 * (14/15)^76 = 1164.06
        assertEquals(1170 - 1112 * Math.pow(14.0 / 15, 76), h.output(STOCK, 2100), 1e-6);
        assertEquals(1170, h.output(STOCK, 2100), 0.01 * 1170);
        // all building heat from heat pumps: 12,867 + 13,000 / 3; all process heat electric: 10,880 + 24,000
        assertEquals(12_867 + 13_000 / 3.0, h.output(BUILDINGS, 2050), TOL);
        assertEquals(34_880, h.output(INDUSTRY, 2050), TOL);
    }

    @Test
    void heatPumpShareTrajectoryIsReadEachYear() {
        ModelHarness h = defaults(2024, 2030)
                .parameter("heat_pump_share", (r, y) -> 0.10 + 0.05 * (y - 2024))
                .parameter("heat_pump_cop", 4)
                .run();
        assertEquals(12_867 + 13_000 * 0.10 / 4, h.output(BUILDINGS, 2024), TOL);
        // 2030: share 0.40, COP 4 -> 1,300 TWh of heat-pump electricity
        assertEquals(12_867 * Math.pow(1.02, 6) + 13_000 * 0.40 / 4, h.output(BUILDINGS, 2030), 1e-6);
    }

    @Test
    void regionsAreIndependent() {
        ModelHarness h = ModelHarness.of(new ElectrificationModel())
                .regions("A", "B")
                .years(2024, 2026)
                .parameter("ev_stock_base", (r, y) -> r == 0 ? 10 : 20)
                .parameter("other_base", (r, y) -> r == 0 ? 100 : 300)
                .run();
        assertEquals(10, h.output(STOCK, "A", 2024), TOL);
        assertEquals(20, h.output(STOCK, "B", 2024), TOL);
        assertEquals(100 * 1.02 * 1.02, h.output(OTHER, "A", 2026), 1e-9);
        assertEquals(300 * 1.02 * 1.02, h.output(OTHER, "B", 2026), 1e-9);
        double sales25 = 0.95 / (1 + Math.exp(-0.25 * (2025 - 2029))) * 78 * 1.01;
        assertEquals(10 * (14.0 / 15) + sales25, h.output(STOCK, "A", 2025), TOL);
        assertEquals(20 * (14.0 / 15) + sales25, h.output(STOCK, "B", 2025), TOL);
    }

    @Test
    void aLaterFirstYearUsesTheBaseValuesThen() {
        // n counts from the scenario's first year, the S-curve from the calendar year
        ModelHarness h = defaults(2030, 2031).run();
        assertEquals(58, h.output(STOCK, 2030), TOL);
        assertEquals(1_952, h.output(OTHER, 2030), TOL);
        assertEquals(0.95 / (1 + Math.exp(-0.25 * (2030 - 2029))) * 78, h.output(SALES, 2030), TOL);
    }

    @Test
    void randomParametersGiveFiniteNonNegativeOutputs() {
        ModelDescriptor d = new ElectrificationModel().descriptor();
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
        assertEquals(List.of(TRANSPORT, BUILDINGS, INDUSTRY, OTHER, SHARE, SALES, STOCK, INDEX, CAR_SALES),
                d.outputs().stream().map(Output::variable).toList());
        for (Output o : d.outputs()) {
            String expected = switch (o.variable()) {
                case SHARE, INDEX -> "1";
                case SALES, CAR_SALES -> "million/yr";
                case STOCK -> "million";
                default -> "TWh/yr";
            };
            assertEquals(expected, o.unit(), o.variable());
        }
        Set<String> units = Set.of("TWh/yr", "1", "1/yr", "yr", "million", "million/yr", "km/yr", "kWh/km", "year");
        Set<String> names = new HashSet<>();
        for (Parameter p : d.parameters()) {
            assertTrue(p.name().matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), p.name());
            assertTrue(names.add(p.name()));
            assertTrue(units.contains(p.unit()), p.name() + ": " + p.unit());
            assertFalse(p.source().isBlank(), p.name());
            assertFalse(p.description().isBlank(), p.name());
            assertTrue(p.allows(p.defaultValue()), p.name());
        }
        assertEquals(List.of(STOCK, INDEX, CAR_SALES), d.inputs().stream().map(in -> in.variable()).toList());
        assertTrue(d.inputs().stream().allMatch(in -> in.lag() == 1));
    }

    @Test
    void loadsThroughServiceLoader() {
        boolean found = ServiceLoader.load(Model.class).stream()
                .anyMatch(p -> p.type() == ElectrificationModel.class);
        assertTrue(found);
    }
}
