package etw.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
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
 * regions: [World]
 * years: {first: 2024, last: 2050}
 * seed: 1
 * models: [etw.models.datacenter, etw.models.decarbonisation]   # default: every installed model
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
 *     scenario: high                  # which scenario's rows, if the file has several
 * uncertainty:                        # for ensembles: a drawn value replaces the parameter in every region and year
 *   etw.models.datacenter:
 *     rebound_elasticity: {distribution: uniform, min: 0.2, max: 0.8}
 *     ai_compute_growth_initial: {distribution: triangular, min: 0.3, mode: 0.485, max: 0.7}
 *     pue: {distribution: normal, mean: 1.45, sd: 0.1, min: 1.1, max: 2.0}      # bounds truncate
 *     efficiency_doubling_time: {distribution: lognormal, median: 2.6, sigma: 0.2, min: 1.5, max: 5}
 *     ai_base: {distribution: uniform, min: 0.8, max: 1.2, scale: true}   # multiplies the scenario's values
 * </pre>
 *
 * Parsing only reads files: whether models and parameters exist is checked at wiring. Every error message
 * starts with {@code file:line:column}. A variant is made of its parent with the variant's keys applied on top:
 * {@code regions}, {@code years}, {@code seed}, {@code models} and {@code description} replace the parent's;
 * each parameter (per model) and each exogenous variable replaces the parent's value of the same name.
 */
public final class ScenarioParser {
    private static final Set<String> TOP_KEYS = Set.of("name", "extends", "description", "regions", "years", "seed", "models", "parameters", "exogenous",
            "uncertainty");
    private static final int MAX_EXTENDS_DEPTH = 16;

    /** Finds the scenario a variant {@code extends}: a canned name or a file; empty if there is none. */
    @FunctionalInterface
    public interface ParentResolver {
        /**
         * @param name      what the variant wrote after {@code extends:}
         * @param variantOf the source of the variant (a file path or canned name), to resolve relative paths
         */
        java.util.Optional<Source> find(String name, String variantOf);

        /** Resolves nothing: a scenario with {@code extends} fails to parse. */
        ParentResolver NONE = (name, variantOf) -> java.util.Optional.empty();
    }

    /** A scenario's text and what to call it in messages. */
    public record Source(String text, String name) {
    }

    private ScenarioParser() {
    }

    /** Reads and parses a file that does not extend another. */
    public static Scenario parse(Path file) throws ScenarioException {
        return parse(file, ParentResolver.NONE);
    }

