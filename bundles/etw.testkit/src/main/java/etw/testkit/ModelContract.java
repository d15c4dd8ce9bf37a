package etw.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.Units;

/**
 * Checks a model against the rules the engine enforces (see the {@code etw.api} package documentation), without
 * the engine or OSGi. Call it from any test framework: a broken rule throws {@link AssertionError} with a message
 * naming the model, the rule, the variable, region and year, and every parameter value of the failing run.
 *
 * <pre>{@code
 * @Test
 * void honoursTheModelContract() {
 *     ModelContract.verify(new MyModel());
 * }
 *
 * // or, with inputs from other models and other settings:
 * ModelContract.of(new MyModel())
 *         .input("Final Energy|Electricity", 25_000)     // in the input's declared unit
 *         .years(2024, 2100)
 *         .draws(500)
 *         .check();
 * }</pre>
 *
 * <p>What {@link #check()} checks, in this order:
 * <ol>
 * <li><b>Declaration</b>: {@code descriptor()} returns the same object every time; the id is not blank; there
 * is at least one output; every input and output has a unit the engine understands ({@link Units}; the
 * engine converts these at wiring); every parameter has a unit (not checked further: the engine does not convert
 * parameters), a description and a source (a citation, or {@code "assumption: why"}); no lag-0 input reads the
 * model's own output. A <em>warning</em> (see {@link #warnings()}) for a flow variable ({@code Final Energy},
 * {@code Secondary Energy}, {@code Primary Energy}, {@code Emissions}, {@code Investment}, ...) whose unit is not
 * per time: {@code TWh} where {@code TWh/yr} is meant.</li>
 * <li><b>A Declarative Services component</b>: a top-level model class must carry {@code @Component} (read from
 * the class file, where the annotation is kept), or the workbench installs the bundle and never sees the model;
 * a warning if bnd's {@code OSGI-INF/<class>.xml} is not beside the classes. Nested and anonymous classes (test
 * doubles) are not checked unless {@link #component(boolean) component(true)}.</li>
 * <li><b>Among the installed models</b>, when given with {@link #installed(Collection)}: no input that nobody
 * writes is a near miss of a written variable ({@code Final Energy|Electricty}); no cycle of lag-0 inputs runs
 * through this model and the installed ones (the cycle is printed); a warning for an output below a parent that
 * is a near miss of a known variable (it would not add to that total).</li>
 * <li><b>Every output, every region, every year</b>, set to a finite number: in a run with the defaults, with
 * each parameter at its {@code min} and at its {@code max} (the others at their defaults), with all parameters
 * at their {@code min} and all at their {@code max}, and in {@link #draws(int) N} random draws (default 100,
 * fixed {@link #seed(long) seed}) uniform inside every parameter's {@code [min, max]}; every other draw gives each
 * parameter a straight-line trajectory between two random values, as a scenario may.</li>
 * <li><b>Determinism</b>: the default run, the all-min and all-max runs and every tenth draw are run twice on the
 * same model object and must give bit-identical outputs (this also catches state kept between steps or runs).</li>
 * <li><b>No shared state</b>: those runs (up to eight) are then run again all at once, each twice, on
 * {@link #threads(int) threads} sharing the one model object, as the engine shares it between concurrent runs
 * and ensemble samples, and each must give the bit-identical outputs of its run alone (this catches fields used
 * as scratch space within a step).</li>
 * <li><b>Step time</b>: every step (one year, all regions) must return within {@link #stepTimeLimit(Duration)}
 * (default 100 ms), measured with {@link System#nanoTime()}. A run with a step over the limit is timed once more
 * before it fails, so one pause of the machine does not fail a build. A step still running after ten times the
 * limit (at least 1 s) is abandoned and fails the check.</li>
 * </ol>
 *
 * <p>Inputs: every input the model does not read from its own outputs gets a constant {@code 1.0} in its
 * declared unit unless given with {@link #input}; give realistic values where 1.0 is not a sensible value for
 * the model. Regions default to {@code "Region 1", "Region 2"} (two, so a model that only fills region 0 fails),
 * years to 2024-2050.
 */
public final class ModelContract {

    /** Default number of random parameter draws. */
    public static final int DEFAULT_DRAWS = 100;
    /** Default seed of the random draws. */
    public static final long DEFAULT_SEED = 20240101L;
    /** Default limit on one step. */
    public static final Duration DEFAULT_STEP_LIMIT = Duration.ofMillis(100);
    /** Default value of every input the model does not write itself, in the input's unit. */
    public static final double DEFAULT_INPUT = 1.0;

