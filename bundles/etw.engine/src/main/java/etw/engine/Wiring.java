package etw.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;

import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.internal.ModelPlan;
import etw.engine.internal.RegionSum;
import etw.engine.internal.YearLoop;

/**
 * A scenario wired to a set of models: every name resolved, every unit converted, every parameter checked and
 * laid out per region and year, and the models put in a deterministic order. Immutable and thread-safe; one
 * wiring can be {@link #run() run} any number of times, concurrently.
 *
 * <pre>{@code
 * Wiring wiring = Wiring.wire(scenario, catalog.models());   // throws WiringException with a readable message
 * wiring.warnings().forEach(System.err::println);            // plugins left out, unread data, likely typos
 * Result result = wiring.run(Duration.ofSeconds(10));        // throws RunException naming model, variable, year
 * }</pre>
 */
public final class Wiring {
    /** At most this many values (variables x regions x years) in one run's store: about 400 MB of doubles. */
    public static final long MAX_CELLS = 50_000_000L;

    private final Scenario scenario;
    private final List<InstalledModel> order;
    private final List<ModelPlan> plans;
    private final List<Result.VariableInfo> stored;
    private final double[][] exogenousValues; // by stored variable index; null where a model writes it
    private final List<Aggregate> aggregates;
    private final List<Wire> wires;
    private final Map<String, String> parameterText;
    private final List<String> warnings;
    /** Result variable i is stored variable resultOrder[i], or aggregate resultOrder[i] - stored.size(). */
    private final int[] resultOrder;
    private final List<Result.VariableInfo> resultVariables;
    /** World as the sum of the other regions, or null when World is not run with other regions. */
    private final RegionSum regionSum;
    /** The scenario indices of the regions the models step: all but World when {@link #regionSum} is not null. */
    private final int[] steppedRegions;
    /** SHA-256 of the scenario's canonical text, made on the first run (the scenario is immutable). */
    private volatile String scenarioHash;

    /** A variable no model writes that some model reads: the sum of its written descendants. */
    record Aggregate(String name, String unit, int[] children, double[] factors) {
    }

