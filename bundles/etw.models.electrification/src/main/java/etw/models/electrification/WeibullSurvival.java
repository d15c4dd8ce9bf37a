package etw.models.electrification;

/**
 * The share of a vintage still on the road at mid-year ages 0.5, 1.5, 2.5, ... for a Weibull lifetime with a
 * given mean and shape: {@code S(a) = exp(-(a / scale)^shape)}, {@code scale = mean / Gamma(1 + 1/shape)}.
 * Immutable; {@link #of} keeps the last curve it built so that a run with constant lifetimes builds it once per
 * mode, and a small shared memo of the curves built lately, so that regions with different lifetimes do not
 * rebuild theirs every year (a pure memo: the same arguments always give the same curve, whichever thread asks).
 * {@link #history} is memoised per curve and growth rate, over every m it can be asked for.
 */
final class WeibullSurvival {

    final double mean;
    final double shape;
    /** {@code atMidAge[k] = S(k + 0.5)}, for k = 0 .. length - 1. */
    final double[] atMidAge;

    private WeibullSurvival(double mean, double shape, int ages) {
        this.mean = mean;
        this.shape = shape;
        double scale = mean / gamma(1 + 1 / shape);
        atMidAge = new double[ages];
        for (int k = 0; k < ages; k++) atMidAge[k] = Math.exp(-Math.pow((k + 0.5) / scale, shape));
    }

    /** Curves built lately, shared by every mode and run (copy on write: a reader sees a complete array). */
    private static volatile WeibullSurvival[] recent = new WeibullSurvival[0];
    /** Most curves kept in {@link #recent}. */
    private static final int RECENT = 64;

    /** The growth rates {@link #history} was asked for, each with its values for m = -1 .. ages - 1. */
    private volatile Histories histories = Histories.EMPTY;

    /**
     * An immutable open-addressing table from a growth rate's bits to its values of {@link #history}; replaced
     * as a whole when a rate is added (copy on write), emptied when it would hold more than {@link #MAX}.
     */
    private static final class Histories {
        static final int MAX = 512;
        static final Histories EMPTY = new Histories(new long[16], new double[16][], 0);
        final long[] keys;
        final double[][] values;
        final int size;

        Histories(long[] keys, double[][] values, int size) {
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        double[] get(long key) {
            int mask = keys.length - 1;
            for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) if (keys[i] == key) return values[i];
            return null;
        }

        Histories with(long key, double[] value) {
            if (size >= MAX) return EMPTY.with(key, value);
            int capacity = keys.length;
            while (2 * (size + 1) > capacity) capacity *= 2;
            long[] k = new long[capacity];
            double[][] v = new double[capacity][];
            for (int i = 0; i < keys.length; i++) if (values[i] != null) put(k, v, keys[i], values[i]);
            put(k, v, key, value);
            return new Histories(k, v, size + 1);
        }

        private static void put(long[] k, double[][] v, long key, double[] value) {
            int mask = k.length - 1;
            int i = slot(key, mask);
            while (v[i] != null) i = (i + 1) & mask;
            k[i] = key;
            v[i] = value;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }

    /** The curve for this mean and shape over {@code ages} ages, reusing {@code last} or a recent one if it matches. */
    static WeibullSurvival of(WeibullSurvival last, double mean, double shape, int ages) {
        if (last != null && last.matches(mean, shape, ages)) return last;
        WeibullSurvival[] seen = recent;
        for (WeibullSurvival c : seen) if (c.matches(mean, shape, ages)) return c;
        WeibullSurvival made = new WeibullSurvival(mean, shape, ages);
        WeibullSurvival[] next = new WeibullSurvival[Math.min(RECENT, seen.length + 1)];
        next[0] = made; // the newest first; the oldest falls off the end
        System.arraycopy(seen, 0, next, 1, next.length - 1);
        recent = next;
        return made;
    }

    private boolean matches(double mean, double shape, int ages) {
        return this.mean == mean && this.shape == shape && atMidAge.length == ages;
    }

    /** S(k + 0.5), zero beyond the curve's last age. */
    double at(int k) {
        return k < atMidAge.length ? atMidAge[k] : 0;
    }

    /**
     * D(m) = sum over j = 1 .. ages of (1 + g)^-j * S(m + j + 0.5), ages beyond the curve left out: the survivors,
     * m years after the first year, of a sales history that grew by g a year up to the first year, per unit of
     * sales in the year before it.
     */
    double history(double g, int m) {
        if (m < -1 || m >= atMidAge.length) return sum(g, m);
        long key = Double.doubleToRawLongBits(g);
        Histories seen = histories;
        double[] byM = seen.get(key);
        if (byM == null) {
            byM = new double[atMidAge.length + 1];
            for (int k = -1; k < atMidAge.length; k++) byM[k + 1] = sum(g, k);
            histories = seen.with(key, byM); // a race may drop another thread's entry: it is made again when asked
        }
        return byM[m + 1];
    }

    private double sum(double g, int m) {
        double sum = 0;
        double weight = 1;
        double discount = 1 / (1 + g);
        for (int j = 1; j <= atMidAge.length; j++) {
            weight *= discount;
            int age = m + j;
            if (age >= atMidAge.length) break;
            sum += weight * at(age);
        }
        return sum;
    }

    /** The gamma function for x > 0 (Lanczos approximation, g = 7, relative error below 1e-13). */
    static double gamma(double x) {
        if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        x -= 1;
        double a = c[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += c[i] / (x + i);
        return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
    }
}
