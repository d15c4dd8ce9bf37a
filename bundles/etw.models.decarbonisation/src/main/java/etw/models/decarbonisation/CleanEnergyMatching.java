package etw.models.decarbonisation;

import static etw.models.decarbonisation.HourlyProfiles.HOURS;
import static etw.models.decarbonisation.HourlyProfiles.positive;

import java.util.Arrays;

/**
 * Clean-electricity procurement of one consumer in one year, accounted over 8,760 hours: the consumer (a data-centre
 * fleet, say) buys the least-cost portfolio of solar, wind, clean-firm and battery contracts that meets an annual
 * (volumetric), a carbon (emissions) or an hourly (24/7 CFE) target, each solved as a linear programme
 * ({@link Procurement}), and the three portfolios are compared on cost, over-build, hourly carbon-free-energy (CFE)
 * score, claimed and consequential emissions. Pure Java, no OSGi.
 *
 * <p>A workspace: it owns its {@code double[8760]} buffers and reuses them from one call to the next. It is
 * <b>not</b> thread-safe; use one per thread. Call, for each year, {@link #profiles(Shape)}, then {@link #grid}, then
 * {@link #consumer}, then read the results. Each call overwrites every buffer it uses, so the results depend only on
 * the arguments of the three calls, never on earlier years.
 *
 * <h2>Profiles</h2>
 * Normalised hourly profiles {@code s_h} (solar), {@code w_h} (wind), {@code l_h} (consumer load) and
 * {@code g_h} (grid demand), each summing to 1: see {@link HourlyProfiles}, the same weather year as the supply model.
 *
 * <h2>Grid signal (energy in TWh, intensities in g CO2/kWh, emissions in Mt CO2; TWh x g/kWh / 1000 = Mt)</h2>
 * The supply model exports annual totals only, so the hourly grid is derived here from the same profiles: demand
 * {@code G}, solar {@code S}, wind {@code W}, other clean {@code C} (hydro, nuclear and other, flat), fossil
 * {@code F} (coal + gas + oil), emissions {@code M}, and {@code S_p}, solar in {@code S} that the consumer itself
 * contracted (a pledge a scenario already built into the grid):
 * <pre>
 * D_h = G g_h;   r_h = max(0, D_h - S s_h - W w_h - C / 8760)          (hours when fossil plants must run)
 * EF  = min(M * 1000 / F, EF_max);   k = F / sum r                      (fossil per unit of residual)
 * background grid, without the consumer's own contracts:
 *   r'_h = max(0, D_h - (S - S_p) s_h - W w_h - C / 8760),   fossil'_h = k r'_h
 * I_h   = (fossil'_h EF + rest / 8760) / D_h,  rest = M - F EF / 1000   (average intensity; with S_p = 0 the hours
 *                                                                       add up to the annual emissions exactly)
 * cfe_h = 1 - fossil'_h / D_h   in [0, 1]                                (the grid's carbon-free share)
 * m_h   = EF if fossil'_h &gt; 0, else 0                                   (marginal emission rate: a fossil plant
 *                                                                       answers a change of load; in surplus hours
 *                                                                       curtailed clean supply does)
 * </pre>
 * Removing {@code S_p} before the consumer buys is what keeps pledged solar from being counted twice: once in the
 * grid the consumer's load is matched against, and again as its own contract. The consumer's portfolio must hold at
 * least {@code S_p} of solar, and pays for it.
 *
 * <h2>Consumer and strategies</h2>
 * Load {@code L_h = 1000 E l_h} GWh for annual consumption {@code E}. Each strategy is a {@link Procurement} LP with its
 * own target; its portfolio is then run over the 8,760 hours ({@link Procurement#evaluate}), giving the load left to
 * the grid {@code q_h} and the portfolio's output {@code n_h}. For each strategy:
 * <pre>
 * procurement            S + W + F (TWh/yr); over-build ratio = (S + W + F) / E
 * cost                   the LP's objective (million USD/yr); price = cost / E (USD/MWh consumed)
 * CFE score              1 - sum (1 - cfe_h) q_h / sum L_h                  (all 8,760 hours)
 * location-based         sum L_h I_h / 1000 (the same for every strategy)
 * claimed                annual  max(0, E - (S + W + F)) Ibar / 1000,  Ibar = M * 1000 / G
 *                        carbon  max(0, location-based - sum n_h I_h / 1000)
 *                        hourly  sum q_h I_h / 1000                           (the load left to the grid)
 * grid-induced           sum (L_h - n_h) m_h / 1000   (consequential: what the grid emits because of the consumer,
 *                        its load added and its contracts' output taken, both at the marginal rate)
 * </pre>
 * Simplifications that keep a year cheap: the grid does not re-dispatch in response to the consumer (the marginal
 * rate is fixed by the derived background grid), fossil output follows the residual load in proportion (hydro and
 * storage of the grid are not re-run here), and contracts are priced at fixed levelised prices.
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

    private final double[] solar = new double[HOURS];
    private final double[] wind = new double[HOURS];
    private final double[] load = new double[HOURS];
    private final double[] demand = new double[HOURS];
    private final double[] intensity = new double[HOURS];
    private final double[] gridCfe = new double[HOURS];
    private final double[] marginal = new double[HOURS];
    private final double[] consumerLoad = new double[HOURS];
    private final Procurement procurer = new Procurement();
    private Shape lastShape; // parameters the profile buffers were built from; null before the first call

    private double averageIntensity;
    private double fossilEmissionFactor;
    private double pledgedSolar;
    private double consumptionEmissions;
    private final Procurement.Portfolio[] portfolios = new Procurement.Portfolio[STRATEGIES];
    private final double[] cfe = new double[STRATEGIES];
    private final double[] claimed = new double[STRATEGIES];
    private final double[] gridInduced = new double[STRATEGIES];
    private double consumption;

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
     * Derives the hourly grid signal from the year's totals (negative values count as 0). Call after
     * {@link #profiles}.
     *
     * @param total           grid generation {@code G}, TWh/yr
     * @param solarTwh        solar generation {@code S}, TWh/yr
     * @param windTwh         wind generation {@code W}, TWh/yr
     * @param otherCleanTwh   hydro, nuclear and other generation {@code C}, TWh/yr, flat in time
     * @param fossilTwh       coal, gas and oil generation {@code F}, TWh/yr
     * @param emissionsMt     power-sector emissions {@code M}, Mt CO2/yr
     * @param maxFossilFactor {@code EF_max}, g CO2/kWh
     * @param pledgedSolarTwh {@code S_p}: solar in {@code S} that the consumer contracted, TWh/yr (at most {@code S})
     */
    public void grid(double total, double solarTwh, double windTwh, double otherCleanTwh, double fossilTwh,
                     double emissionsMt, double maxFossilFactor, double pledgedSolarTwh) {
        double g = Math.max(0.0, total);
        double s = Math.max(0.0, solarTwh);
        double w = Math.max(0.0, windTwh);
        double flat = Math.max(0.0, otherCleanTwh) / HOURS;
        double f = Math.max(0.0, fossilTwh);
        double m = Math.max(0.0, emissionsMt);
        pledgedSolar = Math.min(s, Math.max(0.0, pledgedSolarTwh));
        double background = s - pledgedSolar;
        averageIntensity = g > 0.0 ? m * 1000.0 / g : 0.0;
        fossilEmissionFactor = 0.0;
        if (g <= 0.0) {
            Arrays.fill(intensity, 0.0);
            Arrays.fill(marginal, 0.0);
            Arrays.fill(gridCfe, 1.0);
            return;
        }
        // actual residual r_h (its sum scales fossil to the hour), then the background residual r'_h in marginal[]
        double residualSum = 0.0;
        int demandHours = 0; // hours with demand: all of them unless the swings clamp some to zero
        for (int h = 0; h < HOURS; h++) {
            double d = g * demand[h];
            residualSum += positive(d - (s * solar[h] + w * wind[h] + flat));
            marginal[h] = positive(d - (background * solar[h] + w * wind[h] + flat));
            if (demand[h] > 0.0) demandHours++;
        }
        double perResidual = 0.0; // fossil TWh per TWh of residual: k
        double rest = m;
        if (f > 0.0 && residualSum > 0.0 && m > 0.0) {
            fossilEmissionFactor = Math.min(m * 1000.0 / f, Math.max(0.0, maxFossilFactor));
            perResidual = f / residualSum;
            rest = Math.max(0.0, m - f * fossilEmissionFactor / 1000.0);
        }
        double restPerHour = rest * 1000.0 / demandHours; // TWh x g/kWh emitted each hour by the flat part
        for (int h = 0; h < HOURS; h++) {
            double d = g * demand[h];
            double fossil = perResidual * marginal[h];
            if (d > 0.0) {
                intensity[h] = (fossil * fossilEmissionFactor + restPerHour) / d;
                gridCfe[h] = Math.max(0.0, 1.0 - fossil / d);
            } else {
                intensity[h] = 0.0;
                gridCfe[h] = 1.0;
            }
            marginal[h] = fossil > 0.0 ? fossilEmissionFactor : 0.0;
        }
    }

    /**
     * Solves the three procurements for a consumer and accounts them. Call after {@link #grid}.
     *
     * @param consumptionTwh annual consumption {@code E}, TWh/yr (negative counts as 0)
     * @param annualTarget   share of the annual MWh matched by the annual strategy, in [0, 1]
     * @param carbonTarget   share of the consumption emissions the carbon strategy displaces, in [0, 1]
     * @param cfeTarget      hourly CFE score the 24/7 strategy reaches, in [0, 1]
     * @param costs          contract prices
     */
    public void consumer(double consumptionTwh, double annualTarget, double carbonTarget, double cfeTarget,
                         Procurement.Costs costs) {
        double e = Math.max(0.0, consumptionTwh);
        consumption = e;
        double loadEm = 0.0;
        for (int h = 0; h < HOURS; h++) {
            double l = 1000.0 * e * load[h];
            consumerLoad[h] = l;
            loadEm += l * intensity[h];
        }
        // GWh x g/kWh = 1e6 kWh x g/kWh = 1 t, so sums of GWh x g/kWh divided by 1e6 are Mt
        consumptionEmissions = loadEm / 1e6;
        double[] targets = {annualTarget, carbonTarget, cfeTarget};
        for (Strategy st : Strategy.values()) {
            int i = st.ordinal();
            Procurement.Portfolio p = procurer.solve(Procurement.Target.values()[i], targets[i], consumerLoad, solar,
                    wind, intensity, gridCfe, pledgedSolar, costs);
            portfolios[i] = p;
            cfe[i] = procurer.evaluate(p, consumerLoad, solar, wind, gridCfe, costs.roundTrip());
            double[] q = procurer.gridSupplied();
            double[] n = procurer.portfolioOutput();
            double leftEm = 0.0, outEm = 0.0, consequential = 0.0;
            for (int h = 0; h < HOURS; h++) {
                leftEm += q[h] * intensity[h];
                outEm += n[h] * intensity[h];
                consequential += (consumerLoad[h] - n[h]) * marginal[h];
            }
            // the LPs meet their targets to about 1e-9 relative: a shortfall below that is the solver's rounding
            double shortMwh = e - p.energy() > 1e-9 * e ? e - p.energy() : 0.0;
            double shortEm = loadEm - outEm > 1e-9 * loadEm ? loadEm - outEm : 0.0;
            claimed[i] = switch (st) {
                case ANNUAL -> shortMwh * averageIntensity / 1000.0;
                case CARBON -> shortEm / 1e6;
                case HOURLY -> leftEm / 1e6;
            };
            gridInduced[i] = consequential / 1e6;
        }
    }

    /** The portfolio a strategy bought. */
    public Procurement.Portfolio portfolio(Strategy s) {
        return portfolios[s.ordinal()];
    }

    /** Contracted clean supply of a strategy, S + W + F, TWh/yr. */
    public double procurement(Strategy s) {
        return portfolios[s.ordinal()].energy();
    }

    /** Annual cost of a strategy's contracts, million USD/yr. */
    public double cost(Strategy s) {
        return portfolios[s.ordinal()].cost();
    }

    /** Cost per MWh consumed, USD/MWh (0 without consumption). */
    public double price(Strategy s) {
        return consumption > 0.0 ? cost(s) / consumption : 0.0;
    }

    /** Contracted supply over consumption, 1 (0 without consumption). */
    public double overBuild(Strategy s) {
        return consumption > 0.0 ? procurement(s) / consumption : 0.0;
    }

    /** Hourly CFE score of a strategy over the 8,760 hours, in [0, 1]. */
    public double cfeScore(Strategy s) {
        return cfe[s.ordinal()];
    }

    /** Claimed (market-based) emissions of a strategy, Mt CO2/yr. */
    public double claimedEmissions(Strategy s) {
        return claimed[s.ordinal()];
    }

    /** Consequential emissions of a strategy at the hourly marginal rate: load minus contract output, Mt CO2/yr. */
    public double gridInducedEmissions(Strategy s) {
        return gridInduced[s.ordinal()];
    }

    /** Emissions of the consumption at the hour's average grid intensity, with no procurement (location-based), Mt CO2/yr. */
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

    /** The pledged solar {@code S_p} taken out of the grid, TWh/yr (at most the grid's solar). */
    public double pledgedSolar() {
        return pledgedSolar;
    }

    // views for tests in this package; callers must not modify them
    double[] solarProfile() { return solar; }

    double[] windProfile() { return wind; }

    double[] loadProfile() { return load; }

    double[] demandProfile() { return demand; }

    double[] intensityProfile() { return intensity; }

    double[] gridCfeProfile() { return gridCfe; }

    double[] marginalProfile() { return marginal; }

    double[] consumerLoadGwh() { return consumerLoad; }

    Procurement procurer() { return procurer; }
}
