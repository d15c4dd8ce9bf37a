package etw.api.scenario;

import java.util.Objects;

/**
 * How a parameter varies across the samples of an ensemble. A drawn value replaces the parameter for every
 * region and year of that sample, or, for a {@code scale} distribution, multiplies the scenario's value in every
 * region and year (so per-region values and trajectories keep their shape). Every distribution is bounded:
 * values fall within {@code [min, max]}; the parameter values they give must lie inside the parameter's allowed
 * range.
 *
 * @param kind   the shape
 * @param a      uniform: unused; triangular: the mode; normal: the mean; lognormal: the median
 * @param b      normal: the standard deviation; lognormal: sigma of the logarithm; otherwise unused
 * @param min    smallest value drawn (for normal and lognormal: the truncation bound)
 * @param max    largest value drawn
 * @param origin where it was written ({@code file:line:column}), for messages; may be empty
 * @param scale  true if a drawn value multiplies the scenario's value instead of replacing it
 */
public record Distribution(Kind kind, double a, double b, double min, double max, String origin, boolean scale) {

    /** The shapes a scenario may declare. */
    public enum Kind {
        UNIFORM, TRIANGULAR, NORMAL, LOGNORMAL
    }

    public Distribution {
        Objects.requireNonNull(kind);
        origin = origin == null ? "" : origin;
        if (!(min <= max)) throw new IllegalArgumentException("distribution bounds: min " + min + " > max " + max);
        if (kind == Kind.TRIANGULAR && !(a >= min && a <= max))
            throw new IllegalArgumentException("triangular mode " + a + " outside [" + min + ", " + max + "]");
        if ((kind == Kind.NORMAL || kind == Kind.LOGNORMAL) && !(b > 0))
            throw new IllegalArgumentException(kind.name().toLowerCase() + " needs a positive spread, got " + b);
        if (kind == Kind.LOGNORMAL && !(a > 0))
            throw new IllegalArgumentException("lognormal needs a positive median, got " + a);
    }

    /** A distribution whose draws replace the parameter. */
    public Distribution(Kind kind, double a, double b, double min, double max, String origin) {
        this(kind, a, b, min, max, origin, false);
    }

    public static Distribution uniform(double min, double max) {
        return new Distribution(Kind.UNIFORM, 0, 0, min, max, "");
    }

    /** The distribution's centre: the mode, mean or median, or the midpoint of a uniform one. */
    public double centre() {
        return kind == Kind.UNIFORM ? (min + max) / 2 : a;
    }

    /**
     * The same shape as factors around {@code centre}: a {@code scale} distribution whose draws, multiplied by the
     * value {@code centre} stood for, give this distribution's draws. Used when a variant sets a parameter whose
     * parent varied it: the variant's value becomes the centre and the spread is kept.
     *
     * @throws IllegalArgumentException if {@code centre} is not positive
     * @since 2.0
     */
    public Distribution relativeTo(double centre) {
        if (!(centre > 0)) throw new IllegalArgumentException("cannot express a distribution relative to " + centre);
        double sd = kind == Kind.NORMAL ? b / centre : b;
        return new Distribution(kind, kind == Kind.UNIFORM ? 0 : a / centre, sd, min / centre, max / centre, origin, true);
    }

    @Override
    public String toString() {
        return (scale ? "x " : "") + switch (kind) {
            case UNIFORM -> "uniform[" + min + ", " + max + "]";
            case TRIANGULAR -> "triangular(" + min + ", " + a + ", " + max + ")";
            case NORMAL -> "normal(mean " + a + ", sd " + b + ") in [" + min + ", " + max + "]";
            case LOGNORMAL -> "lognormal(median " + a + ", sigma " + b + ") in [" + min + ", " + max + "]";
        };
    }
}
