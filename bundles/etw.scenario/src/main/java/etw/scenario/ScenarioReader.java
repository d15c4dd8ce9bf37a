package etw.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

/** Reads one scenario's node tree (the format is in {@link ScenarioParser}), with the parent it extends under it. */
final class ScenarioReader {
    private static final Set<String> TOP_KEYS = Set.of("name", "extends", "description", "regions", "years", "seed", "models",
            "with", "parameters", "exogenous", "uncertainty");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*(\\.[\\d_]*)?|\\.\\d[\\d_]*)([eE][-+]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private final ScenarioParser.Loaded loaded;
    private final String source;
    private final ScenarioParser.Resolver resolver;
    private final List<String> chain;
    /** Per-region values written in this file: checked once the scenario's regions are known. */
    private final List<MappingNode> perRegion = new ArrayList<>();

    ScenarioReader(ScenarioParser.Loaded loaded, ScenarioParser.Resolver resolver, List<String> chain) {
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
        ScenarioParser.Loaded parent;
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
