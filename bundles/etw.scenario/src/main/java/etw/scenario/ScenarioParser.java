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
    private static final Set<String> TOP_KEYS = Set.of("name", "extends", "description", "regions", "years", "seed", "models",
            "with", "parameters", "exogenous", "uncertainty");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

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

    private static Scenario parse(Loaded loaded, Resolver resolver, List<String> chain) throws ScenarioException {
        Node root = compose(loaded.text(), loaded.name());
        if (root == null)
            throw new ScenarioException(loaded.name() + ":1:1: the scenario file is empty; it needs at least 'name:' and 'regions:'.");
        return new ScenarioReader(loaded, resolver, chain).scenario(root);
    }

    /**
     * The YAML node tree. SnakeYAML's nesting and alias limits say no line, so when one is exceeded the event
     * stream (which has positions) is read again to find it.
     */
    private static Node compose(String text, String source) throws ScenarioException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
        options.setNestingDepthLimit(Limits.MAX_NESTING);
        options.setCodePointLimit(Limits.MAX_SCENARIO_BYTES + 1);
        options.setAllowRecursiveKeys(false);
        Yaml yaml = new Yaml(options);
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
        Node root = compose(text, "scenario");
        if (root instanceof MappingNode m)
            for (NodeTuple t : m.getValue())
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key) && t.getValueNode() instanceof ScalarNode v)
                    return v.getValue();
        return "";
    }

    private static String at(String source, Mark m) {
        return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }

    /** Reads one scenario's node tree, with its file's parent (if any) under it. */
    private static final class ScenarioReader {
        private final Loaded loaded;
        private final String source;
        private final Resolver resolver;
        private final List<String> chain;
        /** Per-region values written in this file: checked once the scenario's regions are known. */
        private final List<MappingNode> perRegion = new ArrayList<>();

        ScenarioReader(Loaded loaded, Resolver resolver, List<String> chain) {
            this.loaded = loaded;
            this.source = loaded.name();
            this.resolver = resolver;
            this.chain = chain;
        }

        Scenario scenario(Node root) throws ScenarioException {
            Map<String, NodeTuple> top = mapping(root, "the scenario", TOP_KEYS);
            String name = string(required(top, "name", root), "name");
            Scenario.Builder b;
            if (top.containsKey("extends")) {
                Scenario parent = parent(top.get("extends").getValueNode());
                b = parent.toBuilder(name).source(source).text(parent.text() + "\n--- variant " + source + "\n" + loaded.text());
            } else {
                b = Scenario.builder(name).source(source).text(loaded.text());
            }
            if (loaded.fileKey() != null) b.file(loaded.fileKey(), loaded.sha256());
            if (top.containsKey("description")) b.description(string(top.get("description").getValueNode(), "description"));
            List<String> regions = null;
            if (top.containsKey("regions") || !top.containsKey("extends")) {
                regions = regions(required(top, "regions", root));
                b.regions(regions);
            }
            if (top.containsKey("years")) {
                Node yearsNode = top.get("years").getValueNode();
                Map<String, NodeTuple> years = mapping(yearsNode, "years", Set.of("first", "last"));
                int first = integer(required(years, "first", yearsNode), "years.first");
                int last = integer(required(years, "last", yearsNode), "years.last");
                if (first < Limits.FIRST_YEAR || last > Limits.LAST_YEAR || last < first)
                    throw error(yearsNode, "years must satisfy " + Limits.FIRST_YEAR + " <= first <= last <= "
                            + Limits.LAST_YEAR + ", got " + first + " to " + last);
                b.years(first, last);
            }
            if (top.containsKey("seed")) b.seed(integer(top.get("seed").getValueNode(), "seed"));
            if (top.containsKey("models")) b.models(names(top.get("models").getValueNode(), "models", "model id"));
            if (top.containsKey("with")) b.with(names(top.get("with").getValueNode(), "with", "model id"));
            if (top.containsKey("parameters")) {
                for (NodeTuple model : tuples(top.get("parameters").getValueNode(), "parameters")) {
                    String modelId = key(model);
                    for (NodeTuple p : tuples(model.getValueNode(), "parameters of " + modelId))
                        b.parameter(modelId, key(p), series(p.getValueNode(), modelId + "/" + key(p)));
                }
            }
            if (top.containsKey("exogenous")) {
                for (NodeTuple x : tuples(top.get("exogenous").getValueNode(), "exogenous")) exogenous(b, x);
            }
            if (top.containsKey("uncertainty")) {
                for (NodeTuple model : tuples(top.get("uncertainty").getValueNode(), "uncertainty")) {
                    String modelId = key(model);
                    for (NodeTuple p : tuples(model.getValueNode(), "uncertainty of " + modelId))
                        b.uncertain(modelId, key(p), distribution(p.getValueNode(), modelId + "/" + key(p)));
                }
            }
            Scenario s = b.build();
            checkRegionKeys(s.regions());
            return s;
        }

        private void exogenous(Scenario.Builder b, NodeTuple x) throws ScenarioException {
            Node body = x.getValueNode();
            String variable = key(x);
            Map<String, NodeTuple> fields = mapping(body, "exogenous " + variable,
                    Set.of("unit", "values", "file", "model", "scenario", "regions"));
            if (fields.containsKey("file")) {
                if (fields.containsKey("values"))
                    throw error(body, "exogenous " + variable + ": give either 'values:' or 'file:', not both");
                IamcCsvReader.Data read = fromFile(fields, variable, b);
                if (fields.containsKey("unit") && !string(fields.get("unit").getValueNode(), "unit").equals(read.unit()))
                    throw error(fields.get("unit").getValueNode(), "exogenous " + variable + ": the file gives it in '"
                            + Names.token(read.unit()) + "', not '" + string(fields.get("unit").getValueNode(), "unit") + "'");
                b.exogenous(variable, read.unit(), read.values());
            } else {
                for (String k : List.of("model", "scenario", "regions"))
                    if (fields.containsKey(k))
                        throw error(fields.get(k).getKeyNode(), "exogenous " + variable + ": '" + k + ":' applies only with 'file:'");
                b.exogenous(variable, string(required(fields, "unit", body), "unit"),
                        series(required(fields, "values", body), variable));
            }
        }

        /**
         * Every region key written in this file's per-region values that has {@code "*"} must be a region of the
         * scenario; without {@code "*"} a region not run is allowed (a parent may carry values for its variants'
         * regions), and a region without a value fails at wiring.
         */
        private void checkRegionKeys(List<String> regions) throws ScenarioException {
            Set<String> known = new HashSet<>(regions);
            for (MappingNode m : perRegion) {
                boolean hasAll = false;
                for (NodeTuple t : m.getValue()) hasAll |= RegionalSeries.ALL_REGIONS.equals(((ScalarNode) t.getKeyNode()).getValue());
                if (!hasAll) continue;
                for (NodeTuple t : m.getValue()) {
                    String r = ((ScalarNode) t.getKeyNode()).getValue();
                    if (r.equals(RegionalSeries.ALL_REGIONS) || known.contains(r)) continue;
                    throw error(t.getKeyNode(), "'" + Names.token(r) + "' is not a region of this scenario, so its value "
                            + "would never be used and the region meant would silently take the \"*\" value. Did you mean '"
                            + Names.token(Names.nearest(r, regions)) + "'? The regions: " + Names.list(regions, 20));
                }
            }
        }

        private Distribution distribution(Node node, String what) throws ScenarioException {
            Map<String, NodeTuple> f = mapping(node, "the distribution of " + what,
                    Set.of("distribution", "min", "max", "mode", "mean", "sd", "median", "sigma", "scale"));
            String kindText = string(required(f, "distribution", node), "distribution");
            Distribution.Kind kind;
            try {
                kind = Distribution.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(f.get("distribution").getValueNode(), what + ": unknown distribution '" + Names.token(kindText)
                        + "'; use uniform, triangular, normal or lognormal");
            }
            Set<String> needs = switch (kind) {
                case UNIFORM -> Set.of("min", "max");
                case TRIANGULAR -> Set.of("min", "mode", "max");
                case NORMAL -> Set.of("mean", "sd", "min", "max");
                case LOGNORMAL -> Set.of("median", "sigma", "min", "max");
            };
            for (String k : f.keySet())
                if (!k.equals("distribution") && !k.equals("scale") && !needs.contains(k))
                    throw error(f.get(k).getKeyNode(), what + ": '" + k + "' does not apply to a " + kindText
                            + " distribution; it takes " + String.join(", ", needs.stream().sorted().toList()));
            double min = number(required(f, "min", node), what + " min");
            double max = number(required(f, "max", node), what + " max");
            double a = switch (kind) {
                case UNIFORM -> 0;
                case TRIANGULAR -> number(required(f, "mode", node), what + " mode");
                case NORMAL -> number(required(f, "mean", node), what + " mean");
                case LOGNORMAL -> number(required(f, "median", node), what + " median");
            };
            double b = switch (kind) {
                case NORMAL -> number(required(f, "sd", node), what + " sd");
                case LOGNORMAL -> number(required(f, "sigma", node), what + " sigma");
                default -> 0;
            };
            boolean scale = false;
            if (f.containsKey("scale")) {
                String text = string(f.get("scale").getValueNode(), what + " scale");
                if (!text.equals("true") && !text.equals("false"))
                    throw error(f.get("scale").getValueNode(), what + ": scale is true or false, got '" + Names.token(text) + "'");
                scale = text.equals("true");
            }
            try {
                return new Distribution(kind, a, b, min, max, where(node), scale);
            } catch (IllegalArgumentException e) {
                throw error(node, what + ": " + e.getMessage());
            }
        }

        private IamcCsvReader.Data fromFile(Map<String, NodeTuple> fields, String variable, Scenario.Builder b)
                throws ScenarioException {
            Node fileNode = fields.get("file").getValueNode();
            String name = string(fileNode, "file");
            String model = fields.containsKey("model") ? string(fields.get("model").getValueNode(), "model") : null;
            String scenario = fields.containsKey("scenario") ? string(fields.get("scenario").getValueNode(), "scenario") : null;
            try {
                Path file = resolver.dataFile(name, loaded);
                RegionMapping mapping = null;
                if (fields.containsKey("regions")) {
                    Node mapNode = fields.get("regions").getValueNode();
                    Path mapFile = resolver.dataFile(string(mapNode, "regions"), loaded);
                    try {
                        mapping = RegionMapping.read(mapFile);
                    } catch (ScenarioException e) {
                        throw new ScenarioException(where(mapNode) + ": exogenous " + variable + ": " + e.getMessage());
                    }
                    b.file(mapFile.toString(), mapping.sha256());
                }
                IamcCsvReader.Data read = IamcCsvReader.read(file, variable, model, scenario, mapping);
                b.file(file.toString(), read.sha256());
                return read;
            } catch (ScenarioException e) {
                if (e.getMessage().startsWith(source + ":")) throw e;
                throw new ScenarioException(where(fileNode) + ": exogenous " + variable + ": " + e.getMessage());
            }
        }

        private Scenario parent(Node node) throws ScenarioException {
            String name = string(node, "extends");
            if (chain.contains(name))
                throw error(node, "scenarios extend each other in a loop: " + String.join(" -> ", chain) + " -> " + name);
            if (chain.size() >= Limits.MAX_EXTENDS)
                throw error(node, "extends goes too deep (limit " + Limits.MAX_EXTENDS + "): " + String.join(" -> ", chain)
                        + " -> " + name + "; extend a scenario nearer the root instead");
            Loaded parent;
            try {
                parent = resolver.parent(name, loaded).orElseThrow(() -> error(node, "unknown parent scenario '"
                        + Names.token(name) + "': no canned scenario has that name and no such file exists. "
                        + "'etw scenarios' lists the canned ones."));
            } catch (ScenarioException e) {
                if (e.getMessage().startsWith(source + ":")) throw e;
                throw error(node, e.getMessage());
            }
            List<String> longer = new ArrayList<>(chain);
            longer.add(name);
            return ScenarioParser.parse(parent, resolver, longer);
        }

        private List<String> regions(Node node) throws ScenarioException {
            if (node instanceof SequenceNode seq && seq.getValue().size() > Limits.MAX_REGIONS)
                throw error(node, seq.getValue().size() + " regions, over the limit of " + Limits.MAX_REGIONS
                        + "; run fewer regions, or aggregate them");
            List<String> regions = names(node, "regions", "region");
            if (regions.contains(RegionalSeries.ALL_REGIONS)) throw error(node, "'*' is not a region name");
            return regions;
        }

        /** A non-empty list of distinct names. */
        private List<String> names(Node node, String what, String each) throws ScenarioException {
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty())
                throw error(node, what + " must be a non-empty list, e.g. " + what + ": [a, b]");
            List<String> names = new ArrayList<>();
            Map<String, Node> seen = new HashMap<>();
            for (Node n : seq.getValue()) {
                String name = string(n, each);
                Node before = seen.putIfAbsent(name, n);
                if (before != null)
                    throw error(n, each + " '" + Names.token(name) + "' is listed twice (also at line "
                            + (before.getStartMark().getLine() + 1) + "); remove one");
                names.add(name);
            }
            return names;
        }

        /** A constant, a trajectory {year: value}, or per-region values {region: constant or trajectory}. */
        private RegionalSeries series(Node node, String what) throws ScenarioException {
            String origin = where(node);
            if (node instanceof ScalarNode) return RegionalSeries.of(Trajectory.constant(number(node, what)), origin);
            List<NodeTuple> entries = tuples(node, what);
            if (entries.isEmpty()) throw error(node, what + " is empty; give a number, {year: value, ...} or {region: value, ...}");
            if (isYear(entries.get(0).getKeyNode())) return RegionalSeries.of(trajectory(entries, what), origin);
            Map<String, Trajectory> byRegion = new LinkedHashMap<>();
            for (NodeTuple e : entries) {
                String region = key(e);
                if (isYear(e.getKeyNode()))
                    throw error(e.getKeyNode(), what + " mixes years and regions as keys; use {region: {year: value}} for a trajectory per region");
                Node v = e.getValueNode();
                byRegion.put(region, v instanceof ScalarNode ? Trajectory.constant(number(v, what + " for " + region))
                        : trajectory(tuples(v, what + " for " + region), what + " for " + region));
            }
            perRegion.add((MappingNode) node);
            return new RegionalSeries(byRegion, origin);
        }

        private Trajectory trajectory(List<NodeTuple> entries, String what) throws ScenarioException {
            Map<Integer, Double> points = new LinkedHashMap<>();
            for (NodeTuple e : entries) {
                if (!isYear(e.getKeyNode()))
                    throw error(e.getKeyNode(), what + ": '" + Names.token(key(e)) + "' is not a year; a trajectory maps "
                            + "years to values, e.g. {2024: 1.5, 2050: 1.2}");
                int year = Integer.parseInt(key(e));
                if (year < Limits.FIRST_YEAR || year > Limits.LAST_YEAR)
                    throw error(e.getKeyNode(), what + ": year " + key(e) + " is outside " + Limits.FIRST_YEAR + " to "
                            + Limits.LAST_YEAR + "; write a four-digit year such as 2030");
                points.put(year, number(e.getValueNode(), what + " in " + year));
            }
            return Trajectory.of(points);
        }

        private static boolean isYear(Node key) {
            return key instanceof ScalarNode s && YEAR.matcher(s.getValue()).matches();
        }

        private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) throws ScenarioException {
            Map<String, NodeTuple> map = new LinkedHashMap<>();
            for (NodeTuple t : tuples(node, what)) {
                String k = key(t);
                if (!allowed.contains(k))
                    throw error(t.getKeyNode(), "unknown key '" + Names.token(k) + "' in " + what + "; allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                map.put(k, t);
            }
            return map;
        }

        /** The entries of a mapping, each key a single value that appears once. */
        private List<NodeTuple> tuples(Node node, String what) throws ScenarioException {
            if (!(node instanceof MappingNode m)) throw error(node, what + " must be a mapping (key: value lines)");
            Map<String, Node> seen = new HashMap<>();
            for (NodeTuple t : m.getValue()) {
                String k = key(t);
                Node before = seen.putIfAbsent(k, t.getKeyNode());
                if (before != null)
                    throw error(t.getKeyNode(), "'" + Names.token(k) + "' appears twice in " + what + ", on line "
                            + (before.getStartMark().getLine() + 1) + " and line " + (t.getKeyNode().getStartMark().getLine() + 1)
                            + "; the second would silently replace the first. Keep one.");
            }
            return m.getValue();
        }

        private Node required(Map<String, NodeTuple> map, String key, Node parent) throws ScenarioException {
            NodeTuple t = map.get(key);
            if (t == null) throw error(parent, "missing '" + key + ":'");
            return t.getValueNode();
        }

        private String key(NodeTuple t) throws ScenarioException {
            return string(t.getKeyNode(), "key");
        }

        private String string(Node node, String what) throws ScenarioException {
            if (!(node instanceof ScalarNode s)) throw error(node, what + " must be a single value");
            return s.getValue();
        }

        private double number(Node node, String what) throws ScenarioException {
            String s = string(node, what);
            if (NUMBER.matcher(s).matches()) {
                double v = Double.parseDouble(s.replace("_", ""));
                if (Double.isFinite(v)) return v;
                throw error(node, what + ": '" + Names.token(s) + "' is too large for a number");
            }
            throw error(node, what + ": '" + Names.token(s) + "' is not a number; write a decimal such as 1.4, -2, 0.05, "
                    + "1_000 or 1.5e9 (no suffix such as f or d, no hex, no NaN or Infinity)");
        }

        private int integer(Node node, String what) throws ScenarioException {
            String s = string(node, what);
            try {
                if (INTEGER.matcher(s).matches()) return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                // too large: below
            }
            throw error(node, what + ": '" + Names.token(s) + "' is not a whole number");
        }

        private String where(Node node) {
            Mark m = node.getStartMark();
            return source + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
        }

        private ScenarioException error(Node node, String message) {
            return new ScenarioException(where(node) + ": " + message);
        }
    }
}
