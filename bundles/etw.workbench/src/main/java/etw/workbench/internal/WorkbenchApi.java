package etw.workbench.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.scenario.CannedScenario;
import etw.api.scenario.Distribution;
import etw.api.scenario.EnsembleResult;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;
import etw.engine.Ensemble;
import etw.engine.InstalledModel;
import etw.engine.RunException;
import etw.engine.Wire;
import etw.engine.Wiring;
import etw.engine.WiringException;
import etw.io.IamcCsv;
import etw.scenario.ScenarioException;
import etw.scenario.ScenarioExistsException;
import etw.scenario.ScenarioNotFoundException;
import etw.scenario.ScenarioParser;
import etw.scenario.ScenarioService;

/**
 * What the JSON API does, without HTTP: each method takes a parsed request body (a JSON object) and returns what
 * to write back as JSON, or throws {@link ApiException} with a 4xx status and a message for people. Parsing,
 * wiring, validation and running are the engine's and the parser's; this class only translates.
 *
 * <p>A request names its scenario with {@code "scenario"} (a canned name or a file of the scenario folder) or
 * gives its text (YAML) with {@code "text"}, and may change parameters with {@code "overrides"}, which take the
 * forms of a scenario file: {@code {"etw.models.datacenter": {"pue": 1.3, "ai_base": {"World": 70},
 * "ai_compute_growth_initial": {"2024": 0.5, "2040": 0.1}}}}.
 */
final class WorkbenchApi {
    static final Duration STEP_LIMIT = Duration.ofSeconds(10);
    static final int MAX_SAMPLES = 5_000;

