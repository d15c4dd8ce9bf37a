package etw.workbench.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * A scenario's key levers, read from its levers file ({@code <scenario>.levers.yaml} beside the scenario file in
 * the bundle that ships it): the handful of controls a class moves first, each mapped onto one or more model
 * parameters. Parsing only: which parameters exist is checked by {@link LeversResource}. Every error names the
 * file, line and column, and what is allowed.
 *
 * <pre>
 * levers:
 *   - id: heat-pumps                    # [a-z0-9-], unique in the file
 *     label: Heat pumps in 2050         # what the slider is called
 *     description: Share of building heat met by heat pumps in 2050
 *     unit: "%"                         # the slider's unit
 *     min: 0                            # the slider's range and step, in the slider's unit
 *     max: 100
 *     step: 5
 *     source: "IEA, The Future of Heat Pumps (2022): 10% today"   # optional: where the range comes from
 *     targets:                          # one or more parameters the lever moves
 *       - parameter: etw.models.electrification/heat_pump_share
 *         op: set                       # set | scale | shift
 *         at: 2050                      # set only: the trajectory's point at this year (others kept)
 *         convert: 0.01                 # parameter value = slider value x convert (default 1)
 * </pre>
 *
 * {@code set} puts the slider's value (times {@code convert}) in every region and year, or with {@code at} at that
 * year of every region's trajectory; {@code scale} multiplies the scenario's values (every region, every year) by
 * it; {@code shift} adds it to them. The slider starts where the scenario is: its value for {@code set}, 1 for
 * {@code scale}, 0 for {@code shift}.
 */
