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
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;
import etw.engine.Ensemble;
import etw.engine.RunException;
import etw.engine.WiringException;
import etw.io.IamcCsv;

/**
 * {@code POST /api/run}, {@code /api/ensemble} and {@code /api/export}: results per variable, region and year, an
 * ensemble's percentiles, or either as IAMC CSV. A run whose model fails (an exception or an {@code Error}) or that
 * leaves a value unset is an error naming the model, never an answer with nulls. A run's answer names the models
 * and plugins that took part, the wiring's warnings, and the plugins left out.
 */
final class RunsResource {
    static final Duration STEP_LIMIT = Duration.ofSeconds(10);
    static final int MAX_SAMPLES = 5_000;
    /** The most values of one variable an ensemble may draw (samples × regions × years). */
    static final long MAX_SAMPLE_CELLS = 2_000_000;

    /** The model and parameter a quick preview sets, and to what: twelve representative days of 24 h. */
    static final String PREVIEW_MODEL = "etw.models.decarbonisation";
    static final String PREVIEW_PARAMETER = "representative_days";
    static final int PREVIEW_DAYS = 12;
    /** What the page shows beside a quick preview's charts. */
    static final String PREVIEW_NOTE = "Quick preview: the power sector balanced on 12 representative days, not all "
            + "8,760 hours. Its results differ from the full run, more in some decades than others, as each year's build "
            + "decisions feed the next (baseline's World power-sector CO2: +0.5% in 2030, -3% in 2050, -15% in 2100; "
            + "measured in WorkbenchApiTest). Run the full 8,760 h for results to quote.";

    private final RequestScenarios scenarios;
    private final Supplier<List<String>> leftOut;
    private final LongSupplier revision;
    private final Reuse reuse = new Reuse(16);
    private final java.util.concurrent.atomic.AtomicBoolean warming = new java.util.concurrent.atomic.AtomicBoolean();

    RunsResource(RequestScenarios scenarios, Supplier<List<String>> leftOut) {
        this(scenarios, leftOut, () -> 0);
    }

    /** @param revision changes when models come or go: a run of another set of models is not reused */
    RunsResource(RequestScenarios scenarios, Supplier<List<String>> leftOut, LongSupplier revision) {
        this.scenarios = scenarios;
        this.leftOut = leftOut;
        this.revision = revision;
    }

    /**
     * The last few runs, kept so that a slider moved back to where it was, or a page reloaded, is answered at once.
     * A run is reused only for an equal scenario (every part of it: regions, years, models, plugins, parameters,
     * exogenous data, text, and the files it was read from by their SHA-256) and the same installed models.
     */
    static final class Reuse {
        record Key(Scenario scenario, long revision) {
        }

        static Key key(Scenario s, long revision) {
            return new Key(s, revision);
        }

        private final Map<Key, Result> runs;

