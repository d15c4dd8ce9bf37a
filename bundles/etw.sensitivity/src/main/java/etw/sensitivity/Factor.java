package etw.sensitivity;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * One input of a sensitivity analysis: its name, its unit, and the inverse of its cumulative distribution, which
 * maps a quasi-random coordinate in {@code [0, 1)} to a value of the input.
 *
 * @param name       as printed, e.g. {@code etw.models.datacenter/pue}
 * @param unit       the unit of its values ({@code factor} for a distribution that scales the scenario's values)
 * @param inverseCdf {@code u -> x}: for u uniform on [0, 1), x follows the input's distribution
 * @param describe   the distribution as text, for tables and reports
 */
public record Factor(String name, String unit, DoubleUnaryOperator inverseCdf, String describe) {
    public Factor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inverseCdf, "inverseCdf");
        unit = unit == null ? "" : unit;
        describe = describe == null ? "" : describe;
    }

    /** A factor uniform on {@code [min, max]}. */
    public static Factor uniform(String name, double min, double max) {
        if (!(min <= max)) throw new IllegalArgumentException("uniform factor " + name + ": min " + min + " > max " + max);
        return new Factor(name, "", u -> min + u * (max - min), "uniform[" + min + ", " + max + "]");
    }
}
