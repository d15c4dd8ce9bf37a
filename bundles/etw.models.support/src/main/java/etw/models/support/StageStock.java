package etw.models.support;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.StepContext;

/**
 * A capacity stock built since the first year, retired by a survival curve: a chain of {@link #STAGES} ageing
 * stages (a discrete Erlang, i.e. negative-binomial, lifetime). Each year a plant leaves its stage with probability
 * {@code q = STAGES / lifetime}; new plants enter stage 1 and plants leaving the last stage retire:
 * <pre>
 * X_1(t) = X_1(t-1) (1 - q) + A(t),   X_j(t) = X_j(t-1) (1 - q) + q X_{j-1}(t-1),   retired(t) = q X_J(t-1)
 * stock(t) = sum_j X_j(t)
 * </pre>
 * The lifetime of a plant then has mean {@code lifetime} and a coefficient of variation of about
 * {@code 1 / sqrt(STAGES)} = 0.41: few plants retire in their first third of life, most within 50% of the mean.
 * The stages are outputs ({@code Stock|Electricity|<tech>|Stage j}) read back with a lag of one year, so the
 * model stays stateless and works for any horizon.
 */
public final class StageStock {
    /** Ageing stages of every stock. */
    public static final int STAGES = 6;

    private final Input[] previous = new Input[STAGES];
    private final Output[] stage = new Output[STAGES];

    public StageStock(ModelDescriptor.Builder b, String tech, String unit) {
        for (int j = 0; j < STAGES; j++) {
            String v = "Stock|Electricity|" + tech + "|Stage " + (j + 1);
            previous[j] = b.laggedInput(v, unit, 1, 0.0, "Last year's " + tech + " built since the first year in "
                    + "ageing stage " + (j + 1) + " (own output)");
            stage[j] = b.output(v, unit, tech + " built since the first year in ageing stage " + (j + 1) + " of "
                    + STAGES + " (survival-curve bookkeeping)");
        }
    }

    /**
     * Ages last year's stock by a year (no additions yet) into the caller's scratch {@code x} (length
     * {@link #STAGES}; the model is shared between concurrent runs, so no state lives here); returns what is left.
     */
    public double age(StepContext ctx, int r, double lifetime, double[] x) {
        double q = Math.min(1.0, STAGES / Math.max(1.0, lifetime));
        double carried = 0.0;
        double total = 0.0;
        for (int j = 0; j < STAGES; j++) {
            double prev = ctx.isFirstYear() ? 0.0 : Math.max(0.0, ctx.get(previous[j], r));
            x[j] = prev * (1.0 - q) + carried;
            carried = q * prev;
            total += x[j];
        }
        return total;
    }

    /** Adds this year's additions to stage 1 (after {@link #age}); returns the stock. */
    public static double add(double[] x, double additions) {
        x[0] += additions;
        double total = 0.0;
        for (int j = 0; j < STAGES; j++) total += x[j];
        return total;
    }

    public void write(StepContext ctx, int r, double[] x) {
        for (int j = 0; j < STAGES; j++) ctx.set(stage[j], r, x[j]);
    }
}
