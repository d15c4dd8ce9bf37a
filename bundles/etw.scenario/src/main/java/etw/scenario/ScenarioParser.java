package etw.scenario;

import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

/**
 * Parses a scenario file. The format, with every key but {@code name} and {@code regions} optional:
 *
 * <pre>
 * name: baseline
 * extends: other                    # optional: start from another scenario (a canned name or a .yaml file)
 *                                   # and override only what follows; parameters merge per model and name
 * description: One paragraph for people.
 * regions: [World]                  # at most 1,000
 * years: {first: 2024, last: 2050}  # 1900 to 2300
 * seed: 1
 * models: [etw.models.datacenter, etw.models.decarbonisation]   # default: the default set of models
 * with: [org.example.heatpumps]     # models (plugins) that join besides 'models' or the default set
 * parameters:
 *   etw.models.datacenter:            # model id
 *     pue: 1.4                        # a constant
 *     ai_base: {World: 62, China: 15} # per region
 *     ai_compute_growth_initial: {2024: 0.45, 2040: 0.1}   # a trajectory: year to value, interpolated
 *     conventional_base: {World: {2024: 353, 2030: 400}, "*": 10}   # per region trajectories; "*" = others
 * exogenous:
 *   Population:                       # a variable no model writes
 *     unit: million
 *     values: {2024: 8100, 2050: 9700}   # same forms as parameters
 *   Final Energy|Electricity|Hydrogen:
 *     file: hydrogen.csv              # or from an IAMC CSV file (relative to this file); unit from the file
 *     model: MESSAGE                  # which model's and scenario's rows, if the file has several
 *     scenario: high
 *     regions: r5.yaml                # optional: a region mapping (see IamcCsvReader)
 * uncertainty:                        # for ensembles: a drawn value replaces the parameter in every region and year
 *   etw.models.datacenter:
 *     rebound_elasticity: {distribution: uniform, min: 0.2, max: 0.8}
 *     ai_compute_growth_initial: {distribution: triangular, min: 0.3, mode: 0.485, max: 0.7}
 *     pue: {distribution: normal, mean: 1.45, sd: 0.1, min: 1.1, max: 2.0}      # bounds truncate
 *     efficiency_doubling_time: {distribution: lognormal, median: 2.6, sigma: 0.2, min: 1.5, max: 5}
 *     ai_base: {distribution: uniform, min: 0.8, max: 1.2, scale: true}   # multiplies the scenario's values
 * </pre>
 *
 * <p>Parsing only reads files: whether models and parameters exist is checked at wiring. Every error message
 * starts with {@code file:line:column}. A variant is made of its parent with the variant's keys applied on top:
 * {@code regions}, {@code years}, {@code seed}, {@code models}, {@code with} and {@code description} replace the
 * parent's; each parameter (per model) and each exogenous variable replaces the parent's value of the same name.
 *
 * <p>Numbers are written as decimals ({@code 1.4}, {@code -2}, {@code 1_000}, {@code 1.5e9}); Java forms such as
 * {@code 1.4f}, {@code 2d}, {@code 0x1.6p0}, {@code NaN} and {@code Infinity} are refused. A key may appear only
 * once in each mapping. In a per-region value that has {@code "*"}, every other key must be one of the
 * scenario's regions (a misspelled region would silently take the {@code "*"} value). Limits: a file of at
 * most 4 MiB, 1,000 regions, 16 levels of {@code extends}, YAML nested at most 20 deep with at most 20 aliases.
 */
public final class ScenarioParser {

    /** Finds the scenario a variant {@code extends}: a canned name or a file; empty if there is none. */
    @FunctionalInterface
    public interface ParentResolver {
        /**
         * @param name      what the variant wrote after {@code extends:}
         * @param variantOf the source of the variant (a file path or canned name), to resolve relative paths
         */
        Optional<Source> find(String name, String variantOf);

        /** Resolves nothing: a scenario with {@code extends} fails to parse. */
        ParentResolver NONE = (name, variantOf) -> Optional.empty();
    }

    /** A scenario's text and what to call it in messages. */
    public record Source(String text, String name) {
    }

