package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static etw.models.decarbonisation.HourlyProfiles.min;
import static etw.models.decarbonisation.HourlyProfiles.positive;

import java.util.Arrays;

/**
 * Hourly clean-electricity accounting for one consumer in one year: annual certificate matching, carbon matching
 * and hourly (24/7) matching compared on claimed and grid-induced emissions and the hourly carbon-free-energy (CFE)
 * score, over 8,760 hours. Pure Java, no OSGi.
 *
 * <p>A workspace: it owns its {@code double[8760]} buffers and reuses them from one call to the next, and
 * allocates nothing per hour. It is <b>not</b> thread-safe; use one per thread. Call, for each year,
 * {@link #profiles(Shape)}, then {@link #grid}, then {@link #consumer}, then read the results. Each call overwrites
 * every buffer it uses, so the results depend only on the arguments of the three calls, never on earlier years.
 *
 * <h2>Profiles</h2>
 * Normalised hourly profiles {@code s_h} (solar), {@code w_h} (wind), {@code l_h} (consumer load) and
 * {@code g_h} (grid demand), each summing to 1: see {@link HourlyProfiles}.
 *
 * <h2>Grid (all energy in TWh, intensities in g CO2/kWh, emissions in Mt CO2; TWh x g/kWh / 1000 = Mt)</h2>
 * From the annual totals: demand {@code G}, solar {@code S}, wind {@code W}, other clean {@code C} (hydro, nuclear
 * and other), fossil {@code F} (coal + gas) and emissions {@code M}:
 * <pre>
 * demand_h   D_h = G g_h
 * clean_h        = S s_h + W w_h + C / 8760                       (other clean supply is flat)
 * residual_h r_h = max(0, D_h - clean_h)                          (hours when fossil plants must run)
 * EF             = min(M * 1000 / F, EF_max)                      (fossil emission factor from the annual inputs)
 * fossil_h       = F r_h / sum r                                  (the annual fossil generation, timed by the residual)
 * rest           = M - F EF / 1000                                (emissions the fossil plants do not explain: the
 *                                                                  oil in "other", which runs flat)
 * I_h            = (fossil_h EF + rest * 1000 / 8760) / D_h       (0 when D_h = 0; the rest is then spread over
 *                                                                  the hours with demand only)
 * </pre>
 * so that {@code sum_h D_h I_h / 1000 = M}: the hourly grid emits exactly the annual emissions. Without fossil
 * generation ({@code F = 0}) or without any residual hour, all of {@code M} is spread flat in time. {@code EF_max}
 * keeps a small fossil residual from carrying the emissions of other sources at an impossible factor.
 *
 * <h2>Consumer and strategies</h2>
 * Load {@code L_h = E l_h} for annual consumption {@code E}. Each strategy contracts clean supply {@code P_h}:
 * <pre>
 * a) annual certificate matching   P_h = E s_h                       (100% of annual MWh, all from solar)
 * b) carbon matching               P_h = k s_h,  k = sum(L_h I_h) / sum(s_h I_h), at most cap * E
 *                                  (the solar's displaced emissions equal the consumption's emissions; without
 *                                  emissions to match k = 0; if solar hours are clean, k = cap * E and the claim
 *                                  does not balance)
 * c) hourly 24/7 matching          P_h = x b_h,  b_h = t E / 8760 + (1 - t) E (alpha s_h + (1 - alpha) w_h)
 *                                  firm clean supply of t times the mean load plus solar and wind in fixed
 *                                  proportions for the rest; x is the smallest scale with CFE(x) = t
 * </pre>
 * {@code CFE(x) = sum min(L_h, x b_h) / sum L_h} is concave, piecewise linear and non-decreasing in {@code x};
 * Newton's method from {@code x = 0} approaches the root from below and ends exactly once it reaches the last
 * linear piece (typically a handful of passes); bisection up to {@code max_h L_h / b_h} is the fallback.
 * For each strategy:
 * <pre>
 * procurement              = sum P_h
 * hourly CFE score         = sum min(L_h, P_h) / sum L_h            (1 when there is no load)
 * displaced emissions      = sum P_h I_h / 1000
 * consumption emissions    = sum L_h I_h / 1000                     (location-based, the same for every strategy)
 * claimed (market-based)   a) max(0, E - sum P) * Ibar / 1000,      Ibar = M * 1000 / G
 *                          b) max(0, consumption - displaced)       (0 when the match balances)
 *                          c) sum max(0, L_h - P_h) I_h / 1000
 * grid-induced             = consumption - displaced                (negative when the contracted supply displaces
 *                                                                    more than the consumption causes)
 * </pre>
 * Intensities are hourly averages, not marginal emission rates, and the contracted supply is treated as additional
 * to the grid's own solar and wind: simplifications that keep the year cheap and hand-checkable.
 */
