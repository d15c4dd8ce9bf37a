package etw.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;

import etw.api.Parameter;
import etw.api.scenario.Distribution;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;

/**
 * Runs of a wired scenario with its uncertain parameters (its {@code uncertainty:} section) set to values the
 * caller chooses, for methods that pick the points themselves (a Sobol sensitivity analysis, say) rather than
 * draw them at random as {@link Ensemble} does. The parameters are the ones {@link Ensemble} draws, in the same
 * order (model id, then parameter name) and with the same checks; a value replaces the parameter in every region
 * and year, or, for a {@code scale} distribution, multiplies the scenario's values.
 *
 * <p>Thread-safe: {@link #run(double[], int)} may be called from many threads at once. Each calling thread is
 * watched; {@link #await(Future)} waits for a worker and fails as soon as any watched model step runs longer than
 * the step limit (default 10 s), quarantining that model as a guarded run does.
 *
 * <pre>{@code
 * SampledRuns runs = SampledRuns.of(Wiring.wire(scenario, models));
 * double[][] values = runs.run(new double[] {0.5, 2.6, ...}, 0);   // by variable, then region * years + year
 * }</pre>
 *
 * @since 1.1
 */
public final class SampledRuns {
    /** One uncertain parameter: its model, name, unit and distribution. */
    public record Uncertain(String model, String parameter, String unit, Distribution distribution) {
        /** {@code model/parameter}, as the command line and scenarios name it. */
        public String key() {
            return model + "/" + parameter;
        }
    }

    private record Slot(int model, int parameter) {
    }

    private final Wiring wiring;
    private final List<Uncertain> uncertain;
    private final List<Slot> slots;
    private final StepWatchdog watchdog;
    private final ThreadLocal<StepWatchdog.Watch> watches;

    private SampledRuns(Wiring wiring, List<Uncertain> uncertain, List<Slot> slots, Duration stepLimit) {
        this.wiring = wiring;
        this.uncertain = uncertain;
        this.slots = slots;
        this.watchdog = new StepWatchdog(stepLimit);
        this.watches = ThreadLocal.withInitial(watchdog::watch);
    }

    /**
     * Prepares runs of a wired scenario with a step limit of 10 s.
     *
     * @throws WiringException as {@link Ensemble#of(Wiring)} does: no uncertainty, an unknown model or parameter, or
     *                         a distribution reaching outside the parameter's allowed range
     */
    public static SampledRuns of(Wiring wiring) throws WiringException {
        return of(wiring, Duration.ofSeconds(10));
    }

    /** As {@link #of(Wiring)}, with a model step that runs longer than {@code stepLimit} failing the run. */
    public static SampledRuns of(Wiring wiring, Duration stepLimit) throws WiringException {
        Ensemble.of(wiring); // the same checks, with the same messages
        Scenario s = wiring.scenario();
        List<InstalledModel> order = wiring.order();
        List<Uncertain> list = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (Map.Entry<String, Map<String, Distribution>> e : new TreeMap<>(s.uncertainty()).entrySet()) {
            int m = 0;
            while (!order.get(m).id().equals(e.getKey())) m++;
            for (Map.Entry<String, Distribution> pd : new TreeMap<>(e.getValue()).entrySet()) {
                Parameter p = order.get(m).model().descriptor().parameter(pd.getKey());
                list.add(new Uncertain(e.getKey(), p.name(), pd.getValue().scale() ? "factor" : p.unit(), pd.getValue()));
                slots.add(new Slot(m, p.index()));
            }
        }
        return new SampledRuns(wiring, List.copyOf(list), List.copyOf(slots), stepLimit);
    }

    public Wiring wiring() {
        return wiring;
    }

    /** The uncertain parameters, in the order {@link #run} takes their values. */
    public List<Uncertain> parameters() {
        return uncertain;
    }

    /** The variables of every run, in the order {@link #run} returns them. */
    public List<Result.VariableInfo> variables() {
        return wiring.resultVariables();
    }

    /**
     * Runs once with the uncertain parameters set to {@code values} (one per {@link #parameters() parameter}).
     *
     * @param sample a number naming this run in messages
     * @return values by variable (in {@link #variables()} order), then {@code region * years + (year - firstYear)}
     * @throws RunException if a model fails; the message names the sample and the values
     */
    public double[][] run(double[] values, int sample) throws RunException {
        if (values.length != uncertain.size())
            throw new IllegalArgumentException("expected " + uncertain.size() + " values, one per uncertain parameter, got "
                    + values.length);
        int models = wiring.order().size();
        double[][] overrides = new double[models][];
        double[][] scales = new double[models][];
        for (int k = 0; k < values.length; k++) {
            Slot slot = slots.get(k);
            double[][] target = uncertain.get(k).distribution().scale() ? scales : overrides;
            if (target[slot.model] == null) {
                target[slot.model] = new double[wiring.order().get(slot.model).model().descriptor().parameters().size()];
                Arrays.fill(target[slot.model], Double.NaN);
            }
            target[slot.model][slot.parameter] = values[k];
        }
        try {
            return wiring.runWith(overrides, scales, watches.get(), sample);
        } catch (RunException e) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < values.length; k++)
                text.append(k == 0 ? "" : ", ").append(uncertain.get(k).key())
                        .append(uncertain.get(k).distribution().scale() ? " x " : "=").append(values[k]);
            throw new RunException(e.modelId(), e.year(), "run " + sample + " (" + text + ") failed: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for a worker that calls {@link #run}, failing as soon as a model step of any worker overruns the step
     * limit.
     *
     * @throws RunException         if the worker's run failed, or a step overran
     * @throws InterruptedException if the caller was interrupted
     */
    public <T> T await(Future<T> future) throws RunException, InterruptedException {
        try {
            return watchdog.await(future);
        } catch (StepWatchdog.Overran e) {
            throw e.overdue.failure();
        }
    }
}
