package etw.testkit;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * Runs a single model year by year with inputs you give it, so its equations can be checked by hand. Inputs
 * that the model reads from its own outputs (with a lag) come from its own history, as in the engine.
 *
 * <pre>{@code
 * ModelHarness h = ModelHarness.of(new MyModel()).years(2024, 2030)
 *         .input("Final Energy|Electricity", (region, year) -> 1000.0 + year - 2024)
 *         .parameter("losses", 0.1)
 *         .run();
 * double v = h.output("Secondary Energy|Electricity", "World", 2030);
 * }</pre>
 *
 * <p>Every input the model does not read from its own outputs needs values: give them with {@link #input}, or
 * give one value for all the rest with {@link #defaultInputs(double)}. To check a model against every rule of
 * the engine at once (random parameters, determinism, step time), use {@link ModelContract}.
 */
public final class ModelHarness {

    /** A value per region index and year. */
    @FunctionalInterface
    public interface Series {
        double value(int region, int year);
    }

    private final Model model;
    private final ModelDescriptor descriptor;
    private List<String> regions = List.of("World");
    private int firstYear = 2024;
    private int lastYear = 2030;
    private final Map<String, Series> inputs = new HashMap<>();
    private final Map<String, Series> parameters = new HashMap<>();
    private Double defaultInput;
    private long stepLimitNanos = Long.MAX_VALUE;
    private double[][] outputs; // [output][region * years + yearIndex]
    private boolean[][] written; // [output][region * years + yearIndex]
    private long[] stepNanos;    // [yearIndex]

    // read by ModelContract's watchdog from another thread while a step runs
    private volatile boolean stepping;
    private volatile long stepStartNanos;
    private volatile int stepYear;

    private ModelHarness(Model model) {
        this.model = Objects.requireNonNull(model);
        this.descriptor = model.descriptor();
    }

    public static ModelHarness of(Model model) {
        return new ModelHarness(model);
    }

    public ModelHarness regions(String... names) {
        this.regions = List.of(names);
        return this;
    }

    public ModelHarness years(int first, int last) {
        this.firstYear = first;
        this.lastYear = last;
        return this;
    }

    public ModelHarness input(String variable, Series values) {
        inputs.put(variable, values);
        return this;
    }

    public ModelHarness input(String variable, double constant) {
        return input(variable, (r, y) -> constant);
    }

    public ModelHarness parameter(String name, Series values) {
        if (descriptor.parameter(name) == null)
            throw new IllegalArgumentException(descriptor.id() + " has no parameter " + name);
        parameters.put(name, values);
        return this;
    }

    public ModelHarness parameter(String name, double constant) {
        return parameter(name, (r, y) -> constant);
    }

    /**
     * Feeds {@code value}, in the input's declared unit, to every input that was not given with {@link #input}
     * and that the model does not read from its own outputs.
     */
    public ModelHarness defaultInputs(double value) {
        this.defaultInput = value;
        return this;
    }

    /**
     * Makes {@link #run()} fail as soon as one step (one year, all regions) takes longer than {@code limit},
     * measured with {@link System#nanoTime()}. Without it steps are timed but not limited.
     */
    public ModelHarness stepTimeLimit(Duration limit) {
        this.stepLimitNanos = limit.toNanos();
        return this;
    }

    /**
     * Runs every year; throws {@link IllegalStateException} if an input has no values, or the model leaves an
     * output unset or not finite, or a step overruns the {@link #stepTimeLimit}. An exception the model throws
     * is passed on unchanged.
     */
    public ModelHarness run() {
        int years = lastYear - firstYear + 1;
        if (years < 1) throw new IllegalArgumentException("last year " + lastYear + " is before first year " + firstYear);
        outputs = new double[descriptor.outputs().size()][regions.size() * years];
        written = new boolean[descriptor.outputs().size()][regions.size() * years];
        stepNanos = new long[years];
        for (double[] o : outputs) Arrays.fill(o, Double.NaN);
        for (Input in : descriptor.inputs()) {
            if (outputIndex(in.variable()) < 0 && !inputs.containsKey(in.variable()) && defaultInput == null)
                throw new Failure(Failure.Kind.SETUP, null, null, 0, Double.NaN, 0,
                        "no values given for input " + in.variable());
            if (outputIndex(in.variable()) >= 0 && in.lag() == 0)
                throw new Failure(Failure.Kind.SETUP, in.variable(), null, 0, Double.NaN, 0,
                        "input " + in.variable() + " reads the model's own output without a lag");
        }
        Context ctx = new Context(years);
        for (int year = firstYear; year <= lastYear; year++) {
            ctx.year = year;
            stepYear = year;
            long start = System.nanoTime();
            stepStartNanos = start;
            stepping = true;
            try {
                model.step(ctx);
            } finally {
                stepping = false;
            }
            long took = System.nanoTime() - start;
            stepNanos[year - firstYear] = took;
            if (took > stepLimitNanos)
                throw new Failure(Failure.Kind.SLOW, null, null, year, Double.NaN, took,
                        descriptor.id() + ": the step of " + year + " took " + millis(took)
                                + " ms, over the limit of " + millis(stepLimitNanos) + " ms");
            for (Output o : descriptor.outputs())
                for (int r = 0; r < regions.size(); r++) {
                    int slot = r * years + year - firstYear;
                    double v = outputs[o.index()][slot];
                    if (!written[o.index()][slot])
                        throw new Failure(Failure.Kind.UNSET, o.variable(), regions.get(r), year, v, took,
                                descriptor.id() + " did not set " + o.variable() + " in " + regions.get(r) + " " + year);
                    if (!Double.isFinite(v))
                        throw new Failure(Failure.Kind.NOT_FINITE, o.variable(), regions.get(r), year, v, took,
                                descriptor.id() + " left " + o.variable() + " = " + v + " in " + regions.get(r) + " " + year);
                }
        }
        return this;
    }

    /** How long the step of {@code year} took in the last {@link #run()} (all regions, wall-clock time). */
    public Duration stepTime(int year) {
        if (stepNanos == null) throw new IllegalStateException("run() first");
        if (year < firstYear || year > lastYear) throw new IllegalArgumentException("no year " + year);
        return Duration.ofNanos(stepNanos[year - firstYear]);
    }

    static String millis(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** The year whose step is running now or ran last ({@link ModelContract} names it when a step throws). */
    int stepYear() {
        return stepYear;
    }

    /** How long the step running now has been running, or -1 if no step is running. */
    long runningStepNanos() {
        if (!stepping) return -1;
        long elapsed = System.nanoTime() - stepStartNanos;
        return stepping ? elapsed : -1;
    }

    List<String> regionNames() {
        return regions;
    }

    /** An output's value by output index, region index and year, after {@link #run()}; raw, for comparisons. */
    double value(int output, int region, int year) {
        return outputs[output][region * (lastYear - firstYear + 1) + year - firstYear];
    }

    /** What {@link #run()} throws for a broken rule, with the facts {@link ModelContract} reports. */
    static final class Failure extends IllegalStateException {
        enum Kind { SETUP, UNSET, NOT_FINITE, SLOW }

        final Kind kind;
        final String variable;
        final String region;
        final int year;
        final double value;
        final long nanos;

        Failure(Kind kind, String variable, String region, int year, double value, long nanos, String message) {
            super(message);
            this.kind = kind;
            this.variable = variable;
            this.region = region;
            this.year = year;
            this.value = value;
            this.nanos = nanos;
        }
    }

    /** An output's value after {@link #run()}. */
    public double output(String variable, String region, int year) {
        int o = outputIndex(variable);
        if (o < 0) throw new IllegalArgumentException(descriptor.id() + " has no output " + variable);
        int r = regions.indexOf(region);
        if (r < 0) throw new IllegalArgumentException("no region " + region);
        return outputs[o][r * (lastYear - firstYear + 1) + year - firstYear];
    }

    /** The output in the first region ({@code World} unless {@link #regions} said otherwise). */
    public double output(String variable, int year) {
        return output(variable, regions.get(0), year);
    }

    private int outputIndex(String variable) {
        for (Output o : descriptor.outputs()) if (o.variable().equals(variable)) return o.index();
        return -1;
    }

    private final class Context implements StepContext {
        private final int years;
        private int year;

        Context(int years) {
            this.years = years;
        }

        @Override public int year() { return year; }

        @Override public int firstYear() { return firstYear; }

        @Override public int regionCount() { return regions.size(); }

        @Override public String regionName(int region) { return regions.get(region); }

        @Override
        public double get(Input input, int region) {
            int y = year - input.lag();
            if (y < firstYear && input.lag() > 0) return input.initialValue();
            int own = outputIndex(input.variable());
            if (own >= 0) return outputs[own][region * years + y - firstYear];
            Series given = inputs.get(input.variable());
            return given != null ? given.value(region, y) : defaultInput;
        }

        @Override
        public double get(Parameter parameter, int region) {
            Series s = parameters.get(parameter.name());
            return s == null ? parameter.defaultValue() : s.value(region, year);
        }

        @Override
        public void set(Output output, int region, double value) {
            int slot = region * years + year - firstYear;
            outputs[output.index()][slot] = value;
            written[output.index()][slot] = true;
        }
    }
}
