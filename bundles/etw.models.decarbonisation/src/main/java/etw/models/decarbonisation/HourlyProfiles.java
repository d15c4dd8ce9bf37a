package etw.models.decarbonisation;

/**
 * Deterministic hourly profiles for one year of 8,760 hours (365 days of 24 hours; leap days are ignored), each
 * normalised to sum to 1 over the year. Pure Java, no state: every method fills a caller's {@code double[8760]}.
 *
 * <p>Hour {@code h} (0 .. 8759) is hour of day {@code t = h % 24} of day {@code d = h / 24}; profiles are
 * evaluated in the middle of the hour, {@code t + 0.5}, and the middle of the day, {@code d + 0.5}. Before
 * normalisation (the phases are fixed, northern-hemisphere conventions):
 * <pre>
 * solar  s'(h) = (1 + a_s cos(2 pi (d + 0.5 - 172) / 365)) * sin(pi (t + 0.5 - (12 - D/2)) / D)   inside daylight,
 *                0 outside it                         (D = daylight hours centred on solar noon; peak near 21 June)
 * wind   w'(h) = max(0, 1 + a_ws cos(2 pi (d + 0.5 - 15) / 365) + a_wd cos(2 pi (t + 0.5 - 3) / 24) + sigma x(h))
 *                x(h) = phi x(h-1) + sqrt(1 - phi^2) e(h),  x(0) = e(0),  e uniform on [-sqrt 3, sqrt 3]
 *                (zero mean, unit variance) from SplitMix64 seeded with the seed: a stationary AR(1) with unit variance
 *                (winter peak in mid-January, night peak at 03:00)
 * load   l'(h) = max(0, 1 + a_l cos(2 pi (t + 0.5 - 15) / 24))                          (afternoon peak at 15:00)
 * grid   g'(h) = max(0, 1 + a_gd cos(2 pi (t + 0.5 - 18) / 24) + a_gs cos(2 pi (d + 0.5 - 15) / 365))
 *                                                                    (evening peak at 18:00, winter peak in mid-January)
 * p(h)  = p'(h) / sum p'       (a profile that is zero everywhere becomes flat, 1/8760, so it still sums to 1)
 * </pre>
 * The cosines of the hour of day and day of year are tabulated once (immutable static tables); a profile costs a
 * few multiply-adds per hour and allocates nothing. The wind series depends only on its parameters and seed, so
 * every year with the same parameters has the same weather: trends between years are not blurred by noise.
 */
public final class HourlyProfiles {

    /** Hours in the modelled year. */
    public static final int HOURS = 8760;
    /** Days in the modelled year. */
    public static final int DAYS = 365;
    /** Hours in a day. */
    public static final int HOURS_PER_DAY = 24;

    /** Day of year (days since 1 January 00:00) of peak solar yield: about 21 June. */
    static final double SOLAR_PEAK_DAY = 172;
    /** Day of year (days since 1 January 00:00) of peak wind and of peak grid demand: mid-January. */
    static final double WINTER_PEAK_DAY = 15;
    /** Hour of day of peak wind output (night-time low-level jet). */
    static final double WIND_PEAK_HOUR = 3;
    /** Hour of day of peak consumer load (afternoon cooling). */
    static final double LOAD_PEAK_HOUR = 15;
    /** Hour of day of peak grid demand (evening). */
    static final double GRID_PEAK_HOUR = 18;

    private static final double[] SOLAR_SEASON = dayCosines(SOLAR_PEAK_DAY);
    private static final double[] WINTER_SEASON = dayCosines(WINTER_PEAK_DAY);
    private static final double[] WIND_DIURNAL = hourCosines(WIND_PEAK_HOUR);
    private static final double[] LOAD_DIURNAL = hourCosines(LOAD_PEAK_HOUR);
    private static final double[] GRID_DIURNAL = hourCosines(GRID_PEAK_HOUR);
    private static final double SQRT3 = Math.sqrt(3.0);

    private HourlyProfiles() {
    }

