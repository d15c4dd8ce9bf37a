package etw.testkit;

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
    private double[][] outputs; // [output][region * years + yearIndex]

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

    /** Runs every year; throws if the model leaves an output unset or not finite. */
    public ModelHarness run() {
        int years = lastYear - firstYear + 1;
        outputs = new double[descriptor.outputs().size()][regions.size() * years];
        for (double[] o : outputs) java.util.Arrays.fill(o, Double.NaN);
        for (Input in : descriptor.inputs()) {
            if (outputIndex(in.variable()) < 0 && !inputs.containsKey(in.variable()))
                throw new IllegalStateException("no values given for input " + in.variable());
            if (outputIndex(in.variable()) >= 0 && in.lag() == 0)
                throw new IllegalStateException("input " + in.variable() + " reads the model's own output without a lag");
        }
        Context ctx = new Context(years);
        for (int year = firstYear; year <= lastYear; year++) {
            ctx.year = year;
            model.step(ctx);
            for (Output o : descriptor.outputs())
                for (int r = 0; r < regions.size(); r++) {
                    double v = outputs[o.index()][r * years + year - firstYear];
                    if (!Double.isFinite(v))
                        throw new IllegalStateException(descriptor.id() + " left " + o.variable() + " = " + v
                                + " in " + regions.get(r) + " " + year);
                }
        }
        return this;
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
            return inputs.get(input.variable()).value(region, y);
        }

        @Override
        public double get(Parameter parameter, int region) {
            Series s = parameters.get(parameter.name());
            return s == null ? parameter.defaultValue() : s.value(region, year);
        }

        @Override
        public void set(Output output, int region, double value) {
            outputs[output.index()][region * years + year - firstYear] = value;
        }
    }
}