    /**
     * A scenario's text as read.
     *
     * @param name    what to call it in messages ({@code canned:baseline}, a path, or a name)
     * @param fileKey the key of its bytes in {@link Scenario#files()}, or null when it was not read from a file
     * @param sha256  SHA-256 (hex) of the bytes read, or null
     * @param dir     the folder relative data files are looked for in, or null: it may read no files
     */
    record Loaded(String text, String name, String fileKey, String sha256, Path dir) {
    }

    /** Where a scenario's parents and data files come from, and which it may read. */
    interface Resolver {
        /** The scenario {@code extends: name} names, or empty if there is none. */
        Optional<Loaded> parent(String name, Loaded variant) throws ScenarioException;

        /**
         * The data file {@code file: name} names, checked against what the scenario may read.
         *
         * @throws ScenarioException (message without a location) if it may not be read
         */
        Path dataFile(String name, Loaded scenario) throws ScenarioException;
    }

    private ScenarioParser() {
    }

    /** Reads and parses a file that does not extend another. */
    public static Scenario parse(Path file) throws ScenarioException {
        return parse(file, ParentResolver.NONE);
    }

    /** Reads and parses a file; {@code parents} finds what it extends. */
    public static Scenario parse(Path file, ParentResolver parents) throws ScenarioException {
        Loaded loaded;
        try {
            loaded = load(file, file.toString());
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file. Give the path of a scenario file, or the name of a "
                    + "canned scenario (etw scenarios lists them).");
        }
        return parse(loaded, legacy(parents));
    }

    /** Reads a file for a resolver: its text, or empty if it does not exist. */
    public static Optional<Source> readIfExists(Path file) throws UncheckedIOException {
        try {
            Loaded l = load(file, file.toString());
            return Optional.of(new Source(l.text(), l.name()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (ScenarioException e) {
            throw new UncheckedIOException(new java.io.IOException(e.getMessage()));
        }
    }

    /**
     * Parses scenario text.
     *
     * @param source what to call the text in messages (a file name)
     */
    public static Scenario parse(String text, String source) throws ScenarioException {
        return parse(text, source, ParentResolver.NONE);
    }

    /** Parses scenario text; {@code parents} finds what it extends. */
    public static Scenario parse(String text, String source, ParentResolver parents) throws ScenarioException {
        String checked = ScenarioText.check(text, source, Limits.MAX_SCENARIO_BYTES);
        return parse(new Loaded(checked, source, null, null, dirOf(source)), legacy(parents));
    }

    /** A scenario file's bytes, decoded and hashed; {@code name} is what to call it in messages. */
    static Loaded load(Path file, String name) throws ScenarioException, NoSuchFileException {
        byte[] bytes = ScenarioText.read(file, Limits.MAX_SCENARIO_BYTES, "a scenario file");
        Path dir = file.toAbsolutePath().getParent();
        return new Loaded(ScenarioText.decode(bytes, name), name, file.toString(), ScenarioText.sha256(bytes), dir);
    }

    static Scenario parse(Loaded loaded, Resolver resolver) throws ScenarioException {
        return parse(loaded, resolver, new ArrayList<>());
    }

    private static Path dirOf(String source) {
        if (source.startsWith("canned:")) return null;
        try {
            return Path.of(source).toAbsolutePath().getParent();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The resolver of the public methods: parents from a {@link ParentResolver}, files next to the scenario. */
    private static Resolver legacy(ParentResolver parents) {
        return new Resolver() {
            @Override
            public Optional<Loaded> parent(String name, Loaded variant) throws ScenarioException {
                Optional<Source> s;
                try {
                    s = parents.find(name, variant.name());
                } catch (UncheckedIOException e) {
                    throw new ScenarioException("parent scenario '" + Names.token(name) + "' cannot be read: "
                            + e.getCause().getMessage());
                }
                if (s.isEmpty()) return Optional.empty();
                String text = ScenarioText.check(s.get().text(), s.get().name(), Limits.MAX_SCENARIO_BYTES);
                return Optional.of(new Loaded(text, s.get().name(), s.get().name(),
                        ScenarioText.sha256(s.get().text().getBytes(StandardCharsets.UTF_8)), dirOf(s.get().name())));
            }

            @Override
            public Path dataFile(String name, Loaded scenario) throws ScenarioException {
                if (scenario.dir() == null)
                    throw new ScenarioException("a canned scenario cannot read files; put the data inline under 'values:'");
                return scenario.dir().resolve(name);
            }
        };
    }

    static Scenario parse(Loaded loaded, Resolver resolver, List<String> chain) throws ScenarioException {
        Node root = compose(loaded.text(), loaded.name());
        if (root == null)
            throw new ScenarioException(loaded.name() + ":1:1: the scenario file is empty; it needs at least 'name:' and 'regions:'.");
        return new ScenarioReader(loaded, resolver, chain).scenario(root);
    }

    /**
     * The YAML node tree. SnakeYAML's nesting and alias limits say no line, so when one is exceeded the event
     * stream (which has positions) is read again to find it.
     */
    /** The YAML limits every reading of a scenario text uses. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_NESTING);
        options.setCodePointLimit(Limits.MAX_SCENARIO_BYTES + 1);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    private static Node compose(String text, String source) throws ScenarioException {
        Yaml yaml = new Yaml(loaderOptions());
        try {
            return yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ScenarioException((m == null ? source + ":1:1" : at(source, m)) + ": not valid YAML: "
                    + Names.token(e.getProblem()) + ". Check indentation and that every 'key: value' has a space after ':'.");
        } catch (YAMLException e) {
            locateLimit(yaml, text, source);
            throw new ScenarioException(source + ":1:1: not valid YAML: " + Names.token(e.getMessage()));
        }
    }

    /** Throws, with its position, the first place the text nests too deep or has too many aliases. */
    private static void locateLimit(Yaml yaml, String text, String source) throws ScenarioException {
        int depth = 0;
        int aliases = 0;
        try {
            for (Event e : yaml.parse(new StringReader(text))) {
                if (e instanceof CollectionStartEvent && ++depth >= Limits.MAX_NESTING)
                    throw new ScenarioException(at(source, e.getStartMark()) + ": nested more than " + Limits.MAX_NESTING
                            + " levels deep (the limit); a scenario needs at most 6");
                if (e instanceof CollectionEndEvent) depth--;
                if (e instanceof AliasEvent && ++aliases > Limits.MAX_ALIASES)
                    throw new ScenarioException(at(source, e.getStartMark()) + ": more than " + Limits.MAX_ALIASES
                            + " aliases (the limit); write the values out instead of repeating *aliases");
            }
        } catch (YAMLException e) {
            // not found: the caller reports SnakeYAML's message
        }
    }

    /** The value of a top-level key that is a single value, or "" (for listings: no validation). */
    static String topKey(String text, String key) throws ScenarioException {
        String fast = topKeyFromEvents(text, key);
        if (fast != null) return fast;
        Node root = compose(text, "scenario");
        if (root instanceof MappingNode m)
            for (NodeTuple t : m.getValue())
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v)
                    return v.getValue();
        return "";
    }

    /**
     * {@link #topKey} read from the parser's events, stopping at the key: {@code etw scenarios} lists every
     * scenario's parent without building whole documents. Null when the events do not settle it (invalid YAML
     * before the key, an alias, several documents): then the whole document is composed, which also reports errors.
     */
    private static String topKeyFromEvents(String text, String key) {
        int depth = 0;
        boolean atKey = true;
        boolean wanted = false;
        try {
            for (Event e : new Yaml(loaderOptions()).parse(new StringReader(text))) {
                if (e instanceof AliasEvent) return null;
                if (e instanceof CollectionStartEvent) {
                    if (depth == 0 && !(e instanceof org.yaml.snakeyaml.events.MappingStartEvent)) return "";
                    if (depth == 1) {
                        if (atKey) return null; // a complex key
                        if (wanted) return ""; // the key holds a mapping or list, not a scalar
                        atKey = true;
                    }
                    depth++;
                } else if (e instanceof CollectionEndEvent) {
                    if (--depth == 0) return "";
                } else if (depth == 1 && e instanceof org.yaml.snakeyaml.events.ScalarEvent v) {
                    if (atKey) {
                        wanted = v.getValue().equals(key);
                        atKey = false;
                    } else {
                        if (wanted) return v.getValue();
                        atKey = true;
                    }
                } else if (e instanceof org.yaml.snakeyaml.events.DocumentEndEvent) {
                    return null;
                }
            }
            return "";
        } catch (YAMLException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String at(String source, Mark m) {
        return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }
}
