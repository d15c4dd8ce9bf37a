package etw.sensitivity;

import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.special.Erf;

import etw.api.scenario.Distribution;

/**
 * The inverse cumulative distribution function of a scenario's {@link Distribution}: the map from a uniform
 * coordinate {@code u} in [0, 1) to the parameter value with the same quantile. Normal and lognormal
 * distributions are truncated to [min, max], as the ensemble's rejection sampling truncates them, so the
 * quantiles are those of the truncated distribution: the same distribution {@code etw ensemble} draws from.
 */
public final class InverseCdf {
    private InverseCdf() {
    }

    /** The inverse CDF of {@code d}; its values lie in {@code [d.min(), d.max()]}. */
    public static DoubleUnaryOperator of(Distribution d) {
        double min = d.min(), max = d.max(), span = max - min;
        switch (d.kind()) {
            case UNIFORM:
                return u -> clamp(min + u * span, min, max);
            case TRIANGULAR: {
                if (span == 0) return u -> min;
                double mode = d.a(), f = (mode - min) / span;
                return u -> clamp(u < f ? min + Math.sqrt(u * span * (mode - min))
                        : max - Math.sqrt((1 - u) * span * (max - mode)), min, max);
            }
            case NORMAL: {
                double mean = d.a(), sd = d.b();
                return truncatedGaussian((min - mean) / sd, (max - mean) / sd, z -> mean + sd * z, mean, min, max);
            }
            case LOGNORMAL: {
                double median = d.a(), sigma = d.b();
                double zLo = min > 0 ? Math.log(min / median) / sigma : Double.NEGATIVE_INFINITY;
                double zHi = Math.log(max / median) / sigma;
                return truncatedGaussian(zLo, zHi, z -> median * Math.exp(sigma * z), median, min, max);
            }
            default:
                throw new IllegalArgumentException("no inverse CDF for " + d.kind());
        }
    }

    /** A standard normal truncated to [zLo, zHi], mapped by {@code to}. */
    private static DoubleUnaryOperator truncatedGaussian(double zLo, double zHi, DoubleUnaryOperator to, double centre,
                                                         double min, double max) {
        double pLo = phi(zLo), pHi = phi(zHi);
        if (!(pHi - pLo > 1e-12)) {
            // the bounds hold almost none of the distribution: the ensemble falls back to the nearer bound of the centre
            double v = clamp(centre, min, max);
            return u -> v;
        }
        return u -> clamp(to.applyAsDouble(phiInverse(pLo + u * (pHi - pLo))), min, max);
    }

    /** The standard normal CDF. */
    static double phi(double z) {
        if (z == Double.NEGATIVE_INFINITY) return 0;
        if (z == Double.POSITIVE_INFINITY) return 1;
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** Its inverse. */
    static double phiInverse(double p) {
        if (p <= 0) return Double.NEGATIVE_INFINITY;
        if (p >= 1) return Double.POSITIVE_INFINITY;
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    private static double clamp(double v, double min, double max) {
        return v < min ? min : v > max ? max : v;
    }
}