public final class CleanEnergyMatching {

    /** The three procurement strategies. */
    public enum Strategy {
        ANNUAL("Annual Matching"), CARBON("Carbon Matching"), HOURLY("Hourly Matching");

        private final String label;

        Strategy(String label) {
            this.label = label;
        }

        /** Name used in variable names, e.g. {@code Annual Matching}. */
        public String label() {
            return label;
        }
    }

    /**
     * The profile parameters (see {@link HourlyProfiles}).
     *
     * @param solarDaylightHours     length of the solar half-sine, hours
     * @param solarSeasonalAmplitude relative seasonal swing of daily solar yield (summer peak)
     * @param windSeasonalAmplitude  relative seasonal swing of wind (winter peak)
     * @param windDiurnalAmplitude   relative daily swing of wind (night peak)
     * @param windVariability        standard deviation of the random wind term, relative to mean output
     * @param windPersistence        hour-to-hour autocorrelation of the random wind term
     * @param windSeed               seed of the random wind term
     * @param loadDailySwing         relative daily swing of the consumer's load (afternoon peak)
     * @param gridDailySwing         relative daily swing of grid demand (evening peak)
     * @param gridSeasonalSwing      relative seasonal swing of grid demand (winter peak)
     */
    public record Shape(double solarDaylightHours, double solarSeasonalAmplitude, double windSeasonalAmplitude,
                        double windDiurnalAmplitude, double windVariability, double windPersistence, long windSeed,
                        double loadDailySwing, double gridDailySwing, double gridSeasonalSwing) {
    }

    private static final int STRATEGIES = Strategy.values().length;
    private static final int ANNUAL = Strategy.ANNUAL.ordinal();
    private static final int CARBON = Strategy.CARBON.ordinal();
    private static final int HOURLY = Strategy.HOURLY.ordinal();
    private static final int MAX_NEWTON = 60;
    private static final int MAX_BISECTION = 200;
    private static final double RELATIVE_TOLERANCE = 1e-10;

    private final double[] solar = new double[HOURS];
    private final double[] wind = new double[HOURS];
    private final double[] load = new double[HOURS];
    private final double[] demand = new double[HOURS];
    private final double[] intensity = new double[HOURS];
    private final double[] portfolio = new double[HOURS];
    private Shape lastShape; // parameters the profile buffers were built from; null before the first call

    private double averageIntensity;
    private double fossilEmissionFactor;
    private double consumptionEmissions;
    private final double[] procurement = new double[STRATEGIES];
    private final double[] cfe = new double[STRATEGIES];
    private final double[] claimed = new double[STRATEGIES];
    private final double[] displaced = new double[STRATEGIES];
    private final double[] gridInduced = new double[STRATEGIES];
    private int hourlyPasses;
    private double slope; // set by cover()

