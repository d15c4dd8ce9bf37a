package etw.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.Units;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;
import etw.engine.internal.ModelPlan;
import etw.engine.internal.YearLoop;

/**
 * A scenario wired to a set of models: every name resolved, every unit converted, every parameter checked and
 * laid out per region and year, and the models put in a deterministic order. Immutable and thread-safe; one
 * wiring can be {@link #run() run} any number of times, concurrently.
 *
 * <pre>{@code
 * Wiring wiring = Wiring.wire(scenario, catalog.models());   // throws WiringException with a readable message
 * Result result = wiring.run();                              // throws RunException naming model, variable, year
 * }</pre>
 */
public final class Wiring {
    private final Scenario scenario;
    private final List<InstalledModel> order;
    private final List<ModelPlan> plans;
    private final List<Result.VariableInfo> stored;
    private final double[][] exogenousValues; // by stored variable index; null where a model writes it
    private final List<Aggregate> aggregates;
    private final List<Wire> wires;
    private final Map<String, String> parameterText;
    /** Result variable i is stored variable resultOrder[i], or aggregate resultOrder[i] - stored.size(). */
    private final int[] resultOrder;
    private final List<Result.VariableInfo> resultVariables;

    /** A variable no model writes that some model reads: the sum of its written descendants. */
    private record Aggregate(String name, String unit, int[] children, double[] factors) {
    }

