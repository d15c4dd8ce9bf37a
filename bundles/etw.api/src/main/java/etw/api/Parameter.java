package etw.api;

import java.util.Objects;

/**
 * A model parameter with its metadata: a handle obtained only from {@link ModelDescriptor.Builder#parameter};
 * pass it to {@link StepContext#get(Parameter, int)}. A scenario may set it as a constant, per region, or as a
 * trajectory over years; values outside {@code [min, max]} are rejected before a run starts.
 */
public final class Parameter {
    private final int index;
    private final String name;
    private final String unit;
    private final double defaultValue;
    private final double min;
    private final double max;
    private final String description;
    private final String source;

    Parameter(int index, String name, String unit, double defaultValue, double min, double max,
              String description, String source) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!(min <= max)) throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
        if (!(defaultValue >= min && defaultValue <= max))
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " outside its range [" + min + ", " + max + "]");
        this.index = index;
        this.name = name;
        this.unit = unit;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.description = description == null ? "" : description;
        this.source = source == null ? "" : source;
    }

    /** Position among the model's parameters (assigned by the builder). */
    public int index() { return index; }

    /** Key used in scenario files, unique within the model. */
    public String name() { return name; }

    /** Unit of the value ({@code "1"} for a dimensionless number or fraction). */
    public String unit() { return unit; }

    /** Used when the scenario does not set the parameter. */
    public double defaultValue() { return defaultValue; }

    /** Smallest allowed value. */
    public double min() { return min; }

    /** Largest allowed value. */
    public double max() { return max; }

    /** One line: what it is and why it matters. */
    public String description() { return description; }

    /** Where the default comes from (title, year, table), or "assumption: why". */
    public String source() { return source; }

    /** True if {@code value} lies within {@code [min, max]}. */
    public boolean allows(double value) {
        return value >= min && value <= max;
    }

    @Override
    public String toString() {
        return name + " = " + defaultValue + " " + unit;
    }
}