    /**
     * Solar output: a half-sine over {@code daylightHours} centred on noon, scaled by day with a seasonal amplitude,
     * zero at night.
     *
     * @param out               receives the profile (length 8760)
     * @param daylightHours     length of the daylight half-sine, 0 &lt; D &lt;= 24
     * @param seasonalAmplitude a_s in [0, 1]: 0 is the same every day; 0.5 gives a summer day three times a winter day
     */
    public static void solar(double[] out, double daylightHours, double seasonalAmplitude) {
        check(out);
        double sunrise = 12.0 - daylightHours / 2.0;
        // the day's half-sine goes into out[0..23] (24 sine evaluations per call); the days are then written from
        // the last to the first, so out[0..23] is read before it is overwritten and nothing is allocated
        for (int t = 0; t < HOURS_PER_DAY; t++) {
            double x = (t + 0.5 - sunrise) / daylightHours;
            out[t] = x > 0.0 && x < 1.0 ? Math.sin(Math.PI * x) : 0.0;
        }
        for (int d = DAYS - 1; d >= 0; d--) {
            double day = Math.max(0.0, 1.0 + seasonalAmplitude * SOLAR_SEASON[d]);
            int start = d * HOURS_PER_DAY;
            for (int t = 0; t < HOURS_PER_DAY; t++) out[start + t] = day * out[t];
        }
        normalise(out);
    }

    /**
     * Wind output: seasonal and diurnal cosines plus a stationary AR(1) term with unit variance from a fixed seed,
     * clamped at zero.
     *
     * @param out               receives the profile (length 8760)
     * @param seasonalAmplitude a_ws, winter peak
     * @param diurnalAmplitude  a_wd, night peak
     * @param variability       sigma, the standard deviation of the random term relative to mean output
     * @param persistence       phi in [0, 1): hour-to-hour autocorrelation of the random term
     * @param seed              seed of the pseudo-random sequence
     */
    public static void wind(double[] out, double seasonalAmplitude, double diurnalAmplitude, double variability,
                            double persistence, long seed) {
        check(out);
        double innovation = Math.sqrt(Math.max(0.0, 1.0 - persistence * persistence));
        long state = seed;
        double x = 0.0;
        int h = 0;
        for (int d = 0; d < DAYS; d++) {
            double day = 1.0 + seasonalAmplitude * WINTER_SEASON[d];
            for (int t = 0; t < HOURS_PER_DAY; t++) {
                // SplitMix64 (Steele, Lea & Flood 2014): one 64-bit output per hour
                state += 0x9E3779B97F4A7C15L;
                long z = state;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z ^= z >>> 31;
                double e = ((z >>> 11) * 0x1.0p-53 * 2.0 - 1.0) * SQRT3;
                x = h == 0 ? e : persistence * x + innovation * e;
                out[h++] = positive(day + diurnalAmplitude * WIND_DIURNAL[t] + variability * x);
            }
        }
        normalise(out);
    }

    /**
     * Consumer load: flat with a daily swing peaking in the afternoon (data centres are nearly flat).
     *
     * @param out        receives the profile (length 8760)
     * @param dailySwing a_l: 0 is perfectly flat
     */
    public static void load(double[] out, double dailySwing) {
        check(out);
        int h = 0;
        for (int d = 0; d < DAYS; d++)
            for (int t = 0; t < HOURS_PER_DAY; t++) out[h++] = positive(1.0 + dailySwing * LOAD_DIURNAL[t]);
        normalise(out);
    }

    /**
     * Grid demand: daily swing peaking in the evening plus a seasonal swing peaking in winter.
     *
     * @param out          receives the profile (length 8760)
     * @param dailySwing   a_gd
     * @param seasonalSwing a_gs
     */
    public static void gridDemand(double[] out, double dailySwing, double seasonalSwing) {
        check(out);
        int h = 0;
        for (int d = 0; d < DAYS; d++) {
            double day = 1.0 + seasonalSwing * WINTER_SEASON[d];
            for (int t = 0; t < HOURS_PER_DAY; t++) out[h++] = positive(day + dailySwing * GRID_DIURNAL[t]);
        }
        normalise(out);
    }