final class Levers {
    static final int MAX_LEVERS = 30;
    static final int MAX_TARGETS = 20;
    private static final int MAX_BYTES = 256 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_.-]+)/([A-Za-z0-9_]+)");
    private static final Set<String> OPS = Set.of("set", "scale", "shift");
    private static final List<String> LEVER_KEYS = List.of("id", "label", "description", "unit", "min", "max", "step",
            "source", "targets");
    private static final List<String> TARGET_KEYS = List.of("parameter", "op", "at", "convert");

    /** One parameter a lever moves. */
    record Target(String model, String parameter, String op, Integer at, double convert) {
    }

    /** One lever as its file declares it. */
    record Lever(String id, String label, String description, String unit, double min, double max, double step,
                 String source, List<Target> targets) {
    }

    /** A levers file that cannot be read: the message starts with {@code file:line:column}. */
    static final class LeversException extends Exception {
        private static final long serialVersionUID = 1L;

        LeversException(String message) {
            super(message);
        }
    }

    private final String file;

    private Levers(String file) {
        this.file = file;
    }

    /** The levers of {@code text}, the content of {@code file} (a name for messages). */
    static List<Lever> parse(String text, String file) throws LeversException {
        return new Levers(file).levers(text);
    }

    private List<Lever> levers(String text) throws LeversException {
        if (text.length() > MAX_BYTES) throw new LeversException(file + ":1:1: the levers file is larger than " + MAX_BYTES + " bytes");
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(10);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new LeversException(at(m) + ": not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new LeversException(file + ":1:1: not valid YAML: " + e.getMessage());
        }
        if (root == null) throw new LeversException(file + ":1:1: the levers file is empty; it needs 'levers:', a list");
        Map<String, NodeTuple> top = mapping(root, "the levers file", List.of("levers"));
        NodeTuple list = top.get("levers");
        if (list == null) throw new LeversException(at(root.getStartMark()) + ": 'levers:' is missing; it is a list of levers");
        if (!(list.getValueNode() instanceof SequenceNode seq))
            throw new LeversException(at(list.getValueNode().getStartMark()) + ": 'levers' must be a list (each item starting with '- ')");
        if (seq.getValue().size() > MAX_LEVERS)
            throw new LeversException(at(seq.getStartMark()) + ": " + seq.getValue().size() + " levers; at most " + MAX_LEVERS);
        List<Lever> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node n : seq.getValue()) {
            Lever l = lever(n);
            if (!ids.add(l.id())) throw new LeversException(at(n.getStartMark()) + ": a second lever with id '" + l.id() + "'; ids must be unique");
            out.add(l);
        }
        return List.copyOf(out);
    }

    private Lever lever(Node n) throws LeversException {
        Map<String, NodeTuple> m = mapping(n, "a lever", LEVER_KEYS);
        String id = text(m, n, "id", true);
        if (!ID.matcher(id).matches())
            throw new LeversException(at(m.get("id").getValueNode().getStartMark()) + ": lever id '" + id
                    + "' must be lower-case letters, digits and '-', e.g. heat-pumps");
        String what = "lever " + id;
        double min = number(m, n, "min", what, null);
        double max = number(m, n, "max", what, null);
        if (!(max > min)) throw new LeversException(at(m.get("max").getValueNode().getStartMark()) + ": " + what + ": max (" + max
                + ") must be larger than min (" + min + ")");
        double step = number(m, n, "step", what, (max - min) / 100);
        if (!(step > 0) || step > max - min)
            throw new LeversException(at(n.getStartMark()) + ": " + what + ": step must be above 0 and at most max - min, got " + step);
        NodeTuple t = m.get("targets");
        if (t == null) throw new LeversException(at(n.getStartMark()) + ": " + what + " has no 'targets:' (the parameters it moves)");
        if (!(t.getValueNode() instanceof SequenceNode ts) || ts.getValue().isEmpty() || ts.getValue().size() > MAX_TARGETS)
            throw new LeversException(at(t.getValueNode().getStartMark()) + ": " + what + ": 'targets' must be a list of 1 to "
                    + MAX_TARGETS + " parameters");
        List<Target> targets = new ArrayList<>();
        for (Node tn : ts.getValue()) targets.add(target(tn, what));
        return new Lever(id, text(m, n, "label", true), text(m, n, "description", false), text(m, n, "unit", false),
                min, max, step, text(m, n, "source", false), List.copyOf(targets));
    }

    private Target target(Node n, String what) throws LeversException {
        Map<String, NodeTuple> m = mapping(n, "a target of " + what, TARGET_KEYS);
        String ref = text(m, n, "parameter", true);
        var pm = PARAMETER.matcher(ref);
        if (!pm.matches())
            throw new LeversException(at(m.get("parameter").getValueNode().getStartMark()) + ": " + what + ": parameter '" + ref
                    + "' must be model/parameter, e.g. etw.models.datacenter/pue (as etw run --set takes it)");
        String op = m.containsKey("op") ? text(m, n, "op", true) : "set";
        if (!OPS.contains(op))
            throw new LeversException(at(m.get("op").getValueNode().getStartMark()) + ": " + what + ": op '" + op
                    + "' is not one of set, scale, shift");
        Integer year = null;
        if (m.containsKey("at")) {
            double y = number(m, n, "at", what, null);
            if (y != Math.rint(y) || y < 1000 || y > 3000)
                throw new LeversException(at(m.get("at").getValueNode().getStartMark()) + ": " + what + ": 'at' must be a year, got " + y);
            if (!op.equals("set"))
                throw new LeversException(at(m.get("at").getValueNode().getStartMark()) + ": " + what + ": 'at' goes with op set only");
            year = (int) y;
        }
        double convert = number(m, n, "convert", what, 1.0);
        if (convert == 0) throw new LeversException(at(m.get("convert").getValueNode().getStartMark()) + ": " + what + ": convert must not be 0");
        return new Target(pm.group(1), pm.group(2), op, year, convert);
    }

    private Map<String, NodeTuple> mapping(Node n, String what, List<String> allowed) throws LeversException {
        if (!(n instanceof MappingNode mn))
            throw new LeversException(at(n.getStartMark()) + ": " + what + " must be a mapping of " + String.join(", ", allowed));
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "";
            if (!allowed.contains(key))
                throw new LeversException(at(t.getKeyNode().getStartMark()) + ": '" + key + "' is not a key of " + what
                        + "; the keys are " + String.join(", ", allowed));
            if (out.put(key, t) != null)
                throw new LeversException(at(t.getKeyNode().getStartMark()) + ": '" + key + "' appears twice in " + what);
        }
        return out;
    }

    private String text(Map<String, NodeTuple> m, Node owner, String key, boolean required) throws LeversException {
        NodeTuple t = m.get(key);
        if (t == null) {
            if (required) throw new LeversException(at(owner.getStartMark()) + ": '" + key + ":' is missing");
            return "";
        }
        if (!(t.getValueNode() instanceof ScalarNode s))
            throw new LeversException(at(t.getValueNode().getStartMark()) + ": '" + key + "' must be text");
        if (required && s.getValue().isBlank()) throw new LeversException(at(s.getStartMark()) + ": '" + key + "' is empty");
        return s.getValue().strip();
    }

    private double number(Map<String, NodeTuple> m, Node owner, String key, String what, Double fallback) throws LeversException {
        NodeTuple t = m.get(key);
        if (t == null) {
            if (fallback == null) throw new LeversException(at(owner.getStartMark()) + ": " + what + ": '" + key + ":' is missing");
            return fallback;
        }
        String v = t.getValueNode() instanceof ScalarNode s ? s.getValue() : "";
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && !v.isBlank() && !v.matches(".*[a-zA-Z&&[^eE]].*")) return d;
        } catch (NumberFormatException e) {
            // below
        }
        throw new LeversException(at(t.getValueNode().getStartMark()) + ": " + what + ": '" + key + "' must be a number, got '" + v + "'");
    }

    private String at(Mark m) {
        return m == null ? file + ":1:1" : file + ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1);
    }
}
