package etw.engine;

/**
 * One edge of a wiring: a variable flowing from its producer to a model that reads it.
 *
 * @param producer  id of the model that writes the variable, or {@link #SCENARIO} for exogenous data
 * @param consumer  id of the model that reads it
 * @param variable  the variable written by the producer
 * @param readAs    the variable the consumer declared: equal to {@code variable}, or an ancestor of it when the
 *                  consumer reads an aggregate
 * @param lag       the consumer's lag; lag-0 wires order the models, lagged ones do not
 * @param factor    unit conversion applied on the way (1 when the units agree)
 */
public record Wire(String producer, String consumer, String variable, String readAs, int lag, double factor) {
    /** Producer name used for data the scenario supplies. */
    public static final String SCENARIO = "scenario";

    public boolean isAggregate() {
        return !variable.equals(readAs);
    }
}
