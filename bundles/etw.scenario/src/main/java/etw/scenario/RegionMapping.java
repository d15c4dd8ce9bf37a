package etw.scenario;

import java.io.StringReader;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A region mapping file: which regions of a data file make up each region of the scenario. YAML, one line per
 * scenario region with the list of data-file regions summed into it:
 *
 * <pre>
 * Europe: [R5OECD90+EU]                   # a renamed region
 * Asia: [R5ASIA]
 * Rest of World: [R5LAM, R5MAF, R5REF]    # the sum of three
 * </pre>
 *
 * A data-file region may feed only one scenario region (or it would be counted twice).
 */
final class RegionMapping {
    private final Map<String, List<String>> sources;
    private final String sha256;

    private RegionMapping(Map<String, List<String>> sources, String sha256) {
        this.sources = sources;
        this.sha256 = sha256;
    }

    /** Scenario region to the data-file regions summed into it, in the file's order. */
    Map<String, List<String>> sources() {
        return sources;
    }

    String sha256() {
        return sha256;
    }

    static RegionMapping read(Path file) throws ScenarioException {
        byte[] bytes;
        try {
            bytes = ScenarioText.read(file, Limits.MAX_SCENARIO_BYTES, "a region mapping");
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file + ": no such file (a region mapping is looked for relative to the scenario file)");
        }
        String name = file.toString();
        String text = ScenarioText.decode(bytes, name);
        Node root;
        try {
            LoaderOptions o = new LoaderOptions();
            o.setMaxAliasesForCollections(0);
            o.setNestingDepthLimit(Limits.MAX_NESTING);
            root = new Yaml(o).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new ScenarioException(name + (m == null ? "" : ":" + (m.getLine() + 1) + ":" + (m.getColumn() + 1))
                    + ": not valid YAML: " + Names.token(e.getProblem()));
        } catch (YAMLException e) {
            throw new ScenarioException(name + ": not valid YAML (" + Names.token(e.getMessage()) + ")");
        }
        String form = "; a region mapping maps each scenario region to a list of data-file regions, e.g. Europe: [R5OECD90+EU]";
        if (!(root instanceof MappingNode m) || m.getValue().isEmpty())
            throw new ScenarioException(name + ":1:1: not a region mapping" + form);
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, String> usedBy = new HashMap<>();
        for (NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) throw new ScenarioException(at(name, t.getKeyNode()) + ": a key must be a region name" + form);
            String target = k.getValue();
            if (out.containsKey(target))
                throw new ScenarioException(at(name, k) + ": region '" + Names.token(target) + "' appears twice; keep one");
            if (!(t.getValueNode() instanceof SequenceNode seq) || seq.getValue().isEmpty())
                throw new ScenarioException(at(name, t.getValueNode()) + ": '" + Names.token(target) + "' needs a non-empty list" + form);
            List<String> list = new ArrayList<>();
            for (Node n : seq.getValue()) {
                if (!(n instanceof ScalarNode s)) throw new ScenarioException(at(name, n) + ": a data-file region must be a single name" + form);
                String before = usedBy.putIfAbsent(s.getValue(), target);
                if (before != null)
                    throw new ScenarioException(at(name, n) + ": data-file region '" + Names.token(s.getValue()) + "' feeds both '"
                            + Names.token(before) + "' and '" + Names.token(target) + "'; it would be counted twice");
                list.add(s.getValue());
            }
            out.put(target, List.copyOf(list));
        }
        return new RegionMapping(Collections.unmodifiableMap(out), ScenarioText.sha256(bytes));
    }

    private static String at(String name, Node n) {
        return name + ":" + (n.getStartMark().getLine() + 1) + ":" + (n.getStartMark().getColumn() + 1);
    }
}
