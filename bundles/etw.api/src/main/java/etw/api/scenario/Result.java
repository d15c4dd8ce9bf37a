package etw.api.scenario;

import java.util.List;
import java.util.Objects;

/**
 * What a run produced: values per variable, region and year, plus the manifest needed to reproduce it.
 * Immutable once built (the arrays handed in are not copied: the engine gives up ownership).
 */
public final class Result {
    private final Scenario scenario;
    private final List<VariableInfo> variables;
    private final double[][] values;
    private final RunManifest manifest;

    /**
     * @param values for variable {@code v}, region {@code r}, year index {@code y}:
     *               {@code values[v][r * yearCount + y]}
     */
    public Result(Scenario scenario, List<VariableInfo> variables, double[][] values, RunManifest manifest) {
        this.scenario = Objects.requireNonNull(scenario);
        this.variables = List.copyOf(variables);
        this.values = values;
        this.manifest = Objects.requireNonNull(manifest);
        if (values.length != variables.size()) throw new IllegalArgumentException("one value array per variable");
    }

    public Scenario scenario() { return scenario; }

    public RunManifest manifest() { return manifest; }

    /** The variables in the result, in a stable order (sorted by name). */
    public List<VariableInfo> variables() { return variables; }

    public List<String> regions() { return scenario.regions(); }

    public int firstYear() { return scenario.firstYear(); }

    public int lastYear() { return scenario.lastYear(); }

    /** Index of a variable, or -1. */
    public int indexOf(String variable) {
        for (int i = 0; i < variables.size(); i++) if (variables.get(i).name().equals(variable)) return i;
        return -1;
    }

    public boolean has(String variable) {
        return indexOf(variable) >= 0;
    }

    /** The value of a variable in a region and year, in the variable's unit. */
    public double value(String variable, String region, int year) {
        int v = indexOf(variable);
        if (v < 0) throw new IllegalArgumentException("no variable " + variable + " in the result of " + scenario.name());
        int r = scenario.regions().indexOf(region);
        if (r < 0) throw new IllegalArgumentException("no region " + region + " in scenario " + scenario.name());
        if (year < firstYear() || year > lastYear())
            throw new IllegalArgumentException("year " + year + " outside " + firstYear() + "-" + lastYear());
        return values[v][r * scenario.yearCount() + (year - firstYear())];
    }

    /** Values of variable index {@code v} in region index {@code r}, one per year (a copy). */
    public double[] series(int v, int r) {
        int n = scenario.yearCount();
        double[] out = new double[n];
        System.arraycopy(values[v], r * n, out, 0, n);
        return out;
    }

    /**
     * A variable in a result.
     *
     * @param name     IAMC name
     * @param unit     unit of its values
     * @param producer id of the model that wrote it, or {@code "scenario"} for exogenous data, or
     *                 {@code "aggregate"} for a sum of children
     */
    public record VariableInfo(String name, String unit, String producer) {
    }
}
