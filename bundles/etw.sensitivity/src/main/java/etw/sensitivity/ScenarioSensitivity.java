package etw.sensitivity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.NameCheck;
import etw.engine.SampledRuns;
import etw.engine.Wiring;
import etw.engine.WiringException;

/**
 * A Sobol sensitivity analysis of an ETW scenario: the factors are the parameters its {@code uncertainty:}
 * section varies (each mapped onto its declared distribution by {@link InverseCdf}, so the analysis samples the
 * same distributions as {@code etw ensemble}); the outputs are chosen cells (variable, region, year) of the result.
 *
 * <pre>{@code
 * SobolAnalysis a = ScenarioSensitivity.of(Wiring.wire(scenario, models), List.of(ScenarioSensitivity.DEFAULT_OUTPUT));
 * List<Indices> ix = a.samples(512).run();
 * }</pre>
 */
public final class ScenarioSensitivity {
    /** The default output variable: CO2 emissions of electricity supply (power-sector CO2). */
    public static final String DEFAULT_VARIABLE = "Emissions|CO2|Energy|Supply|Electricity";
    public static final String DEFAULT_REGION = "World";
    public static final int DEFAULT_YEAR = 2050;

    /** One output: a variable in a region and a year. */
    public record Output(String variable, String region, int year) {
        /** {@code variable, region, year}. */
        public String label() {
            return variable + ", " + region + ", " + year;
        }
    }

    private ScenarioSensitivity() {
    }

    /**
     * The scenario with its last year brought forward to {@code lastYear} if it runs longer, so an analysis of
     * outputs up to that year does not pay for (or fail in) the years after it. The year loop runs forward: a year's
     * values depend only on that year's and earlier years' inputs, so the outputs are the same
     * (BaselineSensitivityTest checks it, bit for bit, on every variable of the canned baseline).
     */
    public static Scenario upTo(Scenario s, int lastYear) {
        if (lastYear >= s.lastYear() || lastYear < s.firstYear()) return s;
        return s.toBuilder(s.name()).years(s.firstYear(), lastYear).build();
    }

    /**
     * The analysis of {@code outputs} over the scenario's uncertain parameters, evaluated with a 10 s step limit.
     *
     * @throws WiringException          if the scenario declares no uncertainty or a distribution is wrong (as for an
     *                                  ensemble)
     * @throws IllegalArgumentException if an output names a variable, region or year the scenario's results lack;
     *                                  the message says which exist
     */
    public static SobolAnalysis of(Wiring wiring, List<Output> outputs) throws WiringException {
        return of(SampledRuns.of(wiring, Duration.ofSeconds(10)), outputs);
    }

    /** As {@link #of(Wiring, List)}, on prepared runs. */
    public static SobolAnalysis of(SampledRuns runs, List<Output> outputs) {
        Scenario s = runs.wiring().scenario();
        List<Result.VariableInfo> variables = runs.variables();
        List<String> names = variables.stream().map(Result.VariableInfo::name).toList();
        int years = s.yearCount();
        int[] variable = new int[outputs.size()];
        int[] cell = new int[outputs.size()];
        for (int o = 0; o < outputs.size(); o++) {
            Output out = outputs.get(o);
            variable[o] = names.indexOf(out.variable());
            if (variable[o] < 0) {
                String near = NameCheck.closest(out.variable(), names);
                throw new IllegalArgumentException("scenario '" + s.name() + "' has no variable '" + out.variable() + "'"
                        + (near != null ? "; did you mean '" + near + "'?" : "")
                        + " (etw run " + s.name() + " writes every variable to its CSV)");
            }
            int region = s.regions().indexOf(out.region());
            if (region < 0)
                throw new IllegalArgumentException("scenario '" + s.name() + "' has no region '" + out.region()
                        + "'. Its regions: " + String.join(", ", s.regions()) + ".");
            if (out.year() < s.firstYear() || out.year() > s.lastYear())
                throw new IllegalArgumentException("scenario '" + s.name() + "' runs from " + s.firstYear() + " to "
                        + s.lastYear() + "; year " + out.year() + " is outside.");
            cell[o] = region * years + (out.year() - s.firstYear());
        }
        List<Factor> factors = new ArrayList<>();
        for (SampledRuns.Uncertain u : runs.parameters())
            factors.add(new Factor(u.key(), u.unit(), InverseCdf.of(u.distribution()), u.distribution().toString()));
        List<String> labels = outputs.stream().map(Output::label).toList();
        SobolAnalysis.Model model = (x, run) -> {
            double[][] values = runs.run(x, (int) Math.min(Integer.MAX_VALUE, run));
            double[] y = new double[variable.length];
            for (int o = 0; o < y.length; o++) y[o] = values[variable[o]][cell[o]];
            return y;
        };
        return SobolAnalysis.of(factors, labels, model).waiter(runs::await);
    }
}
