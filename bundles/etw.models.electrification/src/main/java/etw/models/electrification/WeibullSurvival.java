package etw.models.electrification;

/**
 * The share of a vintage still on the road at mid-year ages 0.5, 1.5, 2.5, ... for a Weibull lifetime with a
 * given mean and shape: {@code S(a) = exp(-(a / scale)^shape)}, {@code scale = mean / Gamma(1 + 1/shape)}.
 * Immutable; {@link #of} keeps the last curve it built so that a run with constant lifetimes builds it once per
 * mode (a pure memo: the same arguments always give the same curve, whichever thread asks).
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

    /** The curve for this mean and shape over {@code ages} ages, reusing {@code last} if it matches. */
    static WeibullSurvival of(WeibullSurvival last, double mean, double shape, int ages) {
        if (last != null && last.mean == mean && last.shape == shape && last.atMidAge.length == ages) return last;
        return new WeibullSurvival(mean, shape, ages);
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
