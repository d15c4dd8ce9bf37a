package etw.api;

import java.util.Objects;

/**
 * A variable a model writes. Obtained from {@link ModelDescriptor.Builder#output}; pass it to
 * {@link StepContext#set(Output, int, double)}.
 *
 * @param index       position among the model's outputs (assigned by the builder)
 * @param variable    IAMC variable name
 * @param unit        unit of the values the model sets
 * @param description what the variable means
 */
public record Output(int index, String variable, String unit, String description) {
    public Output {
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(unit, "unit");
        description = description == null ? "" : description;
    }
}