    private final Model model;
    private List<String> regions = List.of("Region 1", "Region 2");
    private int firstYear = 2024;
    private int lastYear = 2050;
    private final Map<String, ModelHarness.Series> inputs = new LinkedHashMap<>();
    private double defaultInput = DEFAULT_INPUT;
    private int draws = DEFAULT_DRAWS;
    private long seed = DEFAULT_SEED;
    private Duration stepLimit = DEFAULT_STEP_LIMIT;
    private List<ModelDescriptor> installed; // null: not given
    private Boolean component;               // null: check top-level classes only
    private boolean failOnWarnings;
    private int threads = 4;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<Map.Entry<Run, ModelHarness>> references = new ArrayList<>(); // for the parallel check

    private volatile ModelDescriptor descriptor;
    private volatile ModelHarness current; // the run in progress, watched for steps that never return

    private ModelContract(Model model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Starts a contract check of {@code model}; finish with {@link #check()}. */
    public static ModelContract of(Model model) {
        return new ModelContract(model);
    }

    /** Checks {@code model} with every default: {@code ModelContract.of(model).check()}. */
    public static void verify(Model model) {
        of(model).check();
    }

    /** The regions of every run (default {@code "Region 1", "Region 2"}). */
    public ModelContract regions(String... names) {
        if (names.length == 0) throw new IllegalArgumentException("give at least one region");
        this.regions = List.of(names);
        return this;
    }

    /** The years of every run (default 2024 to 2050). */
    public ModelContract years(int first, int last) {
        if (last < first) throw new IllegalArgumentException("last year " + last + " is before first year " + first);
        this.firstYear = first;
        this.lastYear = last;
        return this;
    }

    /** Values of an input the model reads from another model, in the input's declared unit. */
    public ModelContract input(String variable, ModelHarness.Series values) {
        inputs.put(Objects.requireNonNull(variable), Objects.requireNonNull(values));
        return this;
    }

    /** A constant value of an input the model reads from another model, in the input's declared unit. */
    public ModelContract input(String variable, double constant) {
        return input(variable, (r, y) -> constant);
    }

    /** The value of every input not given with {@link #input} (default {@value #DEFAULT_INPUT}). */
    public ModelContract defaultInputs(double value) {
        this.defaultInput = value;
        return this;
    }

    /** Number of random parameter draws (default {@value #DEFAULT_DRAWS}); 0 checks defaults and edges only. */
    public ModelContract draws(int n) {
        if (n < 0) throw new IllegalArgumentException("draws must be >= 0");
        this.draws = n;
        return this;
    }

    /** Seed of the random draws (default {@value #DEFAULT_SEED}); the same seed gives the same draws. */
    public ModelContract seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The longest one step may take (default 100 ms). */
    public ModelContract stepTimeLimit(Duration limit) {
        if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("step time limit must be > 0");
        this.stepLimit = limit;
        return this;
    }

    /**
     * The descriptors of the models installed beside this one (the workbench's own, other plugins), to check this
     * model's inputs and lag-0 cycles against them. The model's own descriptor may be among them.
     */
    public ModelContract installed(Collection<ModelDescriptor> descriptors) {
        this.installed = List.copyOf(descriptors);
        return this;
    }

    /**
     * {@link #installed(Collection)} with every model on the class path that {@link ServiceLoader} finds through
     * {@code META-INF/services/etw.api.Model} files (the workbench's model bundles declare theirs): for plain
     * JUnit tests that have the workbench's model bundles as test dependencies.
     */
    public ModelContract installedOnClasspath() {
        List<ModelDescriptor> found = new ArrayList<>();
        for (Model m : ServiceLoader.load(Model.class, model.getClass().getClassLoader())) found.add(m.descriptor());
        return installed(found);
    }

    /**
     * Whether the model class must be a Declarative Services {@code @Component} (default: checked for top-level
     * classes, not for nested or anonymous ones).
     */
    public ModelContract component(boolean required) {
        this.component = required;
        return this;
    }

    /** Makes {@link #check()} fail on a warning too (see {@link #warnings()}). */
    public ModelContract failOnWarnings() {
        this.failOnWarnings = true;
        return this;
    }

    /** Number of threads that run the model at once in the shared-state check (default 4, at least 2). */
    public ModelContract threads(int n) {
        if (n < 2) throw new IllegalArgumentException("threads must be >= 2");
        this.threads = n;
        return this;
    }

    /**
     * What the last {@link #check()} found suspicious without failing (also printed to standard error): a flow
     * variable without a per-time unit, a missing component XML, an output below a misspelt parent.
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Runs every check.
     *
     * @throws AssertionError at the first broken rule, naming the model, the rule, where and with which values
     */
    public void check() {
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                checkAll();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "etw-model-contract");
        worker.setDaemon(true);
        worker.start();
        long hangNanos = Math.max(Duration.ofSeconds(1).toNanos(), stepLimit.toNanos() * 10);
        try {
            while (worker.isAlive()) {
                worker.join(10);
                ModelHarness h = current;
                long running = h == null ? -1 : h.runningStepNanos();
                if (running > hangNanos) {
                    worker.interrupt();
                    throw new AssertionError(headline() + "the step of " + h.stepYear() + " did not return within "
                            + ModelHarness.millis(running) + " ms (limit " + ModelHarness.millis(stepLimit.toNanos())
                            + " ms); it was abandoned. A step must return promptly." + context(currentRun));
                }
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new AssertionError(headline() + "interrupted while checking", e);
        }
        Throwable t = failure[0];
        if (t instanceof AssertionError a) throw a;
        if (t instanceof Error e) throw e;
        if (t != null) throw new AssertionError(headline() + "the check itself failed: " + t, t);
        for (String w : warnings) System.err.println("ModelContract warning for " + descriptor.id() + ": " + w);
        if (failOnWarnings && !warnings.isEmpty())
            throw new AssertionError(headline() + String.join("\n  ", warnings) + "\n  (failOnWarnings)");
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One configuration of parameter values: what a run used, for messages. */
    private record Run(String label, Map<Parameter, Setting> settings) {
    }

    /** A parameter value: a constant, or a straight line from {@code from} in the first year to {@code to}. */
    private record Setting(double from, double to, boolean trajectory) {
        static Setting constant(double v) {
            return new Setting(v, v, false);
        }
    }

    private volatile Run currentRun;

    private void checkAll() {
        warnings.clear();
        references.clear();
        descriptor = checkDeclaration();
        checkComponent();
        if (installed != null) checkCatalogue();
        List<Parameter> params = descriptor.parameters();

        Run defaults = run("the defaults", Map.of());
        runTwiceAndCompare(defaults);

        for (Parameter p : params) {
            runAndCheck(run("parameter " + p.name() + " at its min (others at their defaults)",
                    Map.of(p, Setting.constant(finite(p.min())))));
            runAndCheck(run("parameter " + p.name() + " at its max (others at their defaults)",
                    Map.of(p, Setting.constant(finite(p.max())))));
        }
        if (!params.isEmpty()) {
            Map<Parameter, Setting> mins = new LinkedHashMap<>();
            Map<Parameter, Setting> maxs = new LinkedHashMap<>();
            for (Parameter p : params) {
                mins.put(p, Setting.constant(finite(p.min())));
                maxs.put(p, Setting.constant(finite(p.max())));
            }
            runTwiceAndCompare(run("every parameter at its min", mins));
            runTwiceAndCompare(run("every parameter at its max", maxs));
        }

        Random random = new Random(seed);
        for (int d = 1; d <= draws && !params.isEmpty(); d++) {
            boolean trajectories = d % 2 == 0;
            Map<Parameter, Setting> values = new LinkedHashMap<>();
            for (Parameter p : params) {
                double a = uniform(random, p);
                double b = trajectories ? uniform(random, p) : a;
                values.put(p, new Setting(a, b, trajectories));
            }
            Run r = run("random draw " + d + " of " + draws + " (seed " + seed + ")"
                    + (trajectories ? ", parameters as straight-line trajectories" : ""), values);
            if (d % 10 == 1) runTwiceAndCompare(r);
            else runAndCheck(r);
        }
        checkInParallel();
    }

    private ModelDescriptor checkDeclaration() {
        ModelDescriptor d = model.descriptor();
        String name = model.getClass().getName();
        if (d == null) throw new AssertionError("Model contract broken by " + name + ": descriptor() returned null");
        this.descriptor = d;
        if (model.descriptor() != d)
            fail("descriptor() returned a different object on the second call; build the descriptor once, in the "
                    + "constructor, and return that object every time", null);
        if (d.id() == null || d.id().isBlank()) fail("the model id is blank", null);
        for (Input in : d.inputs()) unit("input", in.variable(), in.unit());
        for (Output out : d.outputs()) unit("output", out.variable(), out.unit());
        for (Input in : d.inputs()) flow("input", in.variable(), in.unit());
        for (Output out : d.outputs()) flow("output", out.variable(), out.unit());
        for (Parameter p : d.parameters()) {
            // the engine converts only input and output units; a parameter's unit is shown to people and may be a
            // word the engine does not parse ("year" for a calendar year), but it must be there
            if (p.unit().isBlank())
                fail("parameter " + p.name() + " has no unit; use \"1\" for a plain number or a fraction", null);
            if (p.description().isBlank())
                fail("parameter " + p.name() + " has no description; say in one line what it is", null);
            if (p.source().isBlank())
                fail("parameter " + p.name() + " has no source; name where the default " + p.defaultValue()
                        + " comes from, or write \"assumption: why\"", null);
        }
        if (d.outputs().isEmpty()) fail("the model declares no outputs", null);
        for (Input in : d.inputs())
            for (Output out : d.outputs())
                if (in.variable().equals(out.variable()) && in.lag() == 0)
                    fail("input " + in.variable() + " reads the model's own output without a lag; read it with "
                            + "laggedInput(..., 1, initialValue, ...)", null);
        return d;
    }

    private void unit(String what, String name, String unit) {
        try {
            Units.parse(unit);
        } catch (IllegalArgumentException e) {
            fail(what + " " + name + " has unit '" + unit + "', which the engine does not understand: "
                    + e.getMessage(), null);
        }
    }

    /** IAMC roots whose variables are flows: an amount per period, so a unit per time. */
    static final List<String> FLOW_ROOTS = List.of("Final Energy", "Secondary Energy", "Primary Energy",
            "Useful Energy", "Emissions", "Investment", "Production", "Consumption", "Trade", "Carbon Sequestration",
            "Carbon Capture", "Sales", "Generation", "Energy Service");

    private void flow(String what, String name, String unit) {
        String root = name.contains("|") ? name.substring(0, name.indexOf('|')) : name;
        if (!FLOW_ROOTS.contains(root)) return;
        Map<String, Integer> dim = Units.parse(unit).dimension();
        if (dim.isEmpty() || dim.getOrDefault("h", 0) < 0) return; // a share, or per time: fine
        warnings.add(what + " " + name + " is a flow (" + root + " is an amount per year in IAMC) but its unit '"
                + unit + "' is not per time; write '" + unit + "/yr'" + (dim.containsKey("W") && dim.size() == 1
                ? " for energy, or name it Capacity|... if it is a capacity" : ""));
    }

    private void checkComponent() {
        Class<?> type = model.getClass();
        boolean testDouble = type.isAnonymousClass() || type.isLocalClass() || type.getEnclosingClass() != null
                || type.isSynthetic() || type.isHidden();
        if (Boolean.FALSE.equals(component) || component == null && testDouble) return;
        ComponentCheck.Found found = ComponentCheck.of(type);
        if (!found.classFileRead() && !found.xml()) {
            warnings.add("could not read the class file of " + type.getName() + " to look for @Component");
            return;
        }
        if (!found.annotation() && !found.xml())
            fail("class " + type.getName() + " is not a Declarative Services component: it carries no @Component "
                    + "(org.osgi.service.component.annotations) and there is no OSGI-INF/" + type.getName()
                    + ".xml. In the workbench the bundle would start and register no model; annotate the class with "
                    + "@Component(service = Model.class)", null);
        if (found.annotation() && !found.xml())
            warnings.add("class " + type.getName() + " carries @Component, but OSGI-INF/" + type.getName()
                    + ".xml is not beside the classes: bnd-maven-plugin writes it (bnd-process goal) and without it "
                    + "the bundle registers no model. Expected when tests run in an IDE that skips bnd");
    }

    private void checkCatalogue() {
        Catalogue c = new Catalogue(descriptor, installed);
        List<String> typos = c.inputTypos();
        if (!typos.isEmpty()) fail(String.join("\n  ", typos), null);
        String cycle = c.lagZeroCycle();
        if (cycle != null)
            fail("a cycle of lag-0 inputs with the installed models: " + cycle + ". The engine refuses it at wiring; "
                    + "break it by reading one of these variables with a lag (laggedInput(..., 1, initialValue, ...))",
                    null);
        warnings.addAll(c.outputTypos());
    }

    /** The reference runs again, all at once, each twice, sharing the model object; each must match itself alone. */
    private void checkInParallel() {
        if (references.isEmpty()) return;
        List<Map.Entry<Run, ModelHarness>> jobs = new ArrayList<>();
        while (jobs.size() < Math.max(threads, 2 * references.size()))
            jobs.add(references.get(jobs.size() % references.size()));
        CountDownLatch start = new CountDownLatch(1);
        Throwable[] thrown = new Throwable[jobs.size()];
        ModelHarness[] results = new ModelHarness[jobs.size()];
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            int job = i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    results[job] = harness(jobs.get(job).getKey()).run();
                } catch (Throwable e) {
                    thrown[job] = e;
                }
            }, "etw-model-contract-parallel-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        start.countDown();
        long deadline = System.nanoTime() + Math.max(TimeUnit.SECONDS.toNanos(30), stepLimit.toNanos() * 10
                * (lastYear - firstYear + 1) * jobs.size());
        for (Thread t : workers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw fail("interrupted while running in parallel", null);
            }
            if (t.isAlive()) {
                workers.forEach(Thread::interrupt);
                throw fail(jobs.size() + " runs sharing the model object on " + jobs.size() + " threads did not finish "
                        + "within " + TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime() + 1) + " s: does "
                        + "step() lock or wait on something shared?", null);
            }
        }
        for (int i = 0; i < jobs.size(); i++) {
            Run run = jobs.get(i).getKey();
            if (thrown[i] != null)
                throw fail("with " + jobs.size() + " runs sharing the model object on as many threads, this run failed: "
                        + thrown[i] + "; alone it passed. A model object serves concurrent runs: keep no state in fields",
                        run, thrown[i]);
            ModelHarness alone = jobs.get(i).getValue();
            for (Output o : descriptor.outputs())
                for (int r = 0; r < regions.size(); r++)
                    for (int y = firstYear; y <= lastYear; y++) {
                        double a = alone.value(o.index(), r, y);
                        double b = results[i].value(o.index(), r, y);
                        if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b))
                            throw fail("state shared between runs: run alone, it gives " + o.variable() + " = " + a
                                    + " in " + regions.get(r) + " " + y + ", but " + b + " while " + (jobs.size() - 1)
                                    + " other runs use the same model object on other threads. The engine shares one "
                                    + "model object between concurrent runs and ensemble samples: keep no state in "
                                    + "fields, not even scratch space within a step; use local variables", run);
                    }
        }
    }

    private Run run(String label, Map<Parameter, Setting> settings) {
        return new Run(label, settings);
    }

    /** Runs once and checks outputs and step time; a slow run is timed once more before it fails. */
    private ModelHarness runAndCheck(Run run) {
        currentRun = run;
        try {
            return execute(run);
        } catch (ModelHarness.Failure f) {
            if (f.kind != ModelHarness.Failure.Kind.SLOW) throw failure(f, run);
            try {
                return execute(run);
            } catch (ModelHarness.Failure again) {
                if (again.kind == ModelHarness.Failure.Kind.SLOW)
                    throw fail("the step of " + again.year + " took " + ModelHarness.millis(again.nanos)
                            + " ms, over the limit of " + ModelHarness.millis(stepLimit.toNanos()) + " ms (first try: "
                            + ModelHarness.millis(f.nanos) + " ms in " + f.year + "); a step must return promptly", run);
                throw failure(again, run);
            }
        }
    }

    private void runTwiceAndCompare(Run run) {
        ModelHarness first = runAndCheck(run);
        ModelHarness second = runAndCheck(run);
        if (references.size() < 8) references.add(Map.entry(run, first));
        for (Output o : descriptor.outputs())
            for (int r = 0; r < regions.size(); r++)
                for (int y = firstYear; y <= lastYear; y++) {
                    double a = first.value(o.index(), r, y);
                    double b = second.value(o.index(), r, y);
                    if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b))
                        throw fail("not deterministic: two runs with the same parameters and inputs gave "
                                + o.variable() + " = " + a + " and then " + b + " in " + regions.get(r) + " " + y
                                + "; a step must depend only on its inputs, parameters, year and region "
                                + "(no static or instance state, no clock, no unseeded randomness)", run);
                }
    }

    /** A harness for {@code run}, without a step limit. */
    private ModelHarness harness(Run run) {
        ModelHarness h = ModelHarness.of(model)
                .regions(regions.toArray(String[]::new))
                .years(firstYear, lastYear)
                .defaultInputs(defaultInput);
        inputs.forEach(h::input);
        run.settings().forEach((p, s) -> h.parameter(p.name(), series(s)));
        return h;
    }

    private ModelHarness execute(Run run) {
        ModelHarness h = harness(run).stepTimeLimit(stepLimit);
        current = h;
        try {
            return h.run();
        } catch (ModelHarness.Failure f) {
            throw f;
        } catch (RuntimeException e) {
            throw fail("the step of " + h.stepYear() + " threw " + e, run, e);
        } finally {
            current = null;
        }
    }

    private ModelHarness.Series series(Setting s) {
        if (!s.trajectory()) {
            double v = s.from();
            return (r, y) -> v;
        }
        int span = lastYear - firstYear;
        return (r, y) -> {
            if (span == 0) return s.from();
            double t = Math.min(1, Math.max(0, (y - firstYear) / (double) span));
            double lo = Math.min(s.from(), s.to());
            double hi = Math.max(s.from(), s.to());
            return Math.min(hi, Math.max(lo, s.from() * (1 - t) + s.to() * t));
        };
    }

    private static double uniform(Random random, Parameter p) {
        double lo = finite(p.min());
        double hi = finite(p.max());
        double u = random.nextDouble();
        double v = lo * (1 - u) + hi * u; // no overflow even for the widest finite range
        return Math.min(hi, Math.max(lo, v));
    }

    /** An infinite end of a range is drawn as the largest finite value. */
    private static double finite(double v) {
        if (v == Double.POSITIVE_INFINITY) return Double.MAX_VALUE;
        if (v == Double.NEGATIVE_INFINITY) return -Double.MAX_VALUE;
        return v;
    }

    private AssertionError failure(ModelHarness.Failure f, Run run) {
        return switch (f.kind) {
            case UNSET -> fail("output " + f.variable + " was not set in " + f.region + " " + f.year
                    + "; a step must set every declared output for every region", run);
            case NOT_FINITE -> fail("output " + f.variable + " = " + f.value + " in " + f.region + " " + f.year
                    + "; every output must be a finite number for every parameter value inside the declared ranges "
                    + "(narrow a range if the model cannot work there; give realistic inputs with input(...) if 1.0 is not "
                    + "one)", run);
            case SETUP -> fail(f.getMessage(), run);
            case SLOW -> fail(f.getMessage(), run);
        };
    }

    private AssertionError fail(String problem, Run run) {
        return fail(problem, run, null);
    }

    private AssertionError fail(String problem, Run run, Throwable cause) {
        AssertionError e = new AssertionError(headline() + problem + context(run));
        if (cause != null) e.initCause(cause);
        throw e;
    }

    private String headline() {
        ModelDescriptor d = descriptor;
        String who = d == null ? model.getClass().getName() : d.id() + " (" + d.title() + ", " + model.getClass().getName() + ")";
        return "Model contract broken by " + who + ":\n  ";
    }

    private String context(Run run) {
        if (run == null || descriptor == null) return "";
        StringBuilder sb = new StringBuilder();
        sb.append("\n  run: ").append(run.label()).append(", years ").append(firstYear).append('-').append(lastYear)
                .append(", regions ").append(regions);
        StringJoiner params = new StringJoiner(", ");
        for (Parameter p : descriptor.parameters()) {
            Setting s = run.settings().get(p);
            String v;
            if (s == null) v = p.defaultValue() + " (default)";
            else if (s.trajectory()) v = s.from() + " in " + firstYear + " to " + s.to() + " in " + lastYear + " (linear)";
            else v = Double.toString(s.from());
            params.add(p.name() + " = " + v);
        }
        sb.append("\n  parameters: ").append(descriptor.parameters().isEmpty() ? "none" : params.toString());
        List<String> external = new ArrayList<>();
        for (Input in : descriptor.inputs()) {
            boolean own = descriptor.outputs().stream().anyMatch(o -> o.variable().equals(in.variable()));
            if (own) continue;
            external.add(in.variable() + (inputs.containsKey(in.variable()) ? " = given with input(...)"
                    : " = " + defaultInput + " " + in.unit() + " (default)"));
        }
        if (!external.isEmpty()) sb.append("\n  inputs: ").append(String.join(", ", external));
        return sb.toString();
    }
}
