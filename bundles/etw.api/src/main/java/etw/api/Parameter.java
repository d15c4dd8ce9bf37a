package etw.api;

import java.util.Objects;

/**
 * A model parameter with its metadata. Obtained from {@link ModelDescriptor.Builder#parameter}; pass it to
 * {@link StepContext#get(Parameter, int)}. A scenario may set it as a constant, per region, or as a trajectory
 * over years; values outside {@code [min, max]} are rejected before a run starts.
 *
 * @param index        position among the model's parameters (assigned by the builder)
 * @param name         key used in scenario files, unique within the model
 * @param unit         unit of the value ({@code "1"} for a dimensionless number or fraction)
 * @param defaultValue used when the scenario does not set the parameter
 * @param min          smallest allowed value
 * @param max          largest allowed value
 * @param description  one line: what it is and why it matters
 * @param source       where the default comes from (title, year, table), or "assumption: why"
 */
public record Parameter(int index, String name, String unit, double defaultValue, double min, double max,
                        String description, String source) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!(min <= max)) throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
        if (!(defaultValue >= min && defaultValue <= max))
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " outside its range [" + min + ", " + max + "]");
        description = description == null ? "" : description;
        source = source == null ? "" : source;
    }

    /** True if {@code value} lies within {@code [min, max]}. */
    public boolean allows(double value) {
        return value >= min && value <= max;
    }
}