    /**
     * Fills the four normalised profiles. A profile whose parameters are bit-for-bit those of the previous call is
     * kept as it is (it would come out identical): a pure cache, so results never depend on earlier calls, and a
     * run whose profile parameters do not change from year to year builds its profiles once.
     */
    public void profiles(Shape shape) {
        Shape was = lastShape;
        if (was == null || !same(was.solarDaylightHours(), shape.solarDaylightHours())
                || !same(was.solarSeasonalAmplitude(), shape.solarSeasonalAmplitude()))
            HourlyProfiles.solar(solar, shape.solarDaylightHours(), shape.solarSeasonalAmplitude());
        if (was == null || !same(was.windSeasonalAmplitude(), shape.windSeasonalAmplitude())
                || !same(was.windDiurnalAmplitude(), shape.windDiurnalAmplitude())
                || !same(was.windVariability(), shape.windVariability())
                || !same(was.windPersistence(), shape.windPersistence()) || was.windSeed() != shape.windSeed())
            HourlyProfiles.wind(wind, shape.windSeasonalAmplitude(), shape.windDiurnalAmplitude(),
                    shape.windVariability(), shape.windPersistence(), shape.windSeed());
        if (was == null || !same(was.loadDailySwing(), shape.loadDailySwing()))
            HourlyProfiles.load(load, shape.loadDailySwing());
        if (was == null || !same(was.gridDailySwing(), shape.gridDailySwing())
                || !same(was.gridSeasonalSwing(), shape.gridSeasonalSwing()))
            HourlyProfiles.gridDemand(demand, shape.gridDailySwing(), shape.gridSeasonalSwing());
        lastShape = shape;
    }

