package etw.api;

import java.util.Objects;

/**
 * A variable a model reads: a handle obtained only from {@link ModelDescriptor.Builder#input} or
 * {@link ModelDescriptor.Builder#laggedInput}; pass it to {@link StepContext#get(Input, int)}. It cannot be made
 * any other way, so a model reads only what it declared.
 */
public final class Input {
    private final int index;
    private final String variable;
    private final String unit;
    private final int lag;
    private final double initialValue;
    private final String description;

    Input(int index, String variable, String unit, int lag, double initialValue, String description) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(unit, "unit");
        if (lag < 0) throw new IllegalArgumentException("lag must be >= 0 for input " + variable + ", was " + lag);
        if (!Double.isFinite(initialValue))
            throw new IllegalArgumentException("initial value of input " + variable + " must be finite");
        this.index = index;
        this.variable = variable;
        this.unit = unit;
        this.lag = lag;
        this.initialValue = initialValue;
        this.description = description == null ? "" : description;
    }

    /** Position among the model's inputs (assigned by the builder). */
    public int index() { return index; }

    /** IAMC variable name. */
    public String variable() { return variable; }

    /** The unit the model wants the values in. */
    public String unit() { return unit; }

    /** 0 for this year's value, {@code k >= 1} for the value {@code k} years earlier. */
    public int lag() { return lag; }

    /** Value read before the first year (only meaningful when {@code lag >= 1}). */
    public double initialValue() { return initialValue; }

    /** What the model uses it for. */
    public String description() { return description; }

    @Override
    public String toString() {
        return variable + " [" + unit + "]" + (lag > 0 ? " (lag " + lag + ")" : "");
    }
}