    private Wiring(Scenario scenario, List<InstalledModel> order, List<ModelPlan> plans,
                   List<Result.VariableInfo> stored, double[][] exogenousValues, List<Aggregate> aggregates,
                   List<Wire> wires, Map<String, String> parameterText) {
        this.scenario = scenario;
        this.order = order;
        this.plans = plans;
        this.stored = stored;
        this.exogenousValues = exogenousValues;
        this.aggregates = aggregates;
        this.wires = wires;
        this.parameterText = parameterText;
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
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The models in the order they step each year. */
    public List<InstalledModel> order() {
        return order;
    }

    /** Every wire, lagged ones included, sorted by consumer, then variable. */
    public List<Wire> wires() {
        return wires;
    }

    /**
     * Wires a scenario to the installed models: those the scenario lists under {@code models}, or else all of them
     * but the opt-in ones whose parameters the scenario does not touch.
     *
     * @throws WiringException if a variable has two writers, an input has no source, units are incompatible,
     *                         models form a cycle without a lag, or a parameter setting is unknown or out of range
     */
    public static Wiring wire(Scenario scenario, Collection<InstalledModel> installed) throws WiringException {
        return new Wirer(scenario, installed).wire();
    }

    /**
     * Runs the scenario year by year in the calling thread. Fast, but a model whose step never returns blocks
     * the caller: for models you do not trust, use {@link #run(Duration)}.
     *
     * @throws RunException if a model throws, or leaves an output unset, NaN or infinite
     */
    public Result run() throws RunException {
        double[][] store = newStore();
        new YearLoop(scenario, plans, store, stored).run();
        return result(store);
    }

    /**
     * Runs the scenario in a worker thread and fails the run if one model's step takes longer than
     * {@code stepLimit}. The stuck worker is interrupted and abandoned (a daemon thread); the caller, the
     * framework and other runs carry on.
     *
     * @throws RunException if a model throws, misbehaves as for {@link #run()}, or overruns the limit
     */
    public Result run(Duration stepLimit) throws RunException {
        double[][] store = newStore();
        YearLoop loop = new YearLoop(scenario, plans, store, stored);
        RunException[] failure = new RunException[1];
        Thread worker = new Thread(() -> {
            try {
                loop.run();
            } catch (RunException e) {
                failure[0] = e;
            }
        }, "etw-run-" + scenario.name());
        worker.setDaemon(true);
        worker.start();
        long poll = Math.max(1, Math.min(50, stepLimit.toMillis() / 10));
        try {
            while (true) {
                worker.join(poll);
                if (!worker.isAlive()) break;
                RunException overdue = loop.overdue(stepLimit);
                if (overdue != null) {
                    worker.interrupt();
                    throw overdue;
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new RunException("", scenario.firstYear(), "the run of scenario '" + scenario.name() + "' was interrupted", e);
        }
        if (failure[0] != null) throw failure[0];
        return result(store);
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
        return new Result(scenario, resultVariables, resultValues(store), manifest());
    }

    /** The variables of every result of this wiring, sorted by name. */
    List<Result.VariableInfo> resultVariables() {
        return resultVariables;
    }

    /** Stored values plus computed aggregates, in {@link #resultVariables()} order. */
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
        return values;
    }

    /**
     * Runs once with some parameters replaced by constants, for ensembles; returns the values in
     * {@link #resultVariables()} order.
     *
     * @param overrides per model in {@link #order()} (null: none) and parameter index, the constant to use, or NaN
     *                  to keep the scenario's value
     * @param scales    the same layout: a factor for the scenario's values, or NaN to keep them
     * @param current   set to the run's year loop before it starts, so a watchdog can see a step that hangs
     */
    double[][] runWith(double[][] overrides, double[][] scales, AtomicReference<YearLoop> current) throws RunException {
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
        YearLoop loop = new YearLoop(scenario, changed, store, stored);
        current.set(loop);
        loop.run();
        return resultValues(store);
    }

    private RunManifest manifest() {
        Map<String, String> bundles = new TreeMap<>();
        Map<String, String> modelBundles = new LinkedHashMap<>();
        List<String> plugins = new ArrayList<>();
        for (InstalledModel m : order) {
            bundles.put(m.bundle(), m.bundleVersion());
            modelBundles.put(m.id(), m.bundle());
            if (m.plugin()) plugins.add(m.label());
        }
        return new RunManifest(java.util.UUID.randomUUID().toString(), scenario.name(), sha256(scenarioText(scenario)),
                scenario.files(), bundles, modelBundles, plugins, parameterText, scenario.seed(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), List.of());
    }

    private static String scenarioText(Scenario s) {
        return s.text().isEmpty() ? s.toString() : s.text();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Does the wiring, once; separate from {@link Wiring} so the latter holds only the result. */
    private static final class Wirer {
        private final Scenario scenario;
        private final List<InstalledModel> installed;
        private final List<InstalledModel> models;
        private final int regions;
        private final int years;
        private final ObjectIntHashMap<String> index = new ObjectIntHashMap<>();
        private final List<Result.VariableInfo> stored = new ArrayList<>();
        private final List<Wire> wires = new ArrayList<>();
        private final Map<String, Aggregate> aggregates = new TreeMap<>();
        private final Map<String, String> parameterText = new TreeMap<>();

        Wirer(Scenario scenario, Collection<InstalledModel> installed) {
            this.scenario = scenario;
            this.installed = installed.stream().sorted(Comparator.comparing(InstalledModel::id)).toList();
            this.models = this.installed.stream().filter(m -> scenario.models().isEmpty()
                    ? !m.model().descriptor().optIn() || scenario.parameters().containsKey(m.id())
                            || scenario.uncertainty().containsKey(m.id())
                    : scenario.models().contains(m.id())).toList();
            this.regions = scenario.regions().size();
            this.years = scenario.yearCount();
        }

        Wiring wire() throws WiringException {
            checkDistinctIds();
            checkSelection();
            checkSettings();
            collectOutputs();
            double[][] exogenous = collectExogenous();
            Map<String, List<Wire>> inputsByModel = new LinkedHashMap<>();
            for (InstalledModel m : models) inputsByModel.put(m.id(), resolveInputs(m));
            List<InstalledModel> order = order();

            List<ModelPlan> plans = new ArrayList<>();
            for (InstalledModel m : order) plans.add(plan(m, inputsByModel.get(m.id())));
            wires.sort(Comparator.comparing(Wire::consumer).thenComparing(Wire::readAs).thenComparing(Wire::variable));
            return new Wiring(scenario, order, plans, List.copyOf(stored), exogenous,
                    List.copyOf(aggregates.values()), List.copyOf(wires), Map.copyOf(parameterText));
        }

        private void checkDistinctIds() throws WiringException {
            for (int i = 1; i < models.size(); i++) {
                InstalledModel a = models.get(i - 1), b = models.get(i);
                if (a.id().equals(b.id()))
                    throw new WiringException("Two installed models have the id '" + a.id() + "' (bundles "
                            + a.bundle() + " and " + b.bundle() + "). Uninstall one of them.");
            }
        }

        private void checkSelection() throws WiringException {
            for (String id : scenario.models())
                if (installed.stream().noneMatch(m -> m.id().equals(id)))
                    throw new WiringException("the scenario lists model '" + id + "' under models:, but it is not installed. "
                            + "Installed models: " + installed.stream().map(InstalledModel::id).collect(Collectors.joining(", ")) + ".");
        }

        private void collectOutputs() throws WiringException {
            Map<String, String> writer = new TreeMap<>();
            for (InstalledModel m : models) {
                for (Output o : m.model().descriptor().outputs()) {
                    String previous = writer.putIfAbsent(o.variable(), m.id());
                    if (previous != null)
                        throw new WiringException("Variable '" + o.variable() + "' is written by two models: "
                                + previous + " and " + m.id() + ". A variable has one writer; uninstall one of "
                                + "them or have one write a child variable ('" + o.variable() + "|...') instead.");
                    checkUnit(o.unit(), "output '" + o.variable() + "' of model " + m.id());
                    add(new Result.VariableInfo(o.variable(), o.unit(), m.id()));
                }
            }
        }

        private double[][] collectExogenous() throws WiringException {
            List<double[]> values = new ArrayList<>(java.util.Collections.nCopies(stored.size(), (double[]) null));
            for (Scenario.ExogenousSeries x : new TreeMap<>(scenario.exogenous()).values()) {
                String where = where(x.values().origin());
                if (index.containsKey(x.variable()))
                    throw new WiringException(where + "the scenario supplies '" + x.variable() + "' as exogenous data, "
                            + "but model " + stored.get(index.get(x.variable())).producer() + " writes it. Remove it "
                            + "from the scenario's exogenous data.");
                checkUnit(x.unit(), where + "exogenous '" + x.variable() + "'");
                double[] v = new double[regions * years];
                for (int r = 0; r < regions; r++) {
                    String region = scenario.regions().get(r);
                    Trajectory t = x.values().forRegion(region);
                    if (t == null)
                        throw new WiringException(where + "exogenous '" + x.variable() + "' has no values for region "
                                + region + ". Give it values for " + region + " or for all regions ('*').");
                    for (int y = 0; y < years; y++) v[r * years + y] = t.valueAt(scenario.firstYear() + y);
                }
                add(new Result.VariableInfo(x.variable(), x.unit(), Wire.SCENARIO));
                values.add(v);
            }
            return values.toArray(new double[0][]);
        }

        private void add(Result.VariableInfo info) {
            index.put(info.name(), stored.size());
            stored.add(info);
        }

        private List<Wire> resolveInputs(InstalledModel m) throws WiringException {
            List<Wire> resolved = new ArrayList<>();
            for (Input in : m.model().descriptor().inputs()) {
                checkUnit(in.unit(), "input '" + in.variable() + "' of model " + m.id());
                List<String> sources = index.containsKey(in.variable())
                        ? List.of(in.variable()) : writtenDescendants(in.variable());
                if (sources.isEmpty()) throw missingInput(m, in);
                double[] factors = new double[sources.size()];
                int[] children = new int[sources.size()];
                for (int s = 0; s < sources.size(); s++) {
                    Result.VariableInfo source = stored.get(index.get(sources.get(s)));
                    children[s] = index.get(source.name());
                    factors[s] = convert(source, m, in);
                    Wire w = new Wire(source.producer(), m.id(), source.name(), in.variable(), in.lag(), factors[s]);
                    if (w.producer().equals(m.id()) && in.lag() == 0)
                        throw new WiringException("Model " + m.id() + " reads its own output '" + source.name()
                                + "' without a lag, a cycle of one model. Declare the input with lag 1 "
                                + "(laggedInput) to read last year's value.");
                    resolved.add(w);
                    wires.add(w);
                }
                if (sources.size() > 1 || !sources.get(0).equals(in.variable()))
                    aggregates.putIfAbsent(in.variable(), new Aggregate(in.variable(), in.unit(), children, factors));
            }
            return resolved;
        }

        private double convert(Result.VariableInfo source, InstalledModel consumer, Input in) throws WiringException {
            try {
                return Units.factor(source.unit(), in.unit());
            } catch (IllegalArgumentException e) {
                String producer = source.producer().equals(Wire.SCENARIO) ? "the scenario's exogenous data"
                        : "model " + source.producer();
                throw new WiringException("Unit mismatch on '" + source.name() + "': " + producer + " writes it in '"
                        + source.unit() + "' but model " + consumer.id() + " reads "
                        + (source.name().equals(in.variable()) ? "it" : "'" + in.variable() + "'")
                        + " in '" + in.unit() + "', and these do not convert. One of the two models declares the "
                        + "wrong unit or the wrong variable.");
            }
        }

        private static void checkUnit(String unit, String what) throws WiringException {
            try {
                Units.parse(unit);
            } catch (IllegalArgumentException e) {
                throw new WiringException("Unit of " + what + " is not understood: " + e.getMessage());
            }
        }

        /** Written variables below {@code name}, leaving out those below another written one. */
        private List<String> writtenDescendants(String name) {
            String prefix = name + "|";
            List<String> found = new ArrayList<>();
            for (Result.VariableInfo v : stored) {
                String candidate = v.name();
                if (!candidate.startsWith(prefix)) continue;
                boolean covered = false;
                for (int bar = candidate.indexOf('|', prefix.length()); bar >= 0; bar = candidate.indexOf('|', bar + 1))
                    covered |= index.containsKey(candidate.substring(0, bar));
                if (!covered) found.add(candidate);
            }
            found.sort(null);
            return found;
        }

        private WiringException missingInput(InstalledModel m, Input in) {
            String what = "Model " + m.id() + " (bundle " + m.bundle() + ") reads '" + in.variable() + "' [" + in.unit()
                    + "], but no model in the scenario writes it or anything below it, and the scenario does not supply it. ";
            List<String> candidates = installed.stream().filter(x -> !models.contains(x))
                    .filter(x -> x.model().descriptor().outputs().stream().anyMatch(o -> o.variable().equals(in.variable())
                            || o.variable().startsWith(in.variable() + "|")))
                    .map(x -> x.id() + " (bundle " + x.bundle() + " " + x.bundleVersion() + ")").toList();
            if (!candidates.isEmpty())
                return new WiringException(what + "Installed models that could provide it: " + String.join(", ", candidates)
                        + ". Add them to the scenario's 'models:' list, or supply the variable under 'exogenous:'.");
            return new WiringException(what + "No installed bundle provides it: install a bundle whose model writes '"
                    + in.variable() + "', or supply it under 'exogenous:' in the scenario.");
        }

        private List<InstalledModel> order() throws WiringException {
            Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
            models.forEach(m -> g.addVertex(m.id()));
            Map<String, String> edgeVariable = new TreeMap<>();
            for (Wire w : wires) {
                if (w.lag() > 0 || w.producer().equals(Wire.SCENARIO) || w.producer().equals(w.consumer())) continue;
                g.addEdge(w.producer(), w.consumer());
                edgeVariable.putIfAbsent(w.producer() + "\n" + w.consumer(), w.variable());
            }
            if (new CycleDetector<>(g).detectCycles()) {
                List<String> cycle = new JohnsonSimpleCycles<>(g).findSimpleCycles().stream()
                        .min(Comparator.<List<String>>comparingInt(List::size).thenComparing(List::toString))
                        .orElseThrow();
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < cycle.size(); i++) {
                    String from = cycle.get(i), to = cycle.get((i + 1) % cycle.size());
                    text.append("\n  ").append(from).append(" writes '").append(edgeVariable.get(from + "\n" + to))
                            .append("', read by ").append(to);
                }
                throw new WiringException("Models depend on each other in a cycle with no lag:" + text
                        + "\nA feedback loop must go through a lag: declare one of these inputs with lag 1.");
            }
            Map<String, InstalledModel> byId = new TreeMap<>();
            models.forEach(m -> byId.put(m.id(), m));
            List<InstalledModel> order = new ArrayList<>();
            new TopologicalOrderIterator<>(g, Comparator.<String>naturalOrder()).forEachRemaining(id -> order.add(byId.get(id)));
            return List.copyOf(order);
        }

        private ModelPlan plan(InstalledModel m, List<Wire> inputWires) throws WiringException {
            ModelDescriptor d = m.model().descriptor();
            int n = d.inputs().size();
            int[][] sources = new int[n][];
            double[][] factors = new double[n][];
            int[] lags = new int[n];
            double[] initials = new double[n];
            for (Input in : d.inputs()) {
                List<Wire> ws = inputWires.stream().filter(w -> w.readAs().equals(in.variable()) && w.lag() == in.lag()).toList();
                sources[in.index()] = ws.stream().mapToInt(w -> index.get(w.variable())).toArray();
                factors[in.index()] = ws.stream().mapToDouble(Wire::factor).toArray();
                lags[in.index()] = in.lag();
                initials[in.index()] = in.initialValue();
            }
            int[] outputs = d.outputs().stream().mapToInt(o -> index.get(o.variable())).toArray();
            return new ModelPlan(m, sources, factors, lags, initials, outputs, parameters(m));
        }

        private double[][] parameters(InstalledModel m) throws WiringException {
            ModelDescriptor d = m.model().descriptor();
            Map<String, RegionalSeries> settings = scenario.parameters().getOrDefault(m.id(), Map.of());
            double[][] values = new double[d.parameters().size()][];
            for (Parameter p : d.parameters()) {
                RegionalSeries set = settings.get(p.name());
                double[] v = new double[regions * years];
                for (int r = 0; r < regions; r++) {
                    String region = scenario.regions().get(r);
                    Trajectory t = set == null ? Trajectory.constant(p.defaultValue()) : set.forRegion(region);
                    if (t == null)
                        throw new WiringException(where(set.origin()) + "parameter '" + p.name() + "' of model "
                                + m.id() + " has no value for region " + region + ". Give one for " + region
                                + " or for all regions ('*').");
                    if (!p.allows(t.min()) || !p.allows(t.max()))
                        throw new WiringException(where(set.origin()) + "parameter '" + p.name() + "' of model "
                                + m.id() + " is " + t + " for " + region + ", outside its allowed range ["
                                + p.min() + ", " + p.max() + "] " + p.unit() + ".");
                    for (int y = 0; y < years; y++) v[r * years + y] = t.valueAt(scenario.firstYear() + y);
                }
                values[p.index()] = v;
                parameterText.put(m.id() + "/" + p.name(), set == null ? Double.toString(p.defaultValue())
                        : set.byRegion().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
            }
            return values;
        }

        /** Every parameter the scenario sets must belong to an installed model that declares it. */
        private void checkSettings() throws WiringException {
            Map<String, ModelDescriptor> byId = new TreeMap<>();
            models.forEach(m -> byId.put(m.id(), m.model().descriptor()));
            for (Map.Entry<String, Map<String, RegionalSeries>> e : new TreeMap<>(scenario.parameters()).entrySet()) {
                ModelDescriptor d = byId.get(e.getKey());
                if (d == null)
                    throw new WiringException(where(firstOrigin(e.getValue())) + "the scenario sets parameters of model '"
                            + e.getKey() + "', which is not " + (installed.stream().anyMatch(m -> m.id().equals(e.getKey()))
                            ? "among the scenario's models" : "installed") + ". Models in the scenario: "
                            + String.join(", ", byId.keySet()) + ".");
                for (Map.Entry<String, RegionalSeries> p : new TreeMap<>(e.getValue()).entrySet())
                    if (d.parameter(p.getKey()) == null)
                        throw new WiringException(where(p.getValue().origin()) + "model " + d.id() + " has no parameter '"
                                + p.getKey() + "'. Its parameters: " + d.parameters().stream().map(Parameter::name)
                                .collect(Collectors.joining(", ")) + ".");
            }
        }

        private static String firstOrigin(Map<String, RegionalSeries> values) {
            return values.values().stream().map(RegionalSeries::origin).filter(o -> !o.isEmpty()).findFirst().orElse("");
        }

        private static String where(String origin) {
            return origin.isEmpty() ? "" : origin + ": ";
        }
    }
}