    private static boolean same(double a, double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /**
     * Builds the hourly grid intensity from the year's totals (negative values count as 0). Call after
     * {@link #profiles}.
     *
     * @param total          grid generation {@code G}, TWh/yr
     * @param solarTwh       solar generation {@code S}, TWh/yr
     * @param windTwh        wind generation {@code W}, TWh/yr
     * @param otherCleanTwh  hydro, nuclear and other generation {@code C}, TWh/yr, flat in time
     * @param fossilTwh      coal and gas generation {@code F}, TWh/yr
     * @param emissionsMt    power-sector emissions {@code M}, Mt CO2/yr
     * @param maxFossilFactor {@code EF_max}, g CO2/kWh
     */
    public void grid(double total, double solarTwh, double windTwh, double otherCleanTwh, double fossilTwh,
                     double emissionsMt, double maxFossilFactor) {
        double g = Math.max(0.0, total);
        double s = Math.max(0.0, solarTwh);
        double w = Math.max(0.0, windTwh);
        double flat = Math.max(0.0, otherCleanTwh) / HOURS;
        double f = Math.max(0.0, fossilTwh);
        double m = Math.max(0.0, emissionsMt);
        averageIntensity = g > 0.0 ? m * 1000.0 / g : 0.0;
        fossilEmissionFactor = 0.0;
        if (g <= 0.0 || m <= 0.0) {
            Arrays.fill(intensity, 0.0);
            return;
        }
        // residual r_h, kept in the intensity buffer until it is turned into I_h
        double residualSum = 0.0;
        int demandHours = 0; // hours with demand: all of them unless the swings clamp some to zero
        for (int h = 0; h < HOURS; h++) {
            double r = positive(g * demand[h] - (s * solar[h] + w * wind[h] + flat));
            intensity[h] = r;
            residualSum += r;
            if (demand[h] > 0.0) demandHours++;
        }
        double perResidual = 0.0; // g CO2/kWh of fossil output per TWh of residual: F * EF / sum r
        double rest = m;
        if (f > 0.0 && residualSum > 0.0) {
            fossilEmissionFactor = Math.min(m * 1000.0 / f, Math.max(0.0, maxFossilFactor));
            perResidual = f * fossilEmissionFactor / residualSum;
            rest = Math.max(0.0, m - f * fossilEmissionFactor / 1000.0);
        }
        double restPerHour = rest * 1000.0 / demandHours; // TWh x g/kWh emitted each hour by the flat part
        for (int h = 0; h < HOURS; h++) {
            double d = g * demand[h];
            intensity[h] = d > 0.0 ? (intensity[h] * perResidual + restPerHour) / d : 0.0;
        }
    }

    /**
     * Runs the three strategies for a consumer. Call after {@link #grid}.
     *
     * @param consumption      annual consumption {@code E}, TWh/yr (negative counts as 0)
     * @param cfeTarget        hourly CFE target {@code t} of strategy c, in [0, 1]
     * @param hourlySolarShare {@code alpha}: solar share of the variable part of the hourly portfolio, in [0, 1]
     * @param carbonCap        largest carbon-matching procurement as a multiple of {@code E} (at least 1)
     */
    public void consumer(double consumption, double cfeTarget, double hourlySolarShare, double carbonCap) {
        double e = Math.max(0.0, consumption);
        double t = Math.min(1.0, Math.max(0.0, cfeTarget));
        double alpha = Math.min(1.0, Math.max(0.0, hourlySolarShare));
        double firm = t * e / HOURS;
        double variable = (1.0 - t) * e;

        // one pass: location-based emissions, annual matching, and the hourly portfolio's base b_h
        double loadSum = 0.0, loadEm = 0.0, solarEm = 0.0, annualCovered = 0.0, baseEm = 0.0, baseSum = 0.0;
        for (int h = 0; h < HOURS; h++) {
            double l = e * load[h];
            double i = intensity[h];
            double b = firm + variable * (alpha * solar[h] + (1.0 - alpha) * wind[h]);
            portfolio[h] = b;
            loadSum += l;
            loadEm += l * i;
            solarEm += solar[h] * i;
            annualCovered += min(l, e * solar[h]);
            baseEm += b * i;
            baseSum += b;
        }
        consumptionEmissions = loadEm / 1000.0;

        // a) annual certificate matching: P_h = E s_h
        procurement[ANNUAL] = e;
        cfe[ANNUAL] = score(annualCovered, loadSum);
        displaced[ANNUAL] = e * solarEm / 1000.0;
        claimed[ANNUAL] = Math.max(0.0, e - procurement[ANNUAL]) * averageIntensity / 1000.0;

        // b) carbon matching: P_h = k s_h with sum P_h I_h = sum L_h I_h
        double cap = Math.max(1.0, carbonCap) * e;
        double k = loadEm <= 0.0 ? 0.0 : solarEm > 0.0 ? Math.min(loadEm / solarEm, cap) : cap;
        double carbonCovered = 0.0;
        for (int h = 0; h < HOURS; h++) carbonCovered += min(e * load[h], k * solar[h]);
        procurement[CARBON] = k;
        cfe[CARBON] = score(carbonCovered, loadSum);
        displaced[CARBON] = k * solarEm / 1000.0;
        claimed[CARBON] = Math.max(0.0, consumptionEmissions - displaced[CARBON]);

        // c) hourly matching: P_h = x b_h with CFE(x) = t
        double x = hourlyScale(e, t * loadSum, RELATIVE_TOLERANCE * loadSum);
        double hourlyCovered = 0.0, unmatchedEm = 0.0;
        for (int h = 0; h < HOURS; h++) {
            double l = e * load[h];
            double p = x * portfolio[h];
            hourlyCovered += min(l, p);
            unmatchedEm += positive(l - p) * intensity[h];
        }
        procurement[HOURLY] = x * baseSum;
        cfe[HOURLY] = score(hourlyCovered, loadSum);
        displaced[HOURLY] = x * baseEm / 1000.0;
        claimed[HOURLY] = unmatchedEm / 1000.0;

        for (int s = 0; s < STRATEGIES; s++) gridInduced[s] = consumptionEmissions - displaced[s];
    }

    /** Smallest x with sum min(L_h, x b_h) >= goal - tol: Newton from below, then bisection if needed. */
    private double hourlyScale(double e, double goal, double tol) {
        hourlyPasses = 0;
        if (goal <= tol) return 0.0;
        double x = 0.0;
        for (int it = 0; it < MAX_NEWTON; it++) {
            double covered = cover(e, x);
            if (covered >= goal - tol) return x;
            if (!(slope > 0.0)) break; // cannot happen while the firm share is positive; bisection decides
            x += (goal - covered) / slope;
        }
        // fallback: bisection between x (short of the goal) and the scale that covers every hour
        double hi = 0.0;
        for (int h = 0; h < HOURS; h++)
            if (portfolio[h] > 0.0) hi = Math.max(hi, e * load[h] / portfolio[h]);
        double lo = Math.min(x, hi);
        for (int it = 0; it < MAX_BISECTION && hi - lo > 1e-15 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (cover(e, mid) >= goal - tol) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    /**
     * One pass of the hourly sizing: returns {@code sum_h min(L_h, x b_h)} and sets {@link #slope} to its
     * right-derivative in {@code x}, the sum of {@code b_h} over the hours not yet covered. Even and odd hours go
     * into separate partial sums (fixed order, so still deterministic) so that the additions overlap.
     */
    private double cover(double e, double x) {
        double covered0 = 0.0, covered1 = 0.0, slope0 = 0.0, slope1 = 0.0;
        for (int h = 0; h < HOURS; h += 2) {
            double l0 = e * load[h], p0 = x * portfolio[h];
            double l1 = e * load[h + 1], p1 = x * portfolio[h + 1];
            covered0 += min(l0, p0);
            covered1 += min(l1, p1);
            slope0 += p0 < l0 ? portfolio[h] : 0.0;
            slope1 += p1 < l1 ? portfolio[h + 1] : 0.0;
        }
        hourlyPasses++;
        slope = slope0 + slope1;
        return covered0 + covered1;
    }

    private static double score(double covered, double loadSum) {
        return loadSum > 0.0 ? Math.min(1.0, covered / loadSum) : 1.0;
    }

    /** Contracted clean supply of a strategy, TWh/yr. */
    public double procurement(Strategy s) {
        return procurement[s.ordinal()];
    }

    /** Hourly CFE score of a strategy, in [0, 1]. */
    public double cfeScore(Strategy s) {
        return cfe[s.ordinal()];
    }

    /** Claimed (market-based) emissions of a strategy, Mt CO2/yr. */
    public double claimedEmissions(Strategy s) {
        return claimed[s.ordinal()];
    }

    /** Emissions the strategy's contracted supply displaces at the hour's intensity, Mt CO2/yr. */
    public double displacedEmissions(Strategy s) {
        return displaced[s.ordinal()];
    }

    /** Grid-induced (consequential) emissions of a strategy: consumption minus displaced, Mt CO2/yr. */
    public double gridInducedEmissions(Strategy s) {
        return gridInduced[s.ordinal()];
    }

    /** Emissions of the consumption at the hour's grid intensity, with no procurement (location-based), Mt CO2/yr. */
    public double consumptionEmissions() {
        return consumptionEmissions;
    }

    /** The grid's annual average intensity {@code M * 1000 / G}, g CO2/kWh. */
    public double averageIntensity() {
        return averageIntensity;
    }

    /** The fossil emission factor {@code EF} used, g CO2/kWh (0 when no emissions are placed on fossil hours). */
    public double fossilEmissionFactor() {
        return fossilEmissionFactor;
    }

    /** Passes over the year the hourly sizing took (diagnostic). */
    int hourlyPasses() {
        return hourlyPasses;
    }

    // views for tests in this package; callers must not modify them
    double[] solarProfile() { return solar; }

    double[] windProfile() { return wind; }

    double[] loadProfile() { return load; }

    double[] demandProfile() { return demand; }

    double[] intensityProfile() { return intensity; }

    double[] hourlyPortfolioBase() { return portfolio; }
}
