package etw.engine.internal;

import java.time.Duration;
import java.util.List;

import etw.api.Model;
import etw.api.Output;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.RunException;

/** Steps every model once per year, in wiring order, and checks what each wrote. */
public final class YearLoop {
    private final Scenario scenario;
    private final Model[] models;
    private final Binding[] bindings;
    private final List<Result.VariableInfo> variables;
    private final List<ModelPlan> plans;
    /** The model stepping now (-1 between steps) and since when; read by the watchdog of a guarded run. */
    private volatile int stepping = -1;
    private volatile int steppingYear;
    private volatile long stepStarted;

    public YearLoop(Scenario scenario, List<ModelPlan> plans, double[][] store, List<Result.VariableInfo> variables) {
        this.scenario = scenario;
        this.plans = plans;
        this.variables = variables;
        this.models = new Model[plans.size()];
        this.bindings = new Binding[plans.size()];
        for (int m = 0; m < models.length; m++) {
            models[m] = plans.get(m).model().model();
            bindings[m] = new Binding(plans.get(m), store, scenario.regions(), scenario.firstYear(), scenario.yearCount());
        }
    }

    public void run() throws RunException {
        int years = scenario.yearCount();
        int regions = scenario.regions().size();
        for (int y = 0; y < years; y++) {
            for (int m = 0; m < models.length; m++) {
                Binding b = bindings[m];
                b.yearIndex(y);
                steppingYear = y;
                stepStarted = System.nanoTime();
                stepping = m;
                try {
                    models[m].step(b);
                } catch (RuntimeException | LinkageError | StackOverflowError e) {
                    throw failure(m, y, "threw " + e, e);
                } finally {
                    stepping = -1;
                }
                int[] outs = plans.get(m).outputs();
                for (int o = 0; o < outs.length; o++)
                    for (int r = 0; r < regions; r++) {
                        double v = b.output(o, r);
                        if (!Double.isFinite(v)) throw failure(m, y, (Double.isNaN(v) ? "left '" : "wrote " + v + " to '")
                                + variables.get(outs[o]).name() + "'" + (Double.isNaN(v) ? " unset or NaN" : "")
                                + " for " + scenario.regions().get(r), null);
                    }
            }
        }
    }

    /** A failure naming the model whose current step has run longer than {@code limit}, or null. */
    public RunException overdue(Duration limit) {
        int m = stepping;
        int y = steppingYear;
        if (m < 0 || System.nanoTime() - stepStarted <= limit.toNanos()) return null;
        return failure(m, y, "did not return from its step within " + limit.toMillis() + " ms", null);
    }

    private RunException failure(int m, int y, String what, Throwable cause) {
        var im = plans.get(m).model();
        int year = scenario.firstYear() + y;
        return new RunException(im.id(), year, "Model " + im.id() + " (bundle " + im.bundle() + " " + im.bundleVersion()
                + ") " + what + " in year " + year + ". The run of scenario '" + scenario.name() + "' stopped; "
                + "report this to the model's author.", cause);
    }
}