        Reuse(int size) {
            runs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, Result> eldest) {
                    return size() > size;
                }
            });
        }

        Result get(Key k) {
            return runs.get(k);
        }

        void put(Key k, Result r) {
            runs.put(k, r);
        }
    }

    Responses.Run run(ApiRequest request) throws ApiException {
        Scenario asked = scenarios.of(request);
        if (!request.previewOrFalse() && warming.compareAndSet(false, true)) warmUp(preview(asked));
        Scenario s = request.previewOrFalse() ? preview(asked) : asked;
        String preview = s == asked ? null : PREVIEW_NOTE;
        long t0 = System.nanoTime();
        Reuse.Key key = Reuse.key(s, revision.getAsLong());
        Result r = reuse.get(key);
        boolean reused = r != null;
        if (r == null) {
            r = run(s);
            reuse.put(key, r);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        Set<String> vars = request.variables() == null ? null : Set.copyOf(request.variables());
        List<Responses.VariableValues> out = new ArrayList<>();
        for (int v = 0; v < r.variables().size(); v++) {
            Result.VariableInfo info = r.variables().get(v);
            if (vars != null && !vars.contains(info.name())) continue;
            List<double[]> perRegion = new ArrayList<>(s.regions().size());
            for (int reg = 0; reg < s.regions().size(); reg++) perRegion.add(r.series(v, reg));
            out.add(new Responses.VariableValues(info.name(), info.unit(), info.producer(), perRegion));
        }
        RunManifest m = r.manifest();
        return new Responses.Run(s.name(), s.regions(), s.firstYear(), s.lastYear(), s.yearCount(), ms, out,
                List.copyOf(m.models().keySet()), m.plugins(), m.warnings(), leftOut.get(), manifest(m), preview, reused);
    }

    /**
     * The scenario with the power sector balanced on {@link #PREVIEW_DAYS} representative days instead of 8,760
     * hours ({@code etw.models.decarbonisation} parameter {@code representative_days}), for a slider's quick
     * preview; the scenario itself if it does not run that model or sets the parameter itself. The change is in
     * the run's parameters and text, so its manifest says so. Accuracy against 8,760 h: within 0.5% on coal, gas
     * and emissions in one year (RepresentativeDaysTest), drifting along a trajectory as the build decisions it
     * feeds differ (baseline's World power CO2 -3% in 2050, -15% in 2100: WorkbenchApiTest prints them).
     */
    static Scenario preview(Scenario s) {
        if (!s.models().contains(PREVIEW_MODEL)) return s;
        Map<String, ?> set = s.parameters().get(PREVIEW_MODEL);
        if (set != null && set.containsKey(PREVIEW_PARAMETER)) return s;
        return s.toBuilder(s.name()).parameter(PREVIEW_MODEL, PREVIEW_PARAMETER, PREVIEW_DAYS)
                .text(s.text() + "\n--- workbench quick preview\nparameters: {" + PREVIEW_MODEL + ": {" + PREVIEW_PARAMETER
                        + ": " + PREVIEW_DAYS + "}}\n")
                .build();
    }

    /** How many quick previews {@link #warmUp} runs at most, and for how long. */
    static final int WARM_UP_RUNS = 60;
    static final long WARM_UP_MILLIS = 6_000;

    /**
     * Runs the quick preview of the first scenario the page opens a few times in a background thread, results
     * discarded (never reused nor shown), so that the first slider moves are not paid in JIT compilation: in a
     * fresh workbench they took 357, 157 and 161 ms, against 64 to 106 ms once warm. A preview's server time falls
     * from about 50 ms to 15 ms over its first 30 runs (with the batteries' peak shaving), hence up to 60 runs. Each
     * runs the regions in one thread, so that the other core stays free for the page and the user's own runs.
     */
    private void warmUp(Scenario preview) {
        Thread t = new Thread(() -> {
            long end = System.nanoTime() + WARM_UP_MILLIS * 1_000_000;
            try {
                for (int i = 0; i < WARM_UP_RUNS && System.nanoTime() < end; i++) scenarios.wire(preview).run(STEP_LIMIT, 1);
            } catch (ApiException | RunException | RuntimeException e) {
                // nothing to warm up: the page's own run of this scenario reports what is wrong with it
            }
        }, "etw-workbench-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private Result run(Scenario s) throws ApiException {
        Result r;
        try {
            r = scenarios.wire(s).run(STEP_LIMIT);
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

    private static Responses.Manifest manifest(RunManifest m) {
        return new Responses.Manifest(m.runId(), m.scenario(), m.scenarioSha256(), m.seed(), m.runAt(),
                new TreeMap<>(m.bundles()), m.models(), m.plugins(), new TreeMap<>(m.files()),
                new TreeMap<>(m.parameters()), m.warnings());
    }

    /** Runs an ensemble elsewhere than in this process: on a cluster ({@link ClusterResource}). */
    interface Elsewhere {
        EnsembleResult ensemble(Scenario s, long seed, int samples) throws ApiException;
    }

    Responses.Ensemble ensemble(ApiRequest request) throws ApiException {
        return ensemble(request, null);
    }

    /** As {@link #ensemble(ApiRequest)}, the samples run {@code elsewhere} unless it is null: the same answer. */
    Responses.Ensemble ensemble(ApiRequest request, Elsewhere elsewhere) throws ApiException {
        Scenario s = scenarios.of(request);
        long t0 = System.nanoTime();
        EnsembleResult e = ensemble(s, request, elsewhere);
        double ms = (System.nanoTime() - t0) / 1e6;
        Set<String> vars = request.variables() == null ? null : Set.copyOf(request.variables());
        List<Responses.VariableValues> out = new ArrayList<>();
        int ps = e.percentiles().length;
        for (int v = 0; v < e.variables().size(); v++) {
            Result.VariableInfo info = e.variables().get(v);
            if (vars != null && !vars.contains(info.name())) continue;
            List<List<double[]>> byP = new ArrayList<>();
            for (int p = 0; p < ps; p++) {
                List<double[]> perRegion = new ArrayList<>();
                for (int r = 0; r < s.regions().size(); r++) perRegion.add(e.series(v, p, r));
                byP.add(perRegion);
            }
            out.add(new Responses.VariableValues(info.name(), info.unit(), info.producer(), byP));
        }
        return new Responses.Ensemble(s.name(), e.samples(), e.percentiles(), s.regions(), s.firstYear(), s.lastYear(),
                ms, out, leftOut.get());
    }

    private EnsembleResult ensemble(Scenario s, ApiRequest request, Elsewhere elsewhere) throws ApiException {
        int samples = samples(request);
        long cells = (long) samples * s.regions().size() * s.yearCount();
        if (cells > MAX_SAMPLE_CELLS)
            throw ApiException.unprocessable(samples + " samples × " + s.regions().size() + " regions × " + s.yearCount()
                    + " years = " + cells + " values per variable; the workbench draws at most " + MAX_SAMPLE_CELLS
                    + " (at most " + Math.max(1, MAX_SAMPLE_CELLS / ((long) s.regions().size() * s.yearCount()))
                    + " samples of this scenario)");
        EnsembleResult result;
        try {
            Ensemble e = Ensemble.of(scenarios.wire(s)).samples(samples).threads(Math.min(2, Runtime.getRuntime().availableProcessors()));
            if (request.seed() != null) e.seed(request.seed());
            result = elsewhere == null ? e.run() : elsewhere.ensemble(s, request.seed() != null ? request.seed() : s.seed(), samples);
        } catch (WiringException x) {
            throw ApiException.unprocessable(x.getMessage());
        } catch (RunException x) {
            throw ApiException.unprocessable("the ensemble failed: " + x.getMessage());
        }
        for (int v = 0; v < result.variables().size(); v++)
            for (int p = 0; p < result.percentiles().length; p++)
                for (int r = 0; r < s.regions().size(); r++)
                    for (double x : result.series(v, p, r))
                        if (!Double.isFinite(x))
                            throw ApiException.unprocessable("the ensemble failed: model " + result.variables().get(v).producer()
                                    + " left " + result.variables().get(v).name() + " without a value in some sample");
        return result;
    }

    private static int samples(ApiRequest request) throws ApiException {
        Integer n = request.samples();
        if (n == null) return 200;
        if (n < 1 || n > MAX_SAMPLES)
            throw ApiException.badRequest("\"samples\" must be a whole number from 1 to " + MAX_SAMPLES + ", got " + n);
        return n;
    }

    /**
     * The IAMC CSV of a run, or of an ensemble's percentiles when {@code samples} is given. A scenario with changes
     * and no {@code name} is exported as {@code <scenario>-modified}, in the file's name and in its Scenario column:
     * it is not the scenario it was changed from.
     */
    String export(ApiRequest request) throws ApiException {
        Scenario s = scenarios.of(named(request));
        StringWriter w = new StringWriter();
        try {
            if (request.samples() != null) IamcCsv.write(ensemble(s, request, null), w);
            else IamcCsv.write(run(s), w);
        } catch (IOException e) {
            throw ApiException.unprocessable("the results could not be written as IAMC CSV: " + e.getMessage());
        }
        return w.toString();
    }

    /** The request, named {@code <scenario>-modified} if it changes the scenario and gives no name of its own. */
    private ApiRequest named(ApiRequest r) throws ApiException {
        if (r.name() != null || (r.overrides().isEmpty() && r.uncertainty().isEmpty())) return r;
        String base = r.scenario() != null ? scenarios.load(r.scenario()).name() : scenarios.parse(r.text()).name();
        return new ApiRequest(r.scenario(), r.text(), r.overrides(), r.uncertainty(), r.with(), base + "-modified",
                r.description(), r.variables(), r.samples(), r.seed(), r.file(), r.overwrite(), r.preview());
    }

    /** The file name an export of this request is offered under. */
    String exportName(ApiRequest request) throws ApiException {
        String name = scenarios.of(named(request)).name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-")
                .replaceAll("^-+|-+$", "");
        return (name.isEmpty() ? "scenario" : name) + (request.samples() != null ? ".ensemble" : "") + ".csv";
    }
}