    private final Supplier<List<InstalledModel>> models;
    private final ScenarioService scenarios;
    private final boolean canSave;
    private final Supplier<List<BundleInfo>> bundles;
    private final Supplier<List<String>> pluginProblems;
    private final Map<String, Scenario> parsed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Scenario> eldest) {
            return size() > 32;
        }
    });

    /** A bundle as the Models view shows it. */
    record BundleInfo(String symbolicName, String version, String state, String location) {
    }

    /**
     * @param bundles        the bundles the Models view lists (model bundles and plugins)
     * @param pluginProblems one line per plugin jar that is not running, with the reason
     */
    WorkbenchApi(Supplier<List<InstalledModel>> models, ScenarioService scenarios, boolean canSave,
                 Supplier<List<BundleInfo>> bundles, Supplier<List<String>> pluginProblems) {
        this.models = models;
        this.scenarios = scenarios;
        this.canSave = canSave;
        this.bundles = bundles;
        this.pluginProblems = pluginProblems;
    }

    // ---------------------------------------------------------------- models and scenarios

    Map<String, Object> models() {
        Map<String, BundleInfo> byName = new TreeMap<>();
        List<BundleInfo> all = bundles.get();
        all.forEach(b -> byName.putIfAbsent(b.symbolicName(), b));
        List<Object> list = new ArrayList<>();
        for (InstalledModel m : models.get()) {
            ModelDescriptor d = m.model().descriptor();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", d.id());
            o.put("title", d.title());
            o.put("description", d.description());
            o.put("bundle", m.bundle());
            o.put("bundleVersion", m.bundleVersion());
            BundleInfo b = byName.get(m.bundle());
            o.put("state", b == null ? "ACTIVE" : b.state());
            List<Object> inputs = new ArrayList<>();
            for (Input in : d.inputs())
                inputs.add(map("variable", in.variable(), "unit", in.unit(), "lag", in.lag(), "initialValue",
                        in.initialValue(), "description", in.description()));
            o.put("inputs", inputs);
            List<Object> outputs = new ArrayList<>();
            for (Output out : d.outputs())
                outputs.add(map("variable", out.variable(), "unit", out.unit(), "description", out.description()));
            o.put("outputs", outputs);
            List<Object> params = new ArrayList<>();
            for (Parameter p : d.parameters()) params.add(parameter(p));
            o.put("parameters", params);
            list.add(o);
        }
        List<Object> bundleList = new ArrayList<>();
        for (BundleInfo b : all)
            bundleList.add(map("symbolicName", b.symbolicName(), "version", b.version(), "state", b.state(),
                    "location", b.location()));
        List<String> leftOut = pluginProblems.get();
        return map("models", list, "bundles", bundleList, "leftOut", leftOut, "problems", leftOut);
    }

    private static Map<String, Object> parameter(Parameter p) {
        return map("name", p.name(), "unit", p.unit(), "default", p.defaultValue(), "min", p.min(), "max", p.max(),
                "description", p.description(), "source", p.source());
    }

    Map<String, Object> scenarios() {
        List<Object> list = new ArrayList<>();
        for (ScenarioService.Entry e : scenarios.list())
            list.add(map("name", e.name(), "kind", e.kind(), "title", e.title(), "parent", e.parent(),
                    "labSheet", e.labSheet() != null));
        return map("scenarios", list, "canSave", canSave, "warnings", scenarios.warnings());
    }

    /** A scenario parsed for the editor: regions, years, and every parameter of its models with value and metadata. */
    Map<String, Object> scenario(String ref) throws ApiException {
        String text;
        try {
            text = scenarios.text(ref).orElseThrow(() -> notFound(ref));
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
        Scenario s = load(ref);
        Map<String, Object> o = describe(s);
        o.put("ref", ref);
        CannedScenario c = scenarios.canned().get(ref);
        o.put("kind", c != null ? "canned" : "workspace");
        o.put("text", text);
        o.put("labSheet", c != null && c.labSheet() != null ? readUrl(c.labSheet()) : null);
        return o;
    }

    private static ApiException notFound(String ref) {
        return ApiException.notFound("no scenario '" + ref + "': neither a canned scenario nor one saved in the "
                + "workspace. GET /api/scenarios lists them.");
    }

    static String readUrl(java.net.URL url) throws ApiException {
        try (java.io.InputStream in = url.openStream()) {
            return new String(in.readNBytes(4 * 1024 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.unprocessable("a lab sheet cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** Parses scenario text sent by the page (a file the user picked) for the editor. */
    Map<String, Object> parseText(Map<String, Object> body) throws ApiException {
        Scenario s = parse(requiredString(body, "text"));
        Map<String, Object> o = describe(s);
        o.put("kind", "text");
        return o;
    }

    private Map<String, Object> describe(Scenario s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", s.name());
        o.put("description", s.description());
        o.put("regions", s.regions());
        o.put("firstYear", s.firstYear());
        o.put("lastYear", s.lastYear());
        o.put("seed", s.seed());
        List<Object> ms = new ArrayList<>();
        for (InstalledModel m : participants(s)) {
            Map<String, RegionalSeries> set = s.parameters().getOrDefault(m.id(), Map.of());
            List<Object> params = new ArrayList<>();
            for (Parameter p : m.model().descriptor().parameters()) {
                Map<String, Object> po = parameter(p);
                RegionalSeries v = set.get(p.name());
                po.put("value", v == null ? null : valueForm(v, s.regions()));
                params.add(po);
            }
            ms.add(map("id", m.id(), "title", m.model().descriptor().title(), "parameters", params));
        }
        o.put("models", ms);
        Map<String, Object> unknown = new TreeMap<>();
        s.parameters().forEach((model, values) -> {
            if (ms.stream().noneMatch(x -> ((Map<?, ?>) x).get("id").equals(model))) unknown.put(model, values.keySet());
        });
        o.put("unknownModels", unknown);
        Map<String, Object> unc = new TreeMap<>();
        s.uncertainty().forEach((model, ds) -> {
            Map<String, Object> m = new TreeMap<>();
            ds.forEach((p, d) -> m.put(p, distributionForm(d)));
            unc.put(model, m);
        });
        o.put("uncertainty", unc);
        List<Object> exo = new ArrayList<>();
        new TreeMap<>(s.exogenous()).values().forEach(x -> exo.add(map("variable", x.variable(), "unit", x.unit(),
                "values", valueForm(x.values(), s.regions()))));
        o.put("exogenous", exo);
        return o;
    }

    private List<InstalledModel> participants(Scenario s) {
        return models.get().stream().filter(m -> s.models().isEmpty() || s.models().contains(m.id())).toList();
    }

    // ---------------------------------------------------------------- runs

    Map<String, Object> run(Map<String, Object> body) throws ApiException {
        Scenario s = scenario(body);
        long t0 = System.nanoTime();
        Result r = run(s);
        double ms = (System.nanoTime() - t0) / 1e6;
        Set<String> vars = stringSet(body, "variables");
        List<Object> out = new ArrayList<>();
        int years = s.yearCount();
        for (int v = 0; v < r.variables().size(); v++) {
            Result.VariableInfo info = r.variables().get(v);
            if (vars != null && !vars.contains(info.name())) continue;
            List<double[]> perRegion = new ArrayList<>(s.regions().size());
            for (int reg = 0; reg < s.regions().size(); reg++) perRegion.add(r.series(v, reg));
            out.add(map("name", info.name(), "unit", info.unit(), "producer", info.producer(), "values", perRegion));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenario", s.name());
        o.put("regions", s.regions());
        o.put("firstYear", s.firstYear());
        o.put("lastYear", s.lastYear());
        o.put("years", years);
        o.put("runMs", ms);
        o.put("variables", out);
        RunManifest m = r.manifest();
        o.put("models", new ArrayList<>(m.models().keySet()));
        o.put("plugins", m.plugins());
        o.put("warnings", m.warnings());
        o.put("leftOut", pluginProblems.get());
        o.put("manifest", manifest(m));
        return o;
    }

    private Result run(Scenario s) throws ApiException {
        Result r;
        try {
            r = wire(s).run(STEP_LIMIT);
        } catch (RunException e) {
            throw ApiException.unprocessable("the run failed: " + e.getMessage());
        }
        checkFinite(r);
        return r;
    }

    /**
     * A last line of defence: a result holding NaN or infinity is a failed run (a model that died without the
     * engine noticing), never an answer with nulls. Names the variable, its producer, region and year.
     */
    static void checkFinite(Result r) throws ApiException {
        for (int v = 0; v < r.variables().size(); v++)
            for (int reg = 0; reg < r.regions().size(); reg++) {
                double[] xs = r.series(v, reg);
                for (int y = 0; y < xs.length; y++)
                    if (!Double.isFinite(xs[y])) {
                        Result.VariableInfo info = r.variables().get(v);
                        throw ApiException.unprocessable("the run failed: model " + info.producer() + " left "
                                + info.name() + " without a value (" + xs[y] + ") for " + r.regions().get(reg) + " in "
                                + (r.firstYear() + y) + "; nothing of this run is shown");
                    }
            }
    }

    /** The most values of one variable a request may ask for (regions × years). */
    static final long MAX_CELLS = 200_000;

    private static void checkSize(Scenario s) throws ApiException {
        long cells = (long) s.regions().size() * s.yearCount();
        if (cells > MAX_CELLS)
            throw ApiException.unprocessable("the scenario has " + s.regions().size() + " regions × " + s.yearCount()
                    + " years = " + cells + " values per variable; the workbench runs at most " + MAX_CELLS);
    }

    private Wiring wire(Scenario s) throws ApiException {
        try {
            return Wiring.wire(s, models.get());
        } catch (WiringException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    private static Map<String, Object> manifest(RunManifest m) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("runId", m.runId());
        o.put("scenario", m.scenario());
        o.put("scenarioSha256", m.scenarioSha256());
        o.put("seed", m.seed());
        o.put("runAt", m.runAt());
        o.put("bundles", new TreeMap<>(m.bundles()));
        o.put("models", m.models());
        o.put("plugins", m.plugins());
        o.put("files", new TreeMap<>(m.files()));
        o.put("parameters", new TreeMap<>(m.parameters()));
        o.put("warnings", m.warnings());
        return o;
    }

    Map<String, Object> graph(Map<String, Object> body) throws ApiException {
        Scenario s = scenario(body);
        Wiring w = wire(s);
        List<Object> ms = new ArrayList<>();
        Map<String, Object> variables = new TreeMap<>();
        int step = 0;
        for (InstalledModel m : w.order()) {
            ModelDescriptor d = m.model().descriptor();
            ms.add(map("id", m.id(), "title", d.title(), "bundle", m.bundle(), "bundleVersion", m.bundleVersion(),
                    "step", step++));
            for (Output out : d.outputs())
                variables.put(out.variable(), map("name", out.variable(), "unit", out.unit(), "producer", m.id()));
        }
        s.exogenous().values().forEach(x -> variables.put(x.variable(), map("name", x.variable(), "unit", x.unit(),
                "producer", Wire.SCENARIO)));
        List<Object> wires = new ArrayList<>();
        for (Wire x : w.wires())
            wires.add(map("producer", x.producer(), "consumer", x.consumer(), "variable", x.variable(), "readAs",
                    x.readAs(), "lag", x.lag(), "factor", x.factor(), "aggregate", x.isAggregate()));
        return map("scenario", s.name(), "models", ms, "variables", new ArrayList<>(variables.values()), "wires", wires);
    }

    Map<String, Object> ensemble(Map<String, Object> body) throws ApiException {
        Scenario s = scenario(body);
        int samples = (int) wholeNumber(body, "samples", 200, 1, MAX_SAMPLES);
        long t0 = System.nanoTime();
        EnsembleResult e = ensemble(s, body, samples);
        double ms = (System.nanoTime() - t0) / 1e6;
        Set<String> vars = stringSet(body, "variables");
        List<Object> out = new ArrayList<>();
        int ps = e.percentiles().length;
        for (int v = 0; v < e.variables().size(); v++) {
            Result.VariableInfo info = e.variables().get(v);
            if (vars != null && !vars.contains(info.name())) continue;
            List<Object> byP = new ArrayList<>();
            for (int p = 0; p < ps; p++) {
                List<double[]> perRegion = new ArrayList<>();
                for (int r = 0; r < s.regions().size(); r++) perRegion.add(e.series(v, p, r));
                byP.add(perRegion);
            }
            out.add(map("name", info.name(), "unit", info.unit(), "producer", info.producer(), "values", byP));
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("scenario", s.name());
        o.put("samples", e.samples());
        o.put("percentiles", e.percentiles());
        o.put("regions", s.regions());
        o.put("firstYear", s.firstYear());
        o.put("lastYear", s.lastYear());
        o.put("runMs", ms);
        o.put("variables", out);
        return o;
    }

    private EnsembleResult ensemble(Scenario s, Map<String, Object> body, int samples) throws ApiException {
        try {
            Ensemble e = Ensemble.of(wire(s)).samples(samples).threads(Math.min(2, Runtime.getRuntime().availableProcessors()));
            if (body.get("seed") != null) e.seed(wholeNumber(body, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE));
            return e.run();
        } catch (WiringException x) {
            throw ApiException.unprocessable(x.getMessage());
        } catch (RunException x) {
            throw ApiException.unprocessable("the ensemble failed: " + x.getMessage());
        }
    }

    /** The IAMC CSV of a run, or of an ensemble's percentiles when {@code samples} is given. */
    String export(Map<String, Object> body) throws ApiException {
        Scenario s = scenario(body);
        StringWriter w = new StringWriter();
        try {
            if (body.get("samples") != null)
                IamcCsv.write(ensemble(s, body, (int) wholeNumber(body, "samples", 200, 1, MAX_SAMPLES)), w);
            else IamcCsv.write(run(s), w);
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        return w.toString();
    }

    /** The file name an export of this request is offered under. */
    String exportName(Map<String, Object> body) throws ApiException {
        String name = scenario(body).name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-");
        return (name.isEmpty() ? "scenario" : name) + (body.get("samples") != null ? ".ensemble" : "") + ".csv";
    }

    // ---------------------------------------------------------------- saving

    /**
     * Saves the request's scenario into the scenario folder under {@code file}: a variant that {@code extends} the
     * named scenario and sets the overridden parameters, or, for text sent by the page, that text with the
     * overrides applied. The result is parsed and wired before it is written, so a saved file always loads.
     */
    Map<String, Object> save(Map<String, Object> body) throws ApiException {
        String file = optionalString(body, "file");
        if (file == null || !FILE_NAME.matcher(file).matches())
            throw ApiException.badRequest("file must be a simple name of lower-case letters, digits and '-' ending in "
                    + ".yaml, e.g. my-variant.yaml; got " + (file == null ? "nothing" : "'" + file + "'"));
        if (!canSave)
            throw new ApiException(409, "this workbench has no workspace folder to save into (start it with etw workbench)");
        String stem = file.substring(0, file.length() - ".yaml".length());
        String name = optionalString(body, "name");
        if (name == null) name = stem;
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl))
            throw ApiException.badRequest("name must be 1 to 100 printable characters");
        String ref = optionalString(body, "scenario");
        String description = optionalString(body, "description");
        Scenario.Builder named = scenario(body).toBuilder(name);
        if (description != null) named.description(description);
        Scenario s = named.build();
        wire(s); // a scenario that would not run is not written
        boolean overwrite = Boolean.TRUE.equals(body.get("overwrite"));
        try {
            if (ref != null) scenarios.saveVariant(stem, ref, s, overwrite);
            else scenarios.save(stem, s, overwrite);
            return map("file", file, "name", name, "text", scenarios.text(stem).orElse(""));
        } catch (ScenarioExistsException e) {
            throw new ApiException(409, "scenario " + file + " exists; choose another name or save with overwrite");
        } catch (ScenarioException e) {
            throw ApiException.unprocessable("the scenario was not saved: " + e.getMessage());
        }
    }

    /** The only file names the workbench saves under. */
    static final java.util.regex.Pattern FILE_NAME = java.util.regex.Pattern.compile("[a-z0-9-]{1,64}\\.yaml");

    // ---------------------------------------------------------------- the scenario of a request

    /** The request's scenario: named or given as text, with its overrides (and uncertainty) applied. */
    Scenario scenario(Map<String, Object> body) throws ApiException {
        String ref = optionalString(body, "scenario");
        String text = optionalString(body, "text");
        if ((ref == null) == (text == null))
            throw ApiException.badRequest("give either \"scenario\" (a canned name or a file of the scenario folder) "
                    + "or \"text\" (a scenario in YAML), not " + (ref == null ? "neither" : "both"));
        Scenario base = ref != null ? load(ref) : parse(text);
        checkSize(base);
        Map<String, Object> overrides = objectOrEmpty(body, "overrides");
        Map<String, Object> uncertainty = objectOrEmpty(body, "uncertainty");
        String name = optionalString(body, "name");
        Set<String> with = stringSet(body, "with");
        if (overrides.isEmpty() && uncertainty.isEmpty() && name == null && with == null) return base;
        Scenario changes = changes(overrides, uncertainty, base.regions());
        Scenario.Builder b = base.toBuilder(name != null ? name : base.name());
        if (with != null) {
            java.util.Set<String> all = new java.util.TreeSet<>(base.with());
            all.addAll(with);
            b.with(List.copyOf(all));
        }
        changes.parameters().forEach((model, values) -> values.forEach((p, v) -> b.parameter(model, p, v)));
        changes.uncertainty().forEach((model, values) -> values.forEach((p, d) -> b.uncertain(model, p, d)));
        b.text(base.text() + "\n--- workbench changes\n" + Json.write(map("overrides", overrides, "uncertainty", uncertainty)));
        return b.build();
    }

    /**
     * A canned or saved scenario by name. Canned ones are kept once parsed (keyed by where their text lives, so
     * a reinstalled library is read again); saved ones are read afresh, as they may change on disk.
     */
    private Scenario load(String ref) throws ApiException {
        CannedScenario c = scenarios.canned().get(ref);
        String key = c == null ? null : "canned\0" + ref + '\0' + c.location();
        Scenario cached = key == null ? null : parsed.get(key);
        if (cached != null) return cached;
        try {
            Scenario s = scenarios.load(ref);
            if (key != null) parsed.put(key, s);
            return s;
        } catch (ScenarioNotFoundException e) {
            throw notFound(ref);
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    /**
     * Scenario text sent with the request. Its {@code extends:} and exogenous {@code file:} resolve only inside
     * the workspace (the service's REMOTE access), and no message quotes a file.
     */
    private Scenario parse(String text) throws ApiException {
        try {
            return scenarios.parse(text, "request");
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage());
        }
    }

    /**
     * Reads overrides and uncertainty with the scenario parser itself (JSON is YAML), so they take exactly the
     * forms of a scenario file and fail with its messages.
     */
    private Scenario changes(Map<String, Object> overrides, Map<String, Object> uncertainty, List<String> regions)
            throws ApiException {
        StringBuilder t = new StringBuilder("name: changes\nregions: ").append(Json.writeYaml(regions)).append('\n');
        if (!overrides.isEmpty()) t.append("parameters: ").append(Json.writeYaml(overrides)).append('\n');
        if (!uncertainty.isEmpty()) t.append("uncertainty: ").append(Json.writeYaml(uncertainty)).append('\n');
        try {
            return ScenarioParser.parse(t.toString(), "overrides");
        } catch (ScenarioException e) {
            throw ApiException.unprocessable(e.getMessage().replaceFirst("^overrides:\\d+:\\d+: ", "overrides: "));
        }
    }

    // ---------------------------------------------------------------- value forms

    /** A parameter setting in the forms of a scenario file: a number, {year: value}, or {region: either}. */
    static Object valueForm(RegionalSeries s, List<String> regionOrder) {
        Map<String, Trajectory> by = s.byRegion();
        if (by.size() == 1 && by.containsKey(RegionalSeries.ALL_REGIONS)) return trajectoryForm(by.get(RegionalSeries.ALL_REGIONS));
        Map<String, Object> m = new LinkedHashMap<>();
        for (String r : regionOrder) if (by.containsKey(r)) m.put(r, trajectoryForm(by.get(r)));
        new TreeMap<>(by).forEach((r, t) -> m.putIfAbsent(r, trajectoryForm(t)));
        return m;
    }

    static Object trajectoryForm(Trajectory t) {
        if (t.isConstant()) return t.valueAt(0);
        Map<String, Object> m = new LinkedHashMap<>();
        t.points().forEach((y, v) -> m.put(Integer.toString(y), v));
        return m;
    }

    static Map<String, Object> distributionForm(Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", d.kind().name().toLowerCase(Locale.ROOT));
        switch (d.kind()) {
            case TRIANGULAR -> m.put("mode", d.a());
            case NORMAL -> {
                m.put("mean", d.a());
                m.put("sd", d.b());
            }
            case LOGNORMAL -> {
                m.put("median", d.a());
                m.put("sigma", d.b());
            }
            default -> { }
        }
        m.put("min", d.min());
        m.put("max", d.max());
        return m;
    }

    // ---------------------------------------------------------------- request fields

    static String requiredString(Map<String, Object> body, String key) throws ApiException {
        String s = optionalString(body, key);
        if (s == null) throw ApiException.badRequest("\"" + key + "\" is required");
        return s;
    }

    static String optionalString(Map<String, Object> body, String key) throws ApiException {
        Object v = body.get(key);
        if (v == null) return null;
        if (!(v instanceof String s)) throw ApiException.badRequest("\"" + key + "\" must be a string");
        return s;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> objectOrEmpty(Map<String, Object> body, String key) throws ApiException {
        Object v = body.get(key);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> m)) throw ApiException.badRequest("\"" + key + "\" must be an object");
        return (Map<String, Object>) m;
    }

    static Set<String> stringSet(Map<String, Object> body, String key) throws ApiException {
        Object v = body.get(key);
        if (v == null) return null;
        if (!(v instanceof List<?> l) || l.stream().anyMatch(x -> !(x instanceof String)))
            throw ApiException.badRequest("\"" + key + "\" must be a list of names");
        return Set.copyOf(l.stream().map(String.class::cast).toList());
    }

    static long wholeNumber(Map<String, Object> body, String key, long fallback, long min, long max) throws ApiException {
        Object v = body.get(key);
        if (v == null) return fallback;
        if (!(v instanceof Double d) || d != Math.rint(d) || d < min || d > max)
            throw ApiException.badRequest("\"" + key + "\" must be a whole number from " + min + " to " + max + ", got " + Json.write(v));
        return d.longValue();
    }

    /** An insertion-ordered map of alternating keys and values. */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }
}
