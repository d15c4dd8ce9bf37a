package etw.api.scenario;

import java.util.List;
import java.util.Objects;

/**
 * What an ensemble produced: for every variable, region and year, chosen percentiles of the values over all
 * samples. Immutable once built (arrays handed in are not copied).
 */
public final class EnsembleResult {
    private final Scenario scenario;
    private final int samples;
    private final double[] percentiles;
    private final List<Result.VariableInfo> variables;
    private final double[][][] values;

    /**
     * @param percentiles the percentiles, ascending, e.g. {@code {5, 50, 95}}
     * @param values      for variable {@code v}, percentile {@code p}, region {@code r}, year index {@code y}:
     *                    {@code values[v][p][r * yearCount + y]}
     */
    public EnsembleResult(Scenario scenario, int samples, double[] percentiles, List<Result.VariableInfo> variables,
                          double[][][] values) {
        this.scenario = Objects.requireNonNull(scenario);
        this.samples = samples;
        this.percentiles = percentiles.clone();
        this.variables = List.copyOf(variables);
        this.values = values;
    }

    public Scenario scenario() { return scenario; }

    public int samples() { return samples; }

    public double[] percentiles() { return percentiles.clone(); }

    public List<Result.VariableInfo> variables() { return variables; }

    public int indexOf(String variable) {
        for (int i = 0; i < variables.size(); i++) if (variables.get(i).name().equals(variable)) return i;
        return -1;
    }

    /** The value at percentile index {@code p} (into {@link #percentiles()}) of a variable, region and year. */
    public double value(String variable, int p, String region, int year) {
        int v = indexOf(variable);
        if (v < 0) throw new IllegalArgumentException("no variable " + variable + " in the ensemble of " + scenario.name());
        int r = scenario.regions().indexOf(region);
        if (r < 0) throw new IllegalArgumentException("no region " + region);
        return values[v][p][r * scenario.yearCount() + (year - scenario.firstYear())];
    }

    /** Values of variable {@code v}, percentile index {@code p}, region {@code r}, one per year (a copy). */
    public double[] series(int v, int p, int r) {
        int n = scenario.yearCount();
        double[] out = new double[n];
        System.arraycopy(values[v][p], r * n, out, 0, n);
        return out;
    }
}
