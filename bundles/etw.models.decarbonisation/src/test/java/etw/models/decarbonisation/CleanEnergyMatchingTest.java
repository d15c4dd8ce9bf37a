package etw.models.decarbonisation;

import static etw.models.decarbonisation.CleanEnergyMatching.Strategy.ANNUAL;
import static etw.models.decarbonisation.CleanEnergyMatching.Strategy.CARBON;
import static etw.models.decarbonisation.CleanEnergyMatching.Strategy.HOURLY;
import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import etw.models.decarbonisation.CleanEnergyMatching.Shape;
import etw.models.decarbonisation.CleanEnergyMatching.Strategy;

/** The hourly procurement calculator, its grid signal and its profiles, checked against values worked out by hand. */
class CleanEnergyMatchingTest {

    /** The model's defaults. */
    static final Shape DEFAULT = new Shape(12, 0.3, 0.2, 0.1, 0.5, 0.97, 1, 0.05, 0.15, 0.1);
    /** Flat load, no solar seasons: every day identical, so the annual score reduces to one day. */
    static final Shape FLAT = new Shape(12, 0.0, 0.2, 0.1, 0.5, 0.97, 1, 0.0, 0.15, 0.1);

    // Ember, Global Electricity Review 2025, 2024: 30,830 TWh; solar 6.9%, wind 8.1%, hydro 14.3%, nuclear 9.0%,
    // coal 34%, gas 22%, other the rest; 14.6 Gt CO2
    static final double G = 30_830, S = 2_131, W = 2_497, CLEAN = 4_409 + 2_775 + 1_757, FOSSIL = 10_482 + 6_783;
    static final double M = 14_600, EF_MAX = 1_060;
    static final double E = 24;
    /** The model's default prices (Lazard LCOE+ 2024 midpoints, NREL 2023 battery update), 4-h battery. */
    static final Procurement.Costs COSTS = new Procurement.Costs(61, 50, 182, 44, 33, 0.85, 4);

    private static CleanEnergyMatching grid2024(Shape shape) {
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(shape);
        m.grid(G, S, W, CLEAN, FOSSIL, M, EF_MAX, 0);
        return m;
    }

    private static double sum(double[] p) {
        double s = 0;
        for (double v : p) s += v;
        return s;
    }

    @Test
    void profilesSumToOneAreNonNegativeAndSolarIsZeroAtNight() {
        for (Shape shape : new Shape[] {DEFAULT, FLAT, new Shape(16, 0.9, 0.9, 0.9, 2, 0.999, 7, 0.9, 0.9, 0.9),
                new Shape(6, 0, 0, 0, 0, 0, 0, 0, 0, 0)}) {
            CleanEnergyMatching m = new CleanEnergyMatching();
            m.profiles(shape);
            for (double[] p : new double[][] {m.solarProfile(), m.windProfile(), m.loadProfile(), m.demandProfile()}) {
                assertEquals(HOURS, p.length);
                assertEquals(1.0, sum(p), 1e-12, shape.toString());
                for (double v : p) assertTrue(v >= 0 && Double.isFinite(v), shape.toString());
            }
            double night = (24 - shape.solarDaylightHours()) / 2; // hours before sunrise
            for (int h = 0; h < HOURS; h++) {
                int t = h % 24;
                boolean dark = t + 1 <= night || t >= 24 - night;
                if (dark) assertEquals(0.0, m.solarProfile()[h], 0.0, "hour " + t + " " + shape);
            }
        }
        // the default: dark from 18:00 to 06:00, light from 06:00 to 18:00, brightest at noon
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(DEFAULT);
        double[] s = m.solarProfile();
        for (int t = 0; t < 24; t++) assertEquals(t < 6 || t >= 18, s[172 * 24 + t] == 0.0, "hour " + t);
        assertEquals(s[172 * 24 + 11], s[172 * 24 + 12], 1e-12 * s[172 * 24 + 12]); // symmetric about noon
        assertTrue(s[172 * 24 + 12] > 1.8 * s[355 * 24 + 12]); // summer noon (1 + 0.3) vs winter noon (1 - 0.3)
    }

