package etw.api;

import java.util.Objects;

/**
 * A variable a model writes: a handle obtained only from {@link ModelDescriptor.Builder#output}; pass it to
 * {@link StepContext#set(Output, int, double)}.
 */
public final class Output {
    private final int index;
    private final String variable;
    private final String unit;
    private final String description;

    Output(int index, String variable, String unit, String description) {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(unit, "unit");
        this.index = index;
        this.variable = variable;
        this.unit = unit;
        this.description = description == null ? "" : description;
    }

    /** Position among the model's outputs (assigned by the builder). */
    public int index() { return index; }

    /** IAMC variable name. */
    public String variable() { return variable; }

    /** Unit of the values the model sets. */
    public String unit() { return unit; }

    /** What the variable means. */
    public String description() { return description; }

    @Override
    public String toString() {
        return variable + " [" + unit + "]";
    }
}