    /**
     * Twelve representative days: for each month of the hydro budget (730-hour blocks of the year), the whole day
     * inside the block whose daily energies of grid demand, solar and wind are closest to the block's daily means
     * (sum of squared relative deviations); its 24 hours, scaled so that each profile keeps the block's energy:
     * {@code rep[24 m + t] = B_m * full[24 d_m + t] / sum_t full[24 d_m + t]}, with {@code B_m} the block's share
     * of the year (flat over the day when the day has none). Each representative hour stands for 730 / 24 real
     * hours; every profile still sums to 1.
     *
     * @param full  the full-year profiles (grid demand, solar, wind), each of 8,760 hours
     * @param rep   receive the representative profiles, each of at least 288 hours (same order)
     * @param days  receives the chosen day of each month (12 values), or null
     */
    public static void representativeDays(double[][] full, double[][] rep, int[] days) {
        int monthHours = HOURS / 12;
        double[] mean = new double[full.length];
        for (int m = 0; m < 12; m++) {
            int from = m * monthHours, to = from + monthHours;
            int firstDay = (from + HOURS_PER_DAY - 1) / HOURS_PER_DAY, lastDay = to / HOURS_PER_DAY - 1;
            for (int p = 0; p < full.length; p++) {
                double sum = 0.0;
                for (int h = from; h < to; h++) sum += full[p][h];
                mean[p] = sum / monthHours * HOURS_PER_DAY;
            }
            int best = firstDay;
            double bestDistance = Double.MAX_VALUE;
            for (int d = firstDay; d <= lastDay; d++) {
                double distance = 0.0;
                for (int p = 0; p < full.length; p++) {
                    double e = 0.0;
                    for (int t = 0; t < HOURS_PER_DAY; t++) e += full[p][d * HOURS_PER_DAY + t];
                    double rel = mean[p] > 0.0 ? (e - mean[p]) / mean[p] : 0.0;
                    distance += rel * rel;
                }
                if (distance < bestDistance) { bestDistance = distance; best = d; }
            }
            if (days != null) days[m] = best;
            for (int p = 0; p < full.length; p++) {
                double block = mean[p] / HOURS_PER_DAY * monthHours, day = 0.0;
                for (int t = 0; t < HOURS_PER_DAY; t++) day += full[p][best * HOURS_PER_DAY + t];
                for (int t = 0; t < HOURS_PER_DAY; t++)
                    rep[p][m * HOURS_PER_DAY + t] = day > 0.0 ? block * full[p][best * HOURS_PER_DAY + t] / day
                            : block / HOURS_PER_DAY;
            }
        }
    }

    /** Scales {@code p} to sum to 1; a profile with no positive value becomes flat. */
    static void normalise(double[] p) {
        double sum = sum(p);
        if (sum > 0.0 && Double.isFinite(sum)) {
            double inv = 1.0 / sum;
            for (int h = 0; h < p.length; h++) p[h] *= inv;
        } else {
            java.util.Arrays.fill(p, 1.0 / p.length);
        }
    }

    /**
     * The sum of {@code p} (length a multiple of 4), in four interleaved partial sums added at the end: the same
     * result every time, and about four times faster than one running sum, whose additions must wait on each other.
     */
    static double sum(double[] p) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        for (int h = 0; h < p.length; h += 4) {
            s0 += p[h];
            s1 += p[h + 1];
            s2 += p[h + 2];
            s3 += p[h + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * {@code max(0, v)} for finite {@code v}. Hot loops use this instead of {@link Math#max(double, double)}, whose
     * NaN and signed-zero handling costs a branch that Java 17 on x86 does not remove (three times slower here).
     */
    static double positive(double v) {
        return v > 0.0 ? v : 0.0;
    }

    /** {@code min(a, b)} for finite values; see {@link #positive}. */
    static double min(double a, double b) {
        return a < b ? a : b;
    }

    private static void check(double[] out) {
        if (out.length != HOURS) throw new IllegalArgumentException("profile needs " + HOURS + " hours, got " + out.length);
    }

    private static double[] dayCosines(double peakDay) {
        double[] c = new double[DAYS];
        for (int d = 0; d < DAYS; d++) c[d] = Math.cos(2.0 * Math.PI * (d + 0.5 - peakDay) / DAYS);
        return c;
    }

    private static double[] hourCosines(double peakHour) {
        double[] c = new double[HOURS_PER_DAY];
        for (int t = 0; t < HOURS_PER_DAY; t++) c[t] = Math.cos(2.0 * Math.PI * (t + 0.5 - peakHour) / HOURS_PER_DAY);
        return c;
    }
}