    @Test
    void flatLoadAndSolarHandCheck() {
        // no seasons: each day's solar is sin(pi (k + 1/2) / 12), k = 0..11, over 06:00-18:00. Those twelve values sum
        // to 1 / sin(pi/24), so s_h = sin(pi (k + 1/2)/12) sin(pi/24) / 365, and a flat load is 1/8760 an hour.
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(FLAT);
        double sin24 = Math.sin(Math.PI / 24);
        for (int k = 0; k < 12; k++)
            assertEquals(Math.sin(Math.PI * (k + 0.5) / 12) * sin24 / 365, m.solarProfile()[6 + k], 1e-16);
        assertEquals(1.0 / HOURS, m.loadProfile()[1234], 1e-18);
    }

    @Test
    void hourlyGridAddsUpToTheAnnualEmissions() {
        double[][] grids = { // G, S, W, clean, fossil, M
                {G, S, W, CLEAN, FOSSIL, M},
                {40_000, 20_000, 15_000, 10_000, 0, 300},       // no fossil, emitting "other": spread flat
                {40_000, 12_000, 10_000, 10_000, 50, 700},      // tiny fossil residual: EF capped
                {40_000, 12_000, 10_000, 10_000, 8_000, 5_000}};
        // the second shape's swings (0.9 + 0.9) clamp some hours' grid demand to zero
        for (Shape shape : new Shape[] {DEFAULT, new Shape(12, 0.9, 0.9, 0.9, 2, 0.999, 7, 0.9, 0.9, 0.9)}) {
            for (double[] x : grids) {
                CleanEnergyMatching m = new CleanEnergyMatching();
                m.profiles(shape);
                m.grid(x[0], x[1], x[2], x[3], x[4], x[5], EF_MAX, 0);
                double mt = 0, fossil = 0;
                for (int h = 0; h < HOURS; h++) {
                    double d = x[0] * m.demandProfile()[h];
                    mt += d * m.intensityProfile()[h] / 1000;
                    fossil += d * (1 - m.gridCfeProfile()[h]);
                    double marginal = m.marginalProfile()[h];
                    assertTrue(marginal == 0 || marginal == m.fossilEmissionFactor(), "marginal rate " + marginal);
                }
                assertEquals(x[5], mt, 1e-9 * x[5]);
                if (m.fossilEmissionFactor() > 0) assertEquals(x[4], fossil, 1e-9 * x[4]); // cfe_h carries the fossil
                assertTrue(m.fossilEmissionFactor() <= EF_MAX);
                assertEquals(x[5] * 1000 / x[0], m.averageIntensity(), 1e-9);
            }
        }
    }

    @Test
    void allFossilFlatGridHasTheAverageIntensityEveryHour() {
        // flat demand, nothing clean: every hour is fossil, I_h = M * 1000 / G = 800, and fossil is marginal
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(new Shape(12, 0, 0, 0, 0, 0, 1, 0, 0, 0));
        m.grid(1_000, 0, 0, 0, 1_000, 800, EF_MAX, 0);
        for (double i : m.intensityProfile()) assertEquals(800.0, i, 1e-9);
        for (double c : m.gridCfeProfile()) assertEquals(0.0, c, 1e-12);
        m.consumer(10, 1, 1, 0.9, COSTS);
        assertEquals(8.0, m.consumptionEmissions(), 1e-9); // 10 TWh x 800 g/kWh / 1000
        // annual: the cheapest MWh is wind at 50 USD/MWh, 10 TWh of it: 500 million USD
        assertEquals(10.0, m.portfolio(ANNUAL).wind(), 1e-9);
        assertEquals(500.0, m.cost(ANNUAL), 1e-6);
        assertEquals(1.0, m.overBuild(ANNUAL), 1e-12);
        // every hour has the same intensity, so a MWh of wind displaces as much as a MWh consumed: carbon = annual
        assertEquals(m.cost(ANNUAL), m.cost(CARBON), 1e-6);
        // consequential: load and contract output both at 800 g/kWh (fossil is marginal every hour)
        for (Strategy s : Strategy.values())
            assertEquals(8.0 - m.procurement(s) * 0.8, m.gridInducedEmissions(s), 1e-6, s.toString());
    }

    @Test
    void gridWithoutFossilGivesNoEmissionsAndAFreeHourlyMatch() {
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(DEFAULT);
        m.grid(30_000, 10_000, 10_000, 10_000, 0, 0, EF_MAX, 0);
        m.consumer(E, 1, 1, 1, COSTS);
        assertEquals(0.0, m.consumptionEmissions(), 0.0);
        for (Strategy s : Strategy.values()) {
            assertEquals(0.0, m.claimedEmissions(s), 0.0);
            assertEquals(0.0, m.gridInducedEmissions(s), 0.0);
            assertEquals(1.0, m.cfeScore(s), 0.0); // the grid itself is carbon-free every hour
        }
        assertEquals(0.0, m.cost(CARBON), 0.0);   // no emissions to match
        assertEquals(0.0, m.cost(HOURLY), 0.0);   // every hour already carbon-free
        assertEquals(E * 50, m.cost(ANNUAL), 1e-6); // certificates are still bought
    }

