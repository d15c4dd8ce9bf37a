package etw.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;
import etw.engine.internal.ModelPlan;
import etw.engine.internal.RegionSum;

/**
 * Does the wiring of one scenario, once: chooses the models that take part, leaves out plugins that joined by
 * default but cannot be wired, and builds the {@link Wiring}.
 */
final class Wirer {
    private final Scenario scenario;
    private final List<InstalledModel> installed;
    private final int regions;
    private final int years;
    private final List<String> warnings = new ArrayList<>();

    Wirer(Scenario scenario, Collection<InstalledModel> installed) {
        this.scenario = scenario;
        this.installed = installed.stream().sorted(Comparator.comparing(InstalledModel::id)).toList();
        this.regions = scenario.regions().size();
        this.years = scenario.yearCount();
    }

    Wiring wire() throws WiringException {
        checkDistinctIds();
        checkSize();
        Set<String> named = named();
        checkNamedInstalled(named);
        noteUnusedWorldValues();
        List<InstalledModel> models = new ArrayList<>();
        Set<String> byDefault = new HashSet<>();
        for (InstalledModel m : installed) {
            boolean isNamed = named.contains(m.id());
            boolean joinsByDefault = scenario.models().isEmpty() && !m.model().descriptor().optIn()
                    && (!m.plugin() || m.model().descriptor().joinsByDefault());
            if (!isNamed && !joinsByDefault) continue;
            if (Quarantine.contains(m.model())) {
                String why = "model " + m.label() + " is quarantined: one of its steps did not return within the time "
                        + "limit in an earlier run. Reload its bundle (or restart) to use it again.";
                if (isNamed) throw new WiringException("The scenario names " + why, List.of(m.id()));
                warnings.add("left out: " + why);
                continue;
            }
            models.add(m);
            if (!isNamed && m.plugin()) byDefault.add(m.id());
        }
        while (true) {
            try {
                return new Attempt(models).wire();
            } catch (WiringException e) {
                String culprit = e.models().stream().filter(byDefault::contains).sorted().findFirst().orElse(null);
                if (culprit == null) throw e;
                InstalledModel m = models.stream().filter(x -> x.id().equals(culprit)).findFirst().orElseThrow();
                models.remove(m);
                byDefault.remove(culprit);
                warnings.add("left out: plugin model " + m.label() + " joined by default but cannot be wired into '"
                        + scenario.name() + "': " + e.getMessage());
            }
        }
    }

    /** Models the scenario names: under models: or with:, or by setting or varying their parameters. */
    private Set<String> named() {
        Set<String> named = new LinkedHashSet<>(scenario.models());
        named.addAll(scenario.with());
        named.addAll(scenario.parameters().keySet());
        named.addAll(scenario.uncertainty().keySet());
        return named;
    }

