package etw.api;

import java.util.Objects;

/**
 * A variable a model reads. Obtained from {@link ModelDescriptor.Builder#input} or
 * {@link ModelDescriptor.Builder#laggedInput}; pass it to {@link StepContext#get(Input, int)}.
 *
 * @param index        position among the model's inputs (assigned by the builder)
 * @param variable     IAMC variable name
 * @param unit         the unit the model wants the values in
 * @param lag          0 for this year's value, {@code k >= 1} for the value {@code k} years earlier
 * @param initialValue value read before the first year (only meaningful when {@code lag >= 1})
 * @param description  what the model uses it for
 */
public record Input(int index, String variable, String unit, int lag, double initialValue, String description) {
    public Input {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(unit, "unit");
        if (lag < 0) throw new IllegalArgumentException("lag must be >= 0 for input " + variable + ", was " + lag);
        if (!Double.isFinite(initialValue))
            throw new IllegalArgumentException("initial value of input " + variable + " must be finite");
        description = description == null ? "" : description;
    }
}