    /** The requirement: on a 2024 grid, annual &lt; carbon &lt; hourly in cost, and 24/7 over-builds. */
    @Test
    void hourlyMatchingCostsMoreAndOverBuilds() {
        CleanEnergyMatching m = grid2024(DEFAULT);
        m.consumer(E, 1, 1, 1, COSTS);
        assertTrue(m.cost(ANNUAL) < m.cost(CARBON), m.cost(ANNUAL) + " < " + m.cost(CARBON));
        assertTrue(m.cost(CARBON) < m.cost(HOURLY), m.cost(CARBON) + " < " + m.cost(HOURLY));
        assertTrue(m.price(HOURLY) > 2 * m.price(ANNUAL), "a clear premium: " + m.price(HOURLY) + " vs " + m.price(ANNUAL));
        assertEquals(1.0, m.overBuild(ANNUAL), 1e-12);
        assertTrue(m.overBuild(HOURLY) > 1.3, "over-build " + m.overBuild(HOURLY));
        assertTrue(m.portfolio(HOURLY).batteryGw() > 0, "storage-backed");
        assertTrue(m.cfeScore(HOURLY) >= 1 - Procurement.CUT_TOLERANCE, "meets 100% over all 8,760 hours: " + m.cfeScore(HOURLY));
        assertTrue(m.cfeScore(ANNUAL) < 0.9, "annual certificates leave hours uncovered: " + m.cfeScore(ANNUAL));
        assertEquals(0.0, m.claimedEmissions(ANNUAL), 1e-12);
        assertEquals(0.0, m.claimedEmissions(CARBON), 1e-9);
        assertTrue(m.gridInducedEmissions(HOURLY) < m.gridInducedEmissions(ANNUAL), "24/7 avoids more");
        // the annual portfolio is the cheapest MWh, wind at 50 USD/MWh
        assertEquals(E * 50, m.cost(ANNUAL), 1e-6);
        System.out.printf("2024 world grid, 24 TWh, 100%% targets: annual %.1f, carbon %.1f, hourly %.1f USD/MWh; "
                        + "over-build %.2f / %.2f / %.2f; hourly %s%n", m.price(ANNUAL), m.price(CARBON), m.price(HOURLY),
                m.overBuild(ANNUAL), m.overBuild(CARBON), m.overBuild(HOURLY), m.portfolio(HOURLY));
    }

    @Test
    void theLastHoursCostTheMost() {
        CleanEnergyMatching m = grid2024(DEFAULT);
        double[] price = new double[3];
        double[] targets = {0.8, 0.95, 1.0};
        for (int i = 0; i < 3; i++) {
            m.consumer(E, 1, 1, targets[i], COSTS);
            price[i] = m.price(HOURLY);
            assertTrue(m.cfeScore(HOURLY) >= targets[i] - Procurement.CUT_TOLERANCE, targets[i] + ": " + m.cfeScore(HOURLY));
        }
        assertTrue(price[0] < price[1] && price[1] < price[2], java.util.Arrays.toString(price));
        // the step from 95% to 100% costs more per point than from 80% to 95%
        assertTrue((price[2] - price[1]) / 5 > (price[1] - price[0]) / 15, java.util.Arrays.toString(price));
    }

