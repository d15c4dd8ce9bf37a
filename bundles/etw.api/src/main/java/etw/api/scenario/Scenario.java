package etw.api.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scenario: which regions and years to run, parameter settings per model, and exogenous data. Immutable;
 * made by the scenario parser or by {@link #builder(String)}.
 *
 * @param name        short name, used in exports ({@code Scenario} column)
 * @param description one paragraph for people
 * @param regions     region names, in the order results list them
 * @param firstYear   first simulated year (the base year)
 * @param lastYear    last simulated year, inclusive
 * @param seed        seed for anything random (ensembles); runs with the same seed are bit-identical
 * @param models      ids of the models taking part; empty means the default set (see the {@code etw.api} package)
 * @param with        ids of models that join in addition to {@code models} or the default set (plugins named
 *                    by the scenario's {@code with:} or by {@code --with})
 * @param parameters  model id to (parameter name to value)
 * @param exogenous   variable name to data supplied by the scenario instead of a model
 * @param uncertainty model id to (parameter name to distribution), for ensembles
 * @param source      where the scenario came from (a file path or {@code canned:name}); may be empty
 * @param text        the scenario's source text; may be empty
 * @param files       every file the scenario was read from (its own, what it extends, its data files), path to
 *                    SHA-256 (hex) of the bytes read, for run manifests
 */
public record Scenario(String name, String description, List<String> regions, int firstYear, int lastYear, long seed,
                       List<String> models, List<String> with, Map<String, Map<String, RegionalSeries>> parameters,
                       Map<String, ExogenousSeries> exogenous, Map<String, Map<String, Distribution>> uncertainty,
                       String source, String text, Map<String, String> files) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        regions = List.copyOf(regions);
        models = List.copyOf(models);
        with = List.copyOf(with);
        files = Map.copyOf(files);
        if (regions.isEmpty()) throw new IllegalArgumentException("scenario " + name + " names no regions");
        if (lastYear < firstYear)
            throw new IllegalArgumentException("scenario " + name + ": last year " + lastYear + " before first year " + firstYear);
        Map<String, Map<String, RegionalSeries>> copy = new LinkedHashMap<>();
        parameters.forEach((model, values) -> copy.put(model, Map.copyOf(values)));
        parameters = Map.copyOf(copy);
        exogenous = Map.copyOf(exogenous);
        Map<String, Map<String, Distribution>> u = new LinkedHashMap<>();
        uncertainty.forEach((model, values) -> u.put(model, Map.copyOf(values)));
        uncertainty = Map.copyOf(u);
        source = source == null ? "" : source;
        text = text == null ? "" : text;
    }

    public int yearCount() {
        return lastYear - firstYear + 1;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * A builder holding everything of this scenario under a new name: the start of a variant, which then
     * overrides only what differs.
     */
    public Builder toBuilder(String newName) {
        Builder b = new Builder(newName).description(description).regions(regions).years(firstYear, lastYear)
                .seed(seed).models(models).with(with).source(source).text(text);
        files.forEach(b::file);
        parameters.forEach((model, values) -> values.forEach((p, v) -> b.parameter(model, p, v)));
        exogenous.values().forEach(x -> b.exogenous(x.variable(), x.unit(), x.values()));
        uncertainty.forEach((model, values) -> values.forEach((p, d) -> b.uncertain(model, p, d)));
        return b;
    }

    /** Data the scenario supplies for a variable no model writes. */
    public record ExogenousSeries(String variable, String unit, RegionalSeries values) {
        public ExogenousSeries {
            Objects.requireNonNull(variable);
            Objects.requireNonNull(unit);
            Objects.requireNonNull(values);
        }
    }

    /** Builds scenarios in code (tests, benchmarks, the workbench). */
    public static final class Builder {
        private final String name;
        private String description = "";
        private List<String> regions = List.of("World");
        private int firstYear = 2024;
        private int lastYear = 2050;
        private long seed = 1;
        private List<String> models = List.of();
        private List<String> with = List.of();
        private final Map<String, String> files = new LinkedHashMap<>();
        private final Map<String, Map<String, RegionalSeries>> parameters = new LinkedHashMap<>();
        private final Map<String, ExogenousSeries> exogenous = new LinkedHashMap<>();
        private final Map<String, Map<String, Distribution>> uncertainty = new LinkedHashMap<>();
        private String source = "";
        private String text = "";

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String d) { this.description = d; return this; }

        public Builder regions(List<String> r) { this.regions = r; return this; }

        public Builder years(int first, int last) { this.firstYear = first; this.lastYear = last; return this; }

        public Builder seed(long s) { this.seed = s; return this; }

        /** Restricts the scenario to these models; by default the distribution's models take part. */
        public Builder models(List<String> ids) { this.models = ids; return this; }

        /** Models that join besides {@code models} or the default set, e.g. a plugin named with {@code --with}. */
        public Builder with(List<String> ids) { this.with = ids; return this; }

        /** Records a file the scenario was read from, with the SHA-256 of its bytes. */
        public Builder file(String path, String sha256) { files.put(path, sha256); return this; }

        public Builder source(String s) { this.source = s; return this; }

        public Builder text(String t) { this.text = t; return this; }

        /**
         * Sets a parameter. If a distribution declared before (in a parent scenario) replaces this parameter in
         * ensembles, it becomes a {@code scale} distribution around the value set here (same shape, factors
         * relative to its centre), so the variant's setting wins and its uncertainty is kept.
         */
        public Builder parameter(String modelId, String parameter, RegionalSeries value) {
            parameters.computeIfAbsent(modelId, k -> new LinkedHashMap<>()).put(parameter, value);
            Map<String, Distribution> declared = uncertainty.get(modelId);
            Distribution d = declared == null ? null : declared.get(parameter);
            if (d != null && !d.scale()) {
                if (d.centre() > 0) declared.put(parameter, d.relativeTo(d.centre()));
                else declared.remove(parameter);
            }
            return this;
        }

        public Builder parameter(String modelId, String parameter, double constant) {
            return parameter(modelId, parameter, RegionalSeries.constant(constant));
        }

        public Builder exogenous(String variable, String unit, RegionalSeries values) {
            exogenous.put(variable, new ExogenousSeries(variable, unit, values));
            return this;
        }

        /** Declares how a parameter varies across the samples of an ensemble. */
        public Builder uncertain(String modelId, String parameter, Distribution distribution) {
            uncertainty.computeIfAbsent(modelId, k -> new LinkedHashMap<>()).put(parameter, distribution);
            return this;
        }

        public Scenario build() {
            return new Scenario(name, description, regions, firstYear, lastYear, seed, models, with, parameters, exogenous,
                    uncertainty, source, text, files);
        }
    }
}
