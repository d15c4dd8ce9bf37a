package etw.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a model declares: its id, a title, and the inputs, outputs and parameters it uses, in index order.
 * Immutable. Build one with {@link #builder(String, String)}, keeping the handles the builder returns:
 *
 * <pre>{@code
 * ModelDescriptor.Builder b = ModelDescriptor.builder("etw.models.example", "Example");
 * Input demand = b.input("Final Energy|Electricity", "TWh/yr", "Total demand");
 * Output out = b.output("Secondary Energy|Electricity", "TWh/yr", "Generation");
 * Parameter losses = b.parameter("losses", "1", 0.1, 0, 0.5, "Grid losses", "assumption");
 * ModelDescriptor descriptor = b.build();
 * }</pre>
 */
public final class ModelDescriptor {
    private final String id;
    private final String title;
    private final String description;
    private final List<Input> inputs;
    private final List<Output> outputs;
    private final List<Parameter> parameters;
    private final List<SoftRange> softRanges;
    private final List<String> headlines;
    private final boolean optIn;
    private final boolean joinsByDefault;

    private ModelDescriptor(Builder b) {
        if (b.optIn && b.joinsByDefault)
            throw new IllegalArgumentException(b.id + " is declared both optIn() and joinsByDefault(); choose one");
        this.optIn = b.optIn;
        this.joinsByDefault = b.joinsByDefault;
        this.id = b.id;
        this.title = b.title;
        this.description = b.description;
        this.inputs = List.copyOf(b.inputs);
        this.outputs = List.copyOf(b.outputs);
        this.parameters = List.copyOf(b.parameters);
        this.softRanges = List.copyOf(b.softRanges);
        this.headlines = List.copyOf(b.headlines);
    }

    /** Starts a descriptor. The id should begin with the bundle's symbolic name, e.g. {@code etw.models.datacenter}. */
    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    public String id() { return id; }

    public String title() { return title; }

    /** Longer text: what the model computes and its equations; may be empty. */
    public String description() { return description; }

    public List<Input> inputs() { return inputs; }

    public List<Output> outputs() { return outputs; }

    public List<Parameter> parameters() { return parameters; }

    /**
     * The plausibility ranges the model declares for its outputs, in declaration order; a result outside one is a
     * warning of the run, never an error.
     *
     * @since 2.1
     */
    public List<SoftRange> softRanges() { return softRanges; }

    /**
     * The outputs the model asks summaries to show among the headline results (the CLI's run summary, the
     * report's tables), after the distribution's own headlines, in declaration order.
     *
     * @since 2.1
     */
    public List<String> headlines() { return headlines; }

    /**
     * True if the model takes part in a scenario only when asked: the scenario lists it under {@code models}, or
     * sets or varies one of its parameters. For analyses that are costly or answer a narrower question than the
     * system model (an hourly accounting for one consumer, say).
     *
     * @since 1.1
     */
    public boolean optIn() { return optIn; }

    /**
     * True if the author declares that this model, though installed as a plugin, joins scenarios that do not
     * list their models, as the distribution's own models do. By default a plugin's model joins only a scenario
     * that names it (under {@code models:} or {@code with:}, or by setting or varying one of its parameters) or a
     * run given {@code --with}. Canned scenarios list their models, so no plugin ever changes them.
     *
     * @since 2.0
     */
    public boolean joinsByDefault() { return joinsByDefault; }

    /** The parameter with this name, or null. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) if (p.name().equals(name)) return p;
        return null;
    }

    @Override
    public String toString() {
        return id;
    }

    /** Collects a model's declarations; each call returns the handle the model uses while stepping. */
    public static final class Builder {
        private final String id;
        private final String title;
        private String description = "";
        private boolean optIn;
        private boolean joinsByDefault;
        private final Set<String> inputKeys = new HashSet<>();
        private final List<Input> inputs = new ArrayList<>();
        private final List<Output> outputs = new ArrayList<>();
        private final List<Parameter> parameters = new ArrayList<>();
        private final List<SoftRange> softRanges = new ArrayList<>();
        private final List<String> headlines = new ArrayList<>();
        private final Set<String> outputNames = new HashSet<>();
        private final Set<String> parameterNames = new HashSet<>();

        private Builder(String id, String title) {
            if (id == null || id.isBlank()) throw new IllegalArgumentException("model id must not be blank");
            this.id = id;
            this.title = Objects.requireNonNull(title, "title");
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text);
            return this;
        }

        /** Makes the model opt-in (see {@link ModelDescriptor#optIn()}). */
        public Builder optIn() {
            this.optIn = true;
            return this;
        }

        /** Declares that a plugin's model joins scenarios without a models list (see {@link ModelDescriptor#joinsByDefault()}). */
        public Builder joinsByDefault() {
            this.joinsByDefault = true;
            return this;
        }

        /** Declares an input read in the same year (lag 0). */
        public Input input(String variable, String unit, String description) {
            return laggedInput(variable, unit, 0, 0.0, description);
        }

        /** Declares an input read {@code lag} years back, with {@code initialValue} before the first year. */
        public Input laggedInput(String variable, String unit, int lag, double initialValue, String description) {
            if (!inputKeys.add(lag + "\n" + variable))
                throw new IllegalArgumentException(id + " declares input " + variable + (lag > 0 ? " with lag " + lag : "")
                        + " twice; it would be read twice. Declare it once and keep the handle");
            Input in = new Input(inputs.size(), variable, unit, lag, initialValue, description);
            inputs.add(in);
            return in;
        }

        public Output output(String variable, String unit, String description) {
            if (!outputNames.add(variable))
                throw new IllegalArgumentException(id + " declares output " + variable + " twice");
            Output out = new Output(outputs.size(), variable, unit, description);
            outputs.add(out);
            return out;
        }

        public Parameter parameter(String name, String unit, double defaultValue, double min, double max,
                                   String description, String source) {
            if (!parameterNames.add(name))
                throw new IllegalArgumentException(id + " declares parameter " + name + " twice");
            Parameter p = new Parameter(parameters.size(), name, unit, defaultValue, min, max, description, source);
            parameters.add(p);
            return p;
        }

        /**
         * Declares a plausibility range for one of this model's outputs (see {@link SoftRange}).
         *
         * @throws IllegalArgumentException if the range concerns a variable this builder did not declare as output
         * @since 2.1
         */
        public Builder softRange(SoftRange range) {
            Objects.requireNonNull(range, "range");
            if (!outputNames.contains(range.variable()))
                throw new IllegalArgumentException(id + " declares a soft range for " + range.variable()
                        + ", which is not one of its outputs; declare the output first");
            softRanges.add(range);
            return this;
        }

        /**
         * Asks summaries to show this output among the headline results (see {@link ModelDescriptor#headlines()}).
         *
         * @throws IllegalArgumentException if the output was not declared by this builder
         * @since 2.1
         */
        public Builder headline(Output output) {
            Objects.requireNonNull(output, "output");
            if (output.index() >= outputs.size() || outputs.get(output.index()) != output)
                throw new IllegalArgumentException(id + " asks for a headline of " + output.variable()
                        + ", which is not one of its outputs; pass a handle this builder returned");
            if (!headlines.contains(output.variable())) headlines.add(output.variable());
            return this;
        }

        public ModelDescriptor build() {
            return new ModelDescriptor(this);
        }
    }
}