    @Test
    void pledgedSolarIsCountedOnceNotTwice() {
        // a scenario built 100 TWh of pledged solar into a grid: the consumer is matched against the grid without it
        double pledged = 100;
        CleanEnergyMatching with = new CleanEnergyMatching();
        with.profiles(DEFAULT);
        with.grid(G, S + pledged, W, CLEAN, FOSSIL, M, EF_MAX, pledged);
        with.consumer(E, 1, 1, 1, COSTS);
        CleanEnergyMatching without = new CleanEnergyMatching();
        without.profiles(DEFAULT);
        without.grid(G, S + pledged, W, CLEAN, FOSSIL, M, EF_MAX, 0);
        without.consumer(E, 1, 1, 1, COSTS);
        assertEquals(pledged, with.pledgedSolar(), 0.0);
        for (Strategy s : Strategy.values()) {
            assertTrue(with.portfolio(s).solar() >= pledged - 1e-9, s + " holds and pays for the pledged solar");
            assertTrue(with.cost(s) >= pledged * 61 - 1e-6, s.toString());
        }
        // the grid it is matched against is dirtier without its own pledge: the noon hours are not credited twice
        assertTrue(with.consumptionEmissions() > without.consumptionEmissions());
        double[] a = with.intensityProfile(), b = without.intensityProfile();
        assertTrue(a[172 * 24 + 12] > b[172 * 24 + 12], "summer noon");
        assertEquals(a[172 * 24 + 0], b[172 * 24 + 0], 1e-9 * b[172 * 24], "night is the same");
        // a pledge larger than the grid's solar is capped at it
        with.grid(G, 50, W, CLEAN, FOSSIL, M, EF_MAX, pledged);
        assertEquals(50, with.pledgedSolar(), 0.0);
    }

    /**
     * The full-year cutting-plane against the reference LP on representative days (24 days of 24 h, plus days added
     * where the full year falls short). The two differ by the hours each sees: the reference is optimal on its days
     * but its portfolio need not meet the target on the other 341; the cutting-plane meets it on every hour.
     */
    @Test
    void fullYearCuttingPlaneAgainstTheRepresentativeDayLp() {
        CleanEnergyMatching m = grid2024(DEFAULT);
        m.consumer(E, 1, 1, 1, COSTS);
        Procurement.Portfolio full = m.portfolio(HOURLY);
        Procurement p = new Procurement();
        Procurement.Portfolio days = p.hourlyOnRepresentativeDays(1.0, m.consumerLoadGwh(), m.solarProfile(),
                m.windProfile(), m.gridCfeProfile(), 0, COSTS);
        double daysOnFullYear = p.evaluate(days, m.consumerLoadGwh(), m.solarProfile(), m.windProfile(),
                m.gridCfeProfile(), COSTS.roundTrip());
        double gap = full.cost() / days.cost() - 1;
        System.out.printf("hourly 100%%: full-year cutting-plane %.0f MUSD (%d master LPs) vs representative-day LP %.0f "
                        + "MUSD (%d days, %d rounds, CFE %.4f on its days, %.4f over 8,760 h): %+.1f%%%n", full.cost(),
                full.rounds(), days.cost(), days.days(), days.rounds(), days.lpScore(), daysOnFullYear, 100 * gap);
        assertTrue(Math.abs(gap) < 0.15, "the two methods agree within 15%: " + gap);
    }

    @Test
    void deterministicAndIndependentOfEarlierYears() {
        CleanEnergyMatching a = grid2024(DEFAULT);
        a.consumer(E, 1, 1, 0.9, COSTS);
        CleanEnergyMatching b = new CleanEnergyMatching();
        b.profiles(FLAT);
        b.grid(1_000, 0, 0, 0, 1_000, 800, EF_MAX, 0);
        b.consumer(3, 0.5, 0.5, 0.5, COSTS);
        b.profiles(DEFAULT);
        b.grid(G, S, W, CLEAN, FOSSIL, M, EF_MAX, 0);
        b.consumer(E, 1, 1, 0.9, COSTS);
        for (Strategy s : Strategy.values()) {
            assertEquals(a.cost(s), b.cost(s), 0.0);
            assertEquals(a.cfeScore(s), b.cfeScore(s), 0.0);
            assertEquals(a.gridInducedEmissions(s), b.gridInducedEmissions(s), 0.0);
        }
    }

    @Test
    void zeroDemandAndZeroConsumptionStayFinite() {
        CleanEnergyMatching m = new CleanEnergyMatching();
        m.profiles(DEFAULT);
        m.grid(0, 0, 0, 0, 0, 0, EF_MAX, 0);
        m.consumer(0, 1, 1, 1, COSTS);
        for (Strategy s : Strategy.values()) {
            assertEquals(0.0, m.cost(s), 0.0);
            assertEquals(1.0, m.cfeScore(s), 0.0);
            assertEquals(0.0, m.overBuild(s), 0.0);
        }
        m.grid(G, S, W, CLEAN, FOSSIL, M, EF_MAX, 0);
        m.consumer(0, 1, 1, 1, COSTS);
        for (Strategy s : Strategy.values()) assertEquals(0.0, m.cost(s), 0.0);
    }
}