    Wiring(Scenario scenario, List<InstalledModel> order, List<ModelPlan> plans, List<Result.VariableInfo> stored,
           double[][] exogenousValues, List<Aggregate> aggregates, List<Wire> wires, Map<String, String> parameterText,
           List<String> warnings) {
        this.scenario = scenario;
        this.order = order;
        this.plans = plans;
        this.stored = stored;
        this.exogenousValues = exogenousValues;
        this.aggregates = aggregates;
        this.wires = wires;
        this.parameterText = parameterText;
        this.warnings = List.copyOf(warnings);
        List<Result.VariableInfo> all = new ArrayList<>(stored);
        aggregates.forEach(a -> all.add(new Result.VariableInfo(a.name, a.unit, "aggregate")));
        this.resultOrder = new int[all.size()];
        Integer[] byName = new Integer[all.size()];
        for (int i = 0; i < byName.length; i++) byName[i] = i;
        Arrays.sort(byName, Comparator.comparing(i -> all.get(i).name()));
        List<Result.VariableInfo> sorted = new ArrayList<>();
        for (int i = 0; i < byName.length; i++) {
            resultOrder[i] = byName[i];
            sorted.add(all.get(byName[i]));
        }
        this.resultVariables = List.copyOf(sorted);
        this.regionSum = RegionSum.plan(scenario.regions(), resultVariables, scenario.yearCount());
        this.steppedRegions = RegionSum.steppedRegions(scenario.regions());
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The models in the order they step each year. */
    public List<InstalledModel> order() {
        return order;
    }

    /** The models of the order that come from plugins. */
    public List<InstalledModel> plugins() {
        return order.stream().filter(InstalledModel::plugin).toList();
    }

    /** Every wire, lagged ones included, sorted by consumer, then variable. */
    public List<Wire> wires() {
        return wires;
    }

    /**
     * What the user should know about this wiring, one line each: plugins that joined by default but were left out
     * (and why), exogenous data no model reads, outputs whose names look like typos. Also in every run's manifest.
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Wires a scenario to the installed models (see the {@code etw.api} package for who takes part).
     *
     * @throws WiringException if a variable has two writers, an input has no source, units are incompatible,
     *                         models form a cycle without a lag, a parameter or distribution names something
     *                         unknown or lies out of range, or the scenario is too large
     */
    public static Wiring wire(Scenario scenario, Collection<InstalledModel> installed) throws WiringException {
        return new Wirer(scenario, installed).wire();
    }

    /**
     * Runs the scenario year by year in the calling thread, with up to {@link #threads()} threads helping: regions
     * are independent (a step depends only on its region's inputs, see {@code etw.api}), so each thread steps a
     * group of them. The result is the same bit for bit with any number of threads. Fast, but a model whose step
     * never returns blocks the caller: for models you do not trust, use {@link #run(Duration)}.
     *
     * @throws RunException if a model throws (any {@link Throwable}), or leaves an output unset, NaN or infinite
     */
    public Result run() throws RunException {
        return run(threads());
    }

    /** {@link #run()} with the stepped regions split into at most {@code threads} groups, one thread each. */
    public Result run(int threads) throws RunException {
        double[][] store = newStore();
        int[][] groups = regionGroups(steppedRegions, threads);
        List<FutureTask<Void>> helpers = new ArrayList<>();
        for (int g = 1; g < groups.length; g++) {
            YearLoop loop = new YearLoop(scenario, plans, store, stored, groups[g]);
            FutureTask<Void> task = new FutureTask<>(() -> {
                loop.run();
                return null;
            });
            helpers.add(task);
            Thread t = new Thread(task, "etw-run-" + scenario.name() + "-" + g);
            t.setDaemon(true);
            t.start();
        }
        RunException failure = null;
        try {
            new YearLoop(scenario, plans, store, stored, groups[0]).run();
        } catch (RunException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (FutureTask<Void> task : helpers) {
            while (true) {
                try {
                    task.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers finish promptly; the caller's interrupt is restored after
                } catch (java.util.concurrent.ExecutionException e) {
                    failure = earlier(failure, e.getCause());
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure != null) throw failure;
        return result(store);
    }

    /**
     * Runs the scenario in worker threads under the {@link StepWatchdog}: a model step that takes longer than
     * {@code stepLimit} fails the run, and its model is quarantined. The caller, the framework and other runs
     * carry on. Regions are stepped in groups by up to {@link #threads()} workers, as in {@link #run()}.
     *
     * @throws RunException if a model throws, misbehaves as for {@link #run()}, or overruns the limit
     */
    public Result run(Duration stepLimit) throws RunException {
        return run(stepLimit, threads());
    }

    /** {@link #run(Duration)} with at most {@code threads} workers. */
    public Result run(Duration stepLimit, int threads) throws RunException {
        StepWatchdog watchdog = new StepWatchdog(stepLimit);
        double[][] store = newStore();
        int[][] groups = regionGroups(steppedRegions, threads);
        List<FutureTask<Void>> tasks = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int g = 0; g < groups.length; g++) {
            StepWatchdog.Watch watch = watchdog.watch();
            int[] regions = groups[g];
            FutureTask<Void> task = new FutureTask<>(() -> {
                YearLoop loop = new YearLoop(scenario, plans, store, stored, regions);
                watch.running(loop, -1);
                loop.run();
                return null;
            });
            Thread worker = new Thread(task, "etw-run-" + scenario.name() + (groups.length > 1 ? "-" + g : ""));
            worker.setDaemon(true);
            tasks.add(task);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        RunException failure = null;
        try {
            for (FutureTask<Void> task : tasks) {
                try {
                    watchdog.await(task);
                } catch (RunException e) {
                    failure = earlier(failure, e);
                }
            }
        } catch (StepWatchdog.Overran e) {
            throw e.overdue.failure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.forEach(Thread::interrupt);
            throw new RunException("", scenario.firstYear(), "the run of scenario '" + scenario.name() + "' was interrupted", e);
        }
        if (failure != null) throw failure;
        return result(store);
    }

    /**
     * Threads one run uses by default: the machine's processors, or the system property {@code etw.run.threads}.
     * Ensembles run one sample per thread instead.
     */
    public static int threads() {
        return Math.max(1, Integer.getInteger("etw.run.threads", java.lang.Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The stepped regions split into at most {@code threads} groups of neighbours in scenario order, as even as
     * possible (six regions on two threads: three and three).
     */
    static int[][] regionGroups(int[] stepped, int threads) {
        int n = Math.max(1, Math.min(threads, stepped.length));
        int[][] groups = new int[n][];
        int from = 0;
        for (int g = 0; g < n; g++) {
            int to = from + (stepped.length - from + n - g - 1) / (n - g);
            groups[g] = Arrays.copyOfRange(stepped, from, to);
            from = to;
        }
        return groups;
    }

    /**
     * Of two failures of one run's region groups, the one a run stepping every region in one thread would have met
     * first: the earlier year, then the earlier group.
     */
    private static RunException earlier(RunException first, Throwable next) {
        RunException e = next instanceof RunException r ? r : null;
        if (e == null) {
            if (next instanceof Error err) throw err;
            throw new IllegalStateException("a run worker failed: " + next, next);
        }
        return first == null || e.year() < first.year() ? e : first;
    }

    /** A parameter's values as wired, {@code [region * years + yearIndex]}; do not modify. */
    double[] parameterValues(int model, int parameter) {
        return plans.get(model).parameters()[parameter];
    }

    private double[][] newStore() {
        int cells = scenario.regions().size() * scenario.yearCount();
        double[][] store = new double[stored.size()][];
        for (int v = 0; v < store.length; v++) {
            if (exogenousValues[v] != null) {
                store[v] = exogenousValues[v].clone();
            } else {
                store[v] = new double[cells];
                Arrays.fill(store[v], Double.NaN);
            }
        }
        return store;
    }

    private Result result(double[][] store) {
        double[][] values = resultValues(store);
        for (int v = 0; v < values.length; v++)
            for (double x : values[v])
                if (!Double.isFinite(x))
                    throw new IllegalStateException("variable " + resultVariables.get(v).name() + " holds " + x
                            + " after a run that reported no failure; this is a bug of the engine");
        List<String> runWarnings = shortfalls(values);
        runWarnings.addAll(Plausibility.check(order, resultVariables, values, scenario.regions(), scenario.firstYear(),
                scenario.yearCount()));
        return new Result(scenario, resultVariables, values, RunManifests.of(this, runWarnings));
    }

    /**
     * One warning per shortfall variable (by convention a name ending in {@code |Unmet Demand}) that is positive
     * somewhere, naming its largest value, region and year: a run that cannot supply its demand says so.
     */
    private List<String> shortfalls(double[][] values) {
        List<String> lines = new ArrayList<>();
        int years = scenario.yearCount();
        for (int v = 0; v < values.length; v++) {
            Result.VariableInfo info = resultVariables.get(v);
            if (!info.name().endsWith("|Unmet Demand")) continue;
            int worst = 0;
            for (int c = 1; c < values[v].length; c++) if (values[v][c] > values[v][worst]) worst = c;
            if (values[v][worst] <= 1e-6) continue;
            lines.add(String.format(java.util.Locale.ROOT, "demand is not met: %s reaches %,.0f %s in %s in %d; "
                    + "the supply in this scenario cannot cover every hour (etw show prints it by year)",
                    info.name(), values[v][worst], info.unit(), scenario.regions().get(worst / years),
                    scenario.firstYear() + worst % years));
        }
        return lines;
    }

    /** SHA-256 of the scenario's canonical form ({@link RunManifests#scenarioHash}), computed once per wiring. */
    String scenarioHash() {
        String h = scenarioHash;
        if (h == null) scenarioHash = h = RunManifests.scenarioHash(scenario);
        return h;
    }

    Map<String, String> parameterText() {
        return parameterText;
    }

    /** The variables of every result of this wiring, sorted by name. */
    List<Result.VariableInfo> resultVariables() {
        return resultVariables;
    }

    /**
     * Stored values plus computed aggregates, in {@link #resultVariables()} order; when World runs with other
     * regions, World's row is then their sum (extensive variables) or their weighted mean (intensive ones), see
     * {@link RegionSum}.
     */
    double[][] resultValues(double[][] store) {
        int cells = scenario.regions().size() * scenario.yearCount();
        double[][] values = new double[resultOrder.length][];
        for (int i = 0; i < resultOrder.length; i++) {
            int k = resultOrder[i];
            if (k < store.length) {
                values[i] = store[k];
                continue;
            }
            Aggregate a = aggregates.get(k - store.length);
            double[] sum = new double[cells];
            for (int c = 0; c < a.children.length; c++) {
                double[] child = store[a.children[c]];
                for (int j = 0; j < cells; j++) sum[j] += child[j] * a.factors[c];
            }
            values[i] = sum;
        }
        if (regionSum != null) regionSum.apply(values);
        return values;
    }

    /**
     * Runs once with some parameters replaced by constants, for ensembles; returns the values in
     * {@link #resultVariables()} order.
     *
     * @param overrides per model in {@link #order()} (null: none) and parameter index, the constant to use, or NaN
     *                  to keep the scenario's value
     * @param scales    the same layout: a factor for the scenario's values, or NaN to keep them
     * @param watch     told about the run's year loop before it starts, so the watchdog can see a step that hangs
     */
    double[][] runWith(double[][] overrides, double[][] scales, StepWatchdog.Watch watch, int sample) throws RunException {
        List<ModelPlan> changed = new ArrayList<>(plans.size());
        int cells = scenario.regions().size() * scenario.yearCount();
        for (int m = 0; m < plans.size(); m++) {
            ModelPlan p = plans.get(m);
            if (overrides[m] == null && scales[m] == null) {
                changed.add(p);
                continue;
            }
            double[][] params = p.parameters().clone();
            for (int i = 0; i < params.length; i++) {
                if (overrides[m] != null && !Double.isNaN(overrides[m][i])) {
                    params[i] = new double[cells];
                    Arrays.fill(params[i], overrides[m][i]);
                } else if (scales[m] != null && !Double.isNaN(scales[m][i])) {
                    params[i] = params[i].clone();
                    for (int c = 0; c < cells; c++) params[i][c] *= scales[m][i];
                }
            }
            changed.add(new ModelPlan(p.model(), p.sources(), p.factors(), p.lags(), p.initials(), p.outputs(), params));
        }
        double[][] store = newStore();
        YearLoop loop = new YearLoop(scenario, changed, store, stored, steppedRegions);
        watch.running(loop, sample);
        loop.run();
        return resultValues(store);
    }
}