    /** Reads and parses a file; {@code parents} finds what it extends. */
    public static Scenario parse(Path file, ParentResolver parents) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file. Give the path of a scenario file, or the name of a "
                    + "canned scenario (etw scenarios lists them).");
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString(), parents);
    }

    /** Reads a file for a resolver: its text, or empty if it does not exist. */
    public static java.util.Optional<Source> readIfExists(Path file) throws java.io.UncheckedIOException {
        try {
            return java.util.Optional.of(new Source(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        } catch (NoSuchFileException e) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
        return parse(text, source, parents, new ArrayList<>());
    }

    private static Scenario parse(String text, String source, ParentResolver parents, List<String> chain)
            throws ScenarioException {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ScenarioException(source + ":" + (m == null ? "1:1" : (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    + ": not valid YAML: " + e.getProblem() + ". Check indentation and that every 'key: value' has a space after ':'.");
        } catch (YAMLException e) {
            throw new ScenarioException(source + ": not valid YAML: " + e.getMessage());
        }
        if (root == null) throw new ScenarioException(source + ":1:1: the scenario file is empty; it needs at least 'name:' and 'regions:'.");
        return new Reader(source, text, parents, chain).scenario(root);
    }

    private static final class Reader {
        private final String source;
        private final String text;
        private final ParentResolver parents;
        private final List<String> chain;

        Reader(String source, String text, ParentResolver parents, List<String> chain) {
            this.source = source;
            this.text = text;
            this.parents = parents;
            this.chain = chain;
        }

        Scenario scenario(Node root) throws ScenarioException {
            Map<String, NodeTuple> top = mapping(root, "the scenario", TOP_KEYS);
            String name = string(required(top, "name", root), "name");
            Scenario.Builder b;
            if (top.containsKey("extends")) {
                Scenario parent = parent(top.get("extends").getValueNode());
                b = parent.toBuilder(name).source(source).text(parent.text() + "\n--- variant " + source + "\n" + text);
            } else {
                b = Scenario.builder(name).source(source).text(text);
            }
            if (top.containsKey("description")) b.description(string(top.get("description").getValueNode(), "description"));
            if (top.containsKey("regions") || !top.containsKey("extends")) b.regions(regions(required(top, "regions", root)));
            if (top.containsKey("years")) {
                Node yearsNode = top.get("years").getValueNode();
                Map<String, NodeTuple> years = mapping(yearsNode, "years", Set.of("first", "last"));
                int first = integer(required(years, "first", yearsNode), "years.first");
                int last = integer(required(years, "last", yearsNode), "years.last");
                if (first < 1900 || last > 2300 || last < first)
                    throw error(yearsNode, "years must satisfy 1900 <= first <= last <= 2300, got " + first + " to " + last);
                b.years(first, last);
            }
            if (top.containsKey("seed")) b.seed(integer(top.get("seed").getValueNode(), "seed"));
            if (top.containsKey("models")) b.models(names(top.get("models").getValueNode(), "models", "model id"));
            if (top.containsKey("parameters")) {
                for (NodeTuple model : tuples(top.get("parameters").getValueNode(), "parameters")) {
                    String modelId = key(model);
                    for (NodeTuple p : tuples(model.getValueNode(), "parameters of " + modelId))
                        b.parameter(modelId, key(p), series(p.getValueNode(), modelId + "/" + key(p)));
                }
            }
            if (top.containsKey("exogenous")) {
                for (NodeTuple x : tuples(top.get("exogenous").getValueNode(), "exogenous")) {
                    Node body = x.getValueNode();
                    Map<String, NodeTuple> fields = mapping(body, "exogenous " + key(x), Set.of("unit", "values", "file", "scenario"));
                    if (fields.containsKey("file")) {
                        if (fields.containsKey("values"))
                            throw error(body, "exogenous " + key(x) + ": give either 'values:' or 'file:', not both");
                        IamcCsvReader.Series read = fromFile(fields, key(x));
                        if (fields.containsKey("unit") && !string(fields.get("unit").getValueNode(), "unit").equals(read.unit()))
                            throw error(fields.get("unit").getValueNode(), "exogenous " + key(x) + ": the file gives it in '"
                                    + read.unit() + "', not '" + string(fields.get("unit").getValueNode(), "unit") + "'");
                        b.exogenous(key(x), read.unit(), read.values());
                    } else {
                        b.exogenous(key(x), string(required(fields, "unit", body), "unit"),
                                series(required(fields, "values", body), key(x)));
                    }
                }
            }
            if (top.containsKey("uncertainty")) {
                for (NodeTuple model : tuples(top.get("uncertainty").getValueNode(), "uncertainty")) {
                    String modelId = key(model);
                    for (NodeTuple p : tuples(model.getValueNode(), "uncertainty of " + modelId))
                        b.uncertain(modelId, key(p), distribution(p.getValueNode(), modelId + "/" + key(p)));
                }
            }
            return b.build();
        }

        private Distribution distribution(Node node, String what) throws ScenarioException {
            Map<String, NodeTuple> f = mapping(node, "the distribution of " + what,
                    Set.of("distribution", "min", "max", "mode", "mean", "sd", "median", "sigma", "scale"));
            String kindText = string(required(f, "distribution", node), "distribution");
            Distribution.Kind kind;
            try {
                kind = Distribution.Kind.valueOf(kindText.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(f.get("distribution").getValueNode(), what + ": unknown distribution '" + kindText
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
                    throw error(f.get("scale").getValueNode(), what + ": scale is true or false, got '" + text + "'");
                scale = text.equals("true");
            }
            try {
                return new Distribution(kind, a, b, min, max, where(node), scale);
            } catch (IllegalArgumentException e) {
                throw error(node, what + ": " + e.getMessage());
            }
        }

        private IamcCsvReader.Series fromFile(Map<String, NodeTuple> fields, String variable) throws ScenarioException {
            Node fileNode = fields.get("file").getValueNode();
            String name = string(fileNode, "file");
            if (source.startsWith("canned:"))
                throw error(fileNode, "a canned scenario cannot read files; put the data inline under 'values:'");
            Path dir = Path.of(source).toAbsolutePath().getParent();
            Path file = dir == null ? Path.of(name) : dir.resolve(name);
            String scenario = fields.containsKey("scenario") ? string(fields.get("scenario").getValueNode(), "scenario") : null;
            try {
                return IamcCsvReader.read(file, variable, scenario);
            } catch (ScenarioException e) {
                throw new ScenarioException(where(fileNode) + ": exogenous " + variable + ": " + e.getMessage());
            }
        }

        private Scenario parent(Node node) throws ScenarioException {
            String name = string(node, "extends");
            if (chain.contains(name) || chain.size() >= MAX_EXTENDS_DEPTH)
                throw error(node, "scenarios extend each other in a loop: " + String.join(" -> ", chain) + " -> " + name);
            Source parent;
            try {
                parent = parents.find(name, source).orElseThrow(() -> error(node, "unknown parent scenario '" + name
                        + "': no canned scenario has that name and no such file exists. 'etw scenarios' lists the canned ones."));
            } catch (java.io.UncheckedIOException e) {
                throw error(node, "parent scenario '" + name + "' cannot be read: " + e.getCause().getMessage());
            }
            List<String> longer = new ArrayList<>(chain);
            longer.add(name);
            return ScenarioParser.parse(parent.text(), parent.name(), parents, longer);
        }

        private List<String> regions(Node node) throws ScenarioException {
            List<String> regions = names(node, "regions", "region");
            if (regions.contains(RegionalSeries.ALL_REGIONS)) throw error(node, "'*' is not a region name");
            return regions;
        }

        /** A non-empty list of distinct names. */
        private List<String> names(Node node, String what, String each) throws ScenarioException {
            if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty())
                throw error(node, what + " must be a non-empty list, e.g. " + what + ": [a, b]");
            List<String> names = new ArrayList<>();
            for (Node n : seq.getValue()) {
                String name = string(n, each);
                if (names.contains(name)) throw error(n, each + " '" + name + "' is listed twice");
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
            return new RegionalSeries(byRegion, origin);
        }

        private Trajectory trajectory(List<NodeTuple> entries, String what) throws ScenarioException {
            Map<Integer, Double> points = new LinkedHashMap<>();
            for (NodeTuple e : entries) {
                if (!isYear(e.getKeyNode()))
                    throw error(e.getKeyNode(), what + ": '" + key(e) + "' is not a year; a trajectory maps years to values, e.g. {2024: 1.5, 2050: 1.2}");
                int year = Integer.parseInt(key(e));
                if (points.put(year, number(e.getValueNode(), what + " in " + year)) != null)
                    throw error(e.getKeyNode(), what + ": year " + year + " is given twice");
            }
            return Trajectory.of(points);
        }

        private static boolean isYear(Node key) {
            return key instanceof ScalarNode s && s.getValue().matches("\\d{4}");
        }

        private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) throws ScenarioException {
            Map<String, NodeTuple> map = new LinkedHashMap<>();
            for (NodeTuple t : tuples(node, what)) {
                String k = key(t);
                if (!allowed.contains(k))
                    throw error(t.getKeyNode(), "unknown key '" + k + "' in " + what + "; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
                if (map.put(k, t) != null) throw error(t.getKeyNode(), "key '" + k + "' appears twice in " + what);
            }
            return map;
        }

        private List<NodeTuple> tuples(Node node, String what) throws ScenarioException {
            if (!(node instanceof MappingNode m)) throw error(node, what + " must be a mapping (key: value lines)");
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
            try {
                double v = Double.parseDouble(s.replace("_", ""));
                if (!Double.isFinite(v)) throw new NumberFormatException();
                return v;
            } catch (NumberFormatException e) {
                throw error(node, what + ": '" + s + "' is not a number");
            }
        }

        private int integer(Node node, String what) throws ScenarioException {
            String s = string(node, what);
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw error(node, what + ": '" + s + "' is not a whole number");
            }
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
