package etw.engine.internal;

import java.util.List;

import etw.api.Model;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.InstalledModel;
import etw.engine.RunException;

/**
 * Steps every model once per year, in wiring order, and checks what each wrote. Models step the regions given
 * (see {@link RegionSum#steppedRegions}): when World is the sum of the others, World's row is left to
 * {@link RegionSum#apply} and not computed.
 */
public final class YearLoop {
    private final Scenario scenario;
    private final Model[] models;
    private final Binding[] bindings;
    private final List<Result.VariableInfo> variables;
    private final List<ModelPlan> plans;
    /** The step running now, or null between steps; read by the watchdog of a guarded run. */
    private volatile Stepping stepping;

    /** A step in progress: which model, which year, since when ({@link System#nanoTime()}). */
    public record Stepping(InstalledModel model, int year, long startedNanos) {
    }

    public YearLoop(Scenario scenario, List<ModelPlan> plans, double[][] store, List<Result.VariableInfo> variables,
                    int[] steppedRegions) {
        this.scenario = scenario;
        this.plans = plans;
        this.variables = variables;
        this.models = new Model[plans.size()];
        this.bindings = new Binding[plans.size()];
        for (int m = 0; m < models.length; m++) {
            models[m] = plans.get(m).model().model();
            bindings[m] = new Binding(plans.get(m), store, scenario.regions(), steppedRegions, scenario.firstYear(),
                    scenario.yearCount());
        }
    }

    public void run() throws RunException {
        int years = scenario.yearCount();
        int regions = bindings.length == 0 ? 0 : bindings[0].regionCount();
        for (int y = 0; y < years; y++) {
            for (int m = 0; m < models.length; m++) {
                Binding b = bindings[m];
                b.yearIndex(y);
                stepping = new Stepping(plans.get(m).model(), scenario.firstYear() + y, System.nanoTime());
                try {
                    models[m].step(b);
                } catch (Throwable e) { // an Error too (AssertionError, OutOfMemoryError): a failed step fails the run
                    throw failure(m, y, "threw " + e, e);
                } finally {
                    stepping = null;
                }
                int[] outs = plans.get(m).outputs();
                for (int o = 0; o < outs.length; o++)
                    for (int r = 0; r < regions; r++) {
                        double v = b.output(o, r);
                        if (!Double.isFinite(v)) throw failure(m, y, (Double.isNaN(v) ? "left '" : "wrote " + v + " to '")
                                + variables.get(outs[o]).name() + "'" + (Double.isNaN(v) ? " unset or NaN" : "")
                                + " for " + b.regionName(r), null);
                    }
            }
        }
    }

    /** The step running now, or null. */
    public Stepping stepping() {
        return stepping;
    }

    /** A failure of the given step, naming its model, bundle and year. */
    public RunException failure(Stepping s, String what) {
        return failure(s.model(), s.year(), what, null);
    }

    private RunException failure(int m, int y, String what, Throwable cause) {
        return failure(plans.get(m).model(), scenario.firstYear() + y, what, cause);
    }

    private RunException failure(InstalledModel im, int year, String what, Throwable cause) {
        return new RunException(im.id(), year, "Model " + im.label() + " " + what + " in year " + year
                + ". The run of scenario '" + scenario.name() + "' stopped; report this to the model's author.", cause);
    }
}