    /**
     * When World runs with other regions it is their sum ({@link RegionSum}) and the models do not step it, so a value
     * a scenario gives World itself changes nothing. A scenario text the user wrote (a variant file, a text sent to
     * the workbench) is told so once. Not told: canned scenarios, which carry World values on purpose (for variants
     * that run World alone; their comments say so), and the workbench's changes ({@code overrides}), whose key levers
     * move every region of a per-region value, World's too, and whose page offers no World slider there.
     */
    private void noteUnusedWorldValues() {
        if (!worldSummed()) return;
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, Map<String, RegionalSeries>> e : new TreeMap<>(scenario.parameters()).entrySet())
            for (Map.Entry<String, RegionalSeries> p : new TreeMap<>(e.getValue()).entrySet())
                if (userWorldValue(p.getValue())) unused.add(e.getKey() + "/" + p.getKey() + origin(p.getValue()));
        for (Scenario.ExogenousSeries x : new TreeMap<>(scenario.exogenous()).values())
            if (userWorldValue(x.values())) unused.add("exogenous '" + x.variable() + "'" + origin(x.values()));
        if (unused.isEmpty()) return;
        warnings.add("World is the sum of the scenario's other regions, so the value given to World itself is not used "
                + "in this run by: " + String.join(", ", unused) + ". It applies when World runs alone; to change "
                + "World's results here, change the regions' values (or '*').");
    }

    /** Whether World runs with other regions, as their sum ({@link RegionSum}), so that the models do not step it. */
    private boolean worldSummed() {
        return RegionSum.steppedRegions(scenario.regions()).length < regions;
    }

    private static boolean userWorldValue(RegionalSeries s) {
        return s.byRegion().containsKey(RegionSum.WORLD) && !s.origin().startsWith("canned:")
                && !s.origin().startsWith("overrides:");
    }

    private static String origin(RegionalSeries s) {
        return s.origin().isEmpty() ? "" : " (" + s.origin() + ")";
    }

    private void checkDistinctIds() throws WiringException {
        for (int i = 1; i < installed.size(); i++) {
            InstalledModel a = installed.get(i - 1), b = installed.get(i);
            if (a.id().equals(b.id()))
                throw new WiringException("Two installed models have the id '" + a.id() + "' (bundles "
                        + a.bundle() + " and " + b.bundle() + "). Uninstall one of them.");
        }
    }

    private void checkSize() throws WiringException {
        long cells = (long) regions * years;
        if (cells * 64 > Wiring.MAX_CELLS)
            throw new WiringException("scenario '" + scenario.name() + "' has " + regions + " regions x " + years
                    + " years; with a few dozen variables that exceeds the limit of " + Wiring.MAX_CELLS
                    + " values per run. Use fewer regions or years.");
    }

    private void checkNamedInstalled(Set<String> named) throws WiringException {
        Set<String> ids = installed.stream().map(InstalledModel::id).collect(Collectors.toSet());
        for (String id : named) {
            if (ids.contains(id)) continue;
            String where = where(origin(id));
            String how = scenario.models().contains(id) ? "lists model '" + id + "' under models:"
                    : scenario.with().contains(id) ? "asks for model '" + id + "' (with: or --with)"
                    : scenario.parameters().containsKey(id) ? "sets parameters of model '" + id + "'"
                    : "varies parameters of model '" + id + "' under uncertainty:";
            String nearest = NameCheck.closest(id, ids);
            throw new WiringException(where + "the scenario " + how + ", but it is not installed. "
                    + (nearest != null ? "Did you mean '" + nearest + "'? " : "")
                    + "Installed models: " + String.join(", ", new java.util.TreeSet<>(ids)) + ".");
        }
    }

    private String origin(String modelId) {
        Map<String, RegionalSeries> p = scenario.parameters().get(modelId);
        if (p != null) return firstOrigin(p.values().stream().map(RegionalSeries::origin).toList());
        Map<String, Distribution> u = scenario.uncertainty().get(modelId);
        if (u != null) return firstOrigin(u.values().stream().map(Distribution::origin).toList());
        return "";
    }

    private static String firstOrigin(List<String> origins) {
        return origins.stream().filter(o -> !o.isEmpty()).sorted().findFirst().orElse("");
    }

    private static String where(String origin) {
        return origin.isEmpty() ? "" : origin + ": ";
    }

    /** One try at wiring a given set of models. */
    private final class Attempt {
        private final List<InstalledModel> models;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<Result.VariableInfo> stored = new ArrayList<>();
        private final List<Wire> wires = new ArrayList<>();
        private final Map<String, Wiring.Aggregate> aggregates = new TreeMap<>();
        private final Map<String, String> parameterText = new TreeMap<>();
        private final List<String> attemptWarnings = new ArrayList<>();

        Attempt(List<InstalledModel> models) {
            this.models = models;
        }

        Wiring wire() throws WiringException {
            checkSettings();
            collectOutputs();
            double[][] exogenous = collectExogenous();
            Map<String, List<Wire>> inputsByModel = new LinkedHashMap<>();
            for (InstalledModel m : models) inputsByModel.put(m.id(), resolveInputs(m));
            checkExogenousRead();
            checkHiddenChildren();
            checkTypos();
            List<InstalledModel> order = order();

            List<ModelPlan> plans = new ArrayList<>();
            for (InstalledModel m : order) plans.add(plan(m, inputsByModel.get(m.id())));
            wires.sort(Comparator.comparing(Wire::consumer).thenComparing(Wire::readAs).thenComparing(Wire::variable));
            List<String> all = new ArrayList<>(warnings);
            all.addAll(attemptWarnings);

            return new Wiring(scenario, order, plans, List.copyOf(stored), exogenous,
                    List.copyOf(aggregates.values()), List.copyOf(wires), Map.copyOf(parameterText), all);
        }

        private void collectOutputs() throws WiringException {
            Map<String, String> writer = new TreeMap<>();
            for (InstalledModel m : models) {
                for (Output o : m.model().descriptor().outputs()) {
                    String previous = writer.putIfAbsent(o.variable(), m.id());
                    if (previous != null)
                        throw new WiringException("Variable '" + o.variable() + "' is written by two models: "
                                + previous + " and " + m.id() + ". A variable has one writer; uninstall one of "
                                + "them or have one write a child variable ('" + o.variable() + "|...') instead.",
                                List.of(previous, m.id()));
                    checkUnit(o.unit(), "output '" + o.variable() + "' of model " + m.id(), m.id());
                    add(new Result.VariableInfo(o.variable(), o.unit(), m.id()));
                }
            }
        }

        private double[][] collectExogenous() throws WiringException {
            List<double[]> values = new ArrayList<>(Collections.nCopies(stored.size(), (double[]) null));
            for (Scenario.ExogenousSeries x : new TreeMap<>(scenario.exogenous()).values()) {
                String where = where(x.values().origin());
                if (index.containsKey(x.variable()))
                    throw new WiringException(where + "the scenario supplies '" + x.variable() + "' as exogenous data, "
                            + "but model " + stored.get(index.get(x.variable())).producer() + " writes it. Remove it "
                            + "from the scenario's exogenous data.");
                checkUnit(x.unit(), where + "exogenous '" + x.variable() + "'", null);
                checkRegions(x.values(), where + "exogenous '" + x.variable() + "'");
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
                checkUnit(in.unit(), "input '" + in.variable() + "' of model " + m.id(), m.id());
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
                                + "(laggedInput) to read last year's value.", List.of(m.id()));
                    resolved.add(w);
                    wires.add(w);
                }
                if (sources.size() > 1 || !sources.get(0).equals(in.variable()))
                    aggregates.putIfAbsent(in.variable(), new Wiring.Aggregate(in.variable(), in.unit(), children, factors));
            }
            return resolved;
        }

        /**
         * Exogenous data that no model reads by its exact name and whose name is close to a known one is a likely
         * typo: an error, since it would drop out of a total or be added twice. Data no model reads is a warning.
         */
        private void checkExogenousRead() throws WiringException {
            Set<String> read = wires.stream().map(Wire::variable).collect(Collectors.toSet());
            Set<String> readExactly = new HashSet<>();
            models.forEach(m -> m.model().descriptor().inputs().forEach(in -> readExactly.add(in.variable())));
            NameCheck names = new NameCheck(models.stream().map(m -> m.model().descriptor()).toList());
            for (Scenario.ExogenousSeries x : new TreeMap<>(scenario.exogenous()).values()) {
                if (readExactly.contains(x.variable())) continue;
                String suspect = names.suspect(x.variable());
                if (suspect != null)
                    throw new WiringException(where(x.values().origin()) + "the scenario supplies '" + x.variable()
                            + "', which no model in the scenario reads by that name: " + suspect + ". Correct the "
                            + "name, or remove the data.");
                if (!read.contains(x.variable()))
                    attemptWarnings.add("exogenous '" + x.variable() + "' is not read by any model in the scenario; it "
                            + "is only exported. Check the name if a model should use it.");
            }
        }

        /**
         * A variable below one that a model writes itself enters that total only if the writer reads it (as the
         * supply model reads solar and wind to write total generation). One the writer does not read is refused
         * for exogenous data and a warning for a model's output: it would silently not count.
         */
        private void checkHiddenChildren() throws WiringException {
            Set<String> readBy = new HashSet<>();
            for (Wire w : wires) readBy.add(w.consumer() + "\n" + w.variable());
            for (Result.VariableInfo v : stored) {
                String covering = null;
                for (int bar = v.name().indexOf('|'); bar >= 0; bar = v.name().indexOf('|', bar + 1)) {
                    String ancestor = v.name().substring(0, bar);
                    Integer i = index.get(ancestor);
                    if (i != null && !stored.get(i).producer().equals(Wire.SCENARIO)) covering = ancestor;
                }
                if (covering == null) continue;
                String writer = stored.get(index.get(covering)).producer();
                if (v.producer().equals(writer) || readBy.contains(writer + "\n" + v.name())) continue;
                if (v.producer().equals(Wire.SCENARIO))
                    throw new WiringException(where(scenario.exogenous().get(v.name()).values().origin())
                            + "the scenario supplies '" + v.name() + "', but model " + writer + " writes '" + covering
                            + "' itself without reading it, so the data would not enter that total. Supply a variable "
                            + "that is not below a model's output, or leave the model out.");
                attemptWarnings.add("model " + v.producer() + " writes '" + v.name() + "', below '" + covering
                        + "', which model " + writer + " writes itself without reading it: it is not added to that total.");
            }
        }

        /** Outputs that nobody in the scenario reads by name and whose names look like typos of known names. */
        private void checkTypos() {
            attemptWarnings.addAll(NameCheck.likelyTypos(models, "no model in the scenario"));
        }

        private double convert(Result.VariableInfo source, InstalledModel consumer, Input in) throws WiringException {
            try {
                return Units.factor(source.unit(), in.unit());
            } catch (IllegalArgumentException e) {
                boolean exogenous = source.producer().equals(Wire.SCENARIO);
                String producer = exogenous ? "the scenario's exogenous data" : "model " + source.producer();
                throw new WiringException("Unit mismatch on '" + source.name() + "': " + producer + " writes it in '"
                        + source.unit() + "' but model " + consumer.id() + " reads "
                        + (source.name().equals(in.variable()) ? "it" : "'" + in.variable() + "'")
                        + " in '" + in.unit() + "', and these do not convert (" + e.getMessage() + "). One of the two "
                        + "models declares the wrong unit or the wrong variable.",
                        exogenous ? List.of(consumer.id()) : List.of(source.producer(), consumer.id()));
            }
        }

        private void checkUnit(String unit, String what, String modelId) throws WiringException {
            try {
                Units.parse(unit);
            } catch (IllegalArgumentException e) {
                throw new WiringException("Unit of " + what + " is not understood: " + e.getMessage(),
                        modelId == null ? List.of() : List.of(modelId));
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
            String suspect = new NameCheck(installed.stream().filter(x -> x != m).map(x -> x.model().descriptor()).toList())
                    .suspect(in.variable());
            if (suspect != null) what += "Perhaps a typo: " + suspect + ". ";
            List<String> candidates = installed.stream().filter(x -> !models.contains(x))
                    .filter(x -> x.model().descriptor().outputs().stream().anyMatch(o -> o.variable().equals(in.variable())
                            || o.variable().startsWith(in.variable() + "|")))
                    .map(InstalledModel::label).toList();
            if (!candidates.isEmpty())
                return new WiringException(what + "Installed models that could provide it: " + String.join(", ", candidates)
                        + ". Add them to the scenario's 'with:' (or 'models:') list or run with --with, or supply the "
                        + "variable under 'exogenous:'.", List.of(m.id()));
            return new WiringException(what + "No installed bundle provides it: install a bundle whose model writes '"
                    + in.variable() + "', or supply it under 'exogenous:' in the scenario.", List.of(m.id()));
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
                        + "\nA feedback loop must go through a lag: declare one of these inputs with lag 1.", cycle);
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
                    // World summed from the other regions is never stepped: it needs no value of its own
                    if (t == null && region.equals(RegionSum.WORLD) && worldSummed()) t = Trajectory.constant(p.defaultValue());
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

        /**
         * Every parameter the scenario sets or varies must belong to a model in the scenario that declares it, and
         * every region it names must be one of the scenario's.
         */
        private void checkSettings() throws WiringException {
            Map<String, ModelDescriptor> byId = new TreeMap<>();
            models.forEach(m -> byId.put(m.id(), m.model().descriptor()));
            for (Map.Entry<String, Map<String, RegionalSeries>> e : new TreeMap<>(scenario.parameters()).entrySet()) {
                ModelDescriptor d = model(byId, e.getKey(), firstOrigin(e.getValue().values().stream().map(RegionalSeries::origin).toList()));
                for (Map.Entry<String, RegionalSeries> p : new TreeMap<>(e.getValue()).entrySet()) {
                    parameter(d, p.getKey(), p.getValue().origin());
                    checkRegions(p.getValue(), where(p.getValue().origin()) + "parameter '" + p.getKey() + "' of model " + d.id());
                }
            }
            for (Map.Entry<String, Map<String, Distribution>> e : new TreeMap<>(scenario.uncertainty()).entrySet()) {
                ModelDescriptor d = model(byId, e.getKey(), firstOrigin(e.getValue().values().stream().map(Distribution::origin).toList()));
                for (Map.Entry<String, Distribution> p : new TreeMap<>(e.getValue()).entrySet())
                    parameter(d, p.getKey(), p.getValue().origin());
            }
        }

        private ModelDescriptor model(Map<String, ModelDescriptor> byId, String id, String origin) throws WiringException {
            ModelDescriptor d = byId.get(id);
            if (d == null)
                throw new WiringException(where(origin) + "the scenario sets or varies parameters of model '" + id
                        + "', which was left out of the scenario (see the warnings). Models in the scenario: "
                        + String.join(", ", byId.keySet()) + ".");
            return d;
        }

        private void parameter(ModelDescriptor d, String name, String origin) throws WiringException {
            if (d.parameter(name) != null) return;
            List<String> names = d.parameters().stream().map(Parameter::name).toList();
            String nearest = NameCheck.closest(name, names);
            throw new WiringException(where(origin) + "model " + d.id() + " has no parameter '" + name + "'. "
                    + (nearest != null ? "Did you mean '" + nearest + "'? " : "") + "Its parameters: "
                    + String.join(", ", names) + ".");
        }

        /**
         * A region a per-region value names that is not one of the scenario's regions: an error when it is close to
         * one of them (a typo, which would silently leave that region on the "*" value); values for other regions
         * are allowed (a baseline may carry values for its variants' regions) and change nothing.
         */
        private void checkRegions(RegionalSeries series, String what) throws WiringException {
            for (String region : series.byRegion().keySet()) {
                if (region.equals(RegionalSeries.ALL_REGIONS) || scenario.regions().contains(region)) continue;
                String nearest = NameCheck.closest(region, scenario.regions());
                if (nearest != null)
                    throw new WiringException(what + " gives a value for region '" + region + "', which is not one of the "
                            + "scenario's regions; did you mean '" + nearest + "'? Regions: "
                            + String.join(", ", scenario.regions()) + ".");
            }
        }
    }
}
