package etw.scenario;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

/**
 * Writes a scenario in its canonical form: YAML that {@link ScenarioParser} reads back to a scenario with the same
 * meaning, and the same text for the same scenario however it was made (read from a file, saved and reloaded, or
 * built in code), so that its hash identifies it.
 *
 * <p>The form: the top-level keys in a fixed order ({@code name, description, regions, years, seed, models, with,
 * parameters, exogenous, uncertainty}), every setting written (years and seed always, {@code scale: true} of a
 * distribution), keys below the top sorted (model ids, parameter names, variables, regions; years in order);
 * values and distributions in flow style ({@code {World: 62, China: 15}}); numbers as the shortest decimal
 * that reads back to the same double ({@code 62}, {@code 0.45}, {@code 1.0E-5}). Lists ({@code regions},
 * {@code models}, {@code with}) keep their order, which has a meaning. Not written: the source, the text, the
 * files read and where each value was written. Exogenous data read from a file is written inline. In a
 * per-region value with {@code "*"}, regions the scenario does not run are left out (they are never used, and
 * the parser refuses them there as likely typos).
 *
 * <pre>
 * String yaml = ScenarioWriter.write(scenario);
 * Scenario same = ScenarioParser.parse(yaml, "saved.yaml");   // the same meaning; write(same).equals(yaml)
 * </pre>
 */
public final class ScenarioWriter {
    private static final Resolver RESOLVER = new Resolver();

    private ScenarioWriter() {
    }

    /** The canonical YAML of a scenario. */
    public static String write(Scenario s) {
        List<NodeTuple> top = new ArrayList<>();
        put(top, "name", str(s.name()));
        if (!s.description().isEmpty()) put(top, "description", str(s.description()));
        put(top, "regions", list(s.regions()));
        put(top, "years", flow(List.of(tuple("first", integer(s.firstYear())), tuple("last", integer(s.lastYear())))));
        put(top, "seed", integer(s.seed()));
        if (!s.models().isEmpty()) put(top, "models", list(s.models()));
        if (!s.with().isEmpty()) put(top, "with", list(s.with()));
        body(top, s, null);
        return dump(block(top));
    }

    /**
     * A variant of {@code parent}: {@code extends: parentRef} and only what differs, read back to a scenario
     * with the same meaning as {@code s}; empty if {@code s} cannot be written so (it drops a parameter,
     * exogenous variable or distribution the parent sets: a variant can only add and replace).
     */
    public static Optional<String> writeVariant(Scenario s, String parentRef, Scenario parent) {
        if (!covers(s.parameters(), parent.parameters()) || !covers(s.uncertainty(), parent.uncertainty())
                || !s.exogenous().keySet().containsAll(parent.exogenous().keySet()))
            return Optional.empty();
        List<NodeTuple> top = new ArrayList<>();
        put(top, "name", str(s.name()));
        put(top, "extends", str(parentRef));
        if (!s.description().equals(parent.description())) put(top, "description", str(s.description()));
        if (!s.regions().equals(parent.regions())) put(top, "regions", list(s.regions()));
        if (s.firstYear() != parent.firstYear() || s.lastYear() != parent.lastYear())
            put(top, "years", flow(List.of(tuple("first", integer(s.firstYear())), tuple("last", integer(s.lastYear())))));
        if (s.seed() != parent.seed()) put(top, "seed", integer(s.seed()));
        if (!s.models().equals(parent.models())) {
            if (s.models().isEmpty()) return Optional.empty(); // "the default set" cannot be written over a list
            put(top, "models", list(s.models()));
        }
        if (!s.with().equals(parent.with())) {
            if (s.with().isEmpty()) return Optional.empty();
            put(top, "with", list(s.with()));
        }
        body(top, s, parent);
        return Optional.of(dump(block(top)));
    }

    private static <V> boolean covers(Map<String, Map<String, V>> child, Map<String, Map<String, V>> parent) {
        for (Map.Entry<String, Map<String, V>> e : parent.entrySet())
            if (!child.getOrDefault(e.getKey(), Map.of()).keySet().containsAll(e.getValue().keySet())) return false;
        return true;
    }

    /** Parameters, exogenous data and uncertainty: all of {@code s}, or those that differ from {@code parent}. */
    private static void body(List<NodeTuple> top, Scenario s, Scenario parent) {
        List<NodeTuple> params = new ArrayList<>();
        for (var model : new TreeMap<>(s.parameters()).entrySet()) {
            List<NodeTuple> values = new ArrayList<>();
            for (var p : new TreeMap<>(model.getValue()).entrySet()) {
                Node v = series(p.getValue(), s.regions());
                if (parent != null && same(v, parent.parameters().getOrDefault(model.getKey(), Map.of()).get(p.getKey()), parent.regions(), s.regions()))
                    continue;
                values.add(tuple(p.getKey(), v));
            }
            if (!values.isEmpty()) params.add(tuple(model.getKey(), block(values)));
        }
        if (!params.isEmpty()) put(top, "parameters", block(params));
        List<NodeTuple> exo = new ArrayList<>();
        for (Scenario.ExogenousSeries x : new TreeMap<>(s.exogenous()).values()) {
            Scenario.ExogenousSeries old = parent == null ? null : parent.exogenous().get(x.variable());
            if (old != null && old.unit().equals(x.unit()) && same(series(x.values(), s.regions()), old.values(), parent.regions(), s.regions()))
                continue;
            exo.add(tuple(x.variable(), block(List.of(tuple("unit", str(x.unit())), tuple("values", series(x.values(), s.regions()))))));
        }
        if (!exo.isEmpty()) put(top, "exogenous", block(exo));
        List<NodeTuple> unc = new ArrayList<>();
        for (var model : new TreeMap<>(s.uncertainty()).entrySet()) {
            List<NodeTuple> values = new ArrayList<>();
            for (var p : new TreeMap<>(model.getValue()).entrySet()) {
                Node d = distribution(p.getValue());
                Distribution old = parent == null ? null : parent.uncertainty().getOrDefault(model.getKey(), Map.of()).get(p.getKey());
                if (old != null && dump(d).equals(dump(distribution(old)))) continue;
                values.add(tuple(p.getKey(), d));
            }
            if (!values.isEmpty()) unc.add(tuple(model.getKey(), block(values)));
        }
        if (!unc.isEmpty()) put(top, "uncertainty", block(unc));
    }

    /** Whether a written value equals what the parent has (as the variant would read it, in its regions). */
    private static boolean same(Node written, RegionalSeries old, List<String> oldRegions, List<String> regions) {
        return old != null && oldRegions.equals(regions) && dump(written).equals(dump(series(old, regions)));
    }

    /** A number, {year: value}, or {region: number or {year: value}}, regions sorted. */
    static Node series(RegionalSeries v, List<String> regions) {
        Map<String, Trajectory> by = v.byRegion();
        if (by.size() == 1 && by.containsKey(RegionalSeries.ALL_REGIONS)) return trajectory(by.get(RegionalSeries.ALL_REGIONS));
        boolean hasAll = by.containsKey(RegionalSeries.ALL_REGIONS);
        java.util.Set<String> run = hasAll ? new java.util.HashSet<>(regions) : null;
        List<NodeTuple> out = new ArrayList<>();
        for (var e : new TreeMap<>(by).entrySet()) {
            if (hasAll && !e.getKey().equals(RegionalSeries.ALL_REGIONS) && !run.contains(e.getKey())) continue;
            out.add(tuple(e.getKey(), trajectory(e.getValue())));
        }
        return flow(out);
    }

    private static Node trajectory(Trajectory t) {
        Map<Integer, Double> points = t.points();
        if (points.size() == 1) return number(points.values().iterator().next());
        List<NodeTuple> out = new ArrayList<>();
        points.forEach((y, v) -> out.add(new NodeTuple(integer(y), number(v))));
        return flow(out);
    }

    private static Node distribution(Distribution d) {
        List<NodeTuple> f = new ArrayList<>();
        f.add(tuple("distribution", str(d.kind().name().toLowerCase(Locale.ROOT))));
        f.add(tuple("max", number(d.max())));
        switch (d.kind()) {
            case TRIANGULAR -> f.add(tuple("mode", number(d.a())));
            case NORMAL -> {
                f.add(tuple("mean", number(d.a())));
                f.add(tuple("sd", number(d.b())));
            }
            case LOGNORMAL -> {
                f.add(tuple("median", number(d.a())));
                f.add(tuple("sigma", number(d.b())));
            }
            default -> { }
        }
        f.add(tuple("min", number(d.min())));
        if (d.scale()) f.add(tuple("scale", scalar("true")));
        f.sort((x, y) -> ((ScalarNode) x.getKeyNode()).getValue().compareTo(((ScalarNode) y.getKeyNode()).getValue()));
        return flow(f);
    }

    /** The shortest decimal that reads back to the same double; whole numbers without ".0". */
    static String format(double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException("a scenario value is " + v + "; only finite numbers can be written");
        if (v == 0) return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0.0";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }

    private static Node number(double v) {
        return scalar(format(v));
    }

    private static Node integer(long v) {
        return scalar(Long.toString(v));
    }

    /** A scalar that YAML reads as what it looks like (a number, true): written plain. */
    private static Node scalar(String text) {
        return new ScalarNode(RESOLVER.resolve(NodeId.scalar, text, true), text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    /** A string: quoted by the emitter whenever plain text would read as something else. */
    private static Node str(String text) {
        return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.PLAIN);
    }

    private static Node list(List<String> items) {
        return new SequenceNode(Tag.SEQ, items.stream().map(ScenarioWriter::str).toList(), DumperOptions.FlowStyle.FLOW);
    }

    private static NodeTuple tuple(String key, Node value) {
        return new NodeTuple(str(key), value);
    }

    private static void put(List<NodeTuple> map, String key, Node value) {
        map.add(tuple(key, value));
    }

    private static Node flow(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.FLOW);
    }

    private static Node block(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
    }

    private static String dump(Node root) {
        DumperOptions o = new DumperOptions();
        o.setWidth(120);
        o.setIndent(2);
        o.setAllowUnicode(true);
        o.setLineBreak(DumperOptions.LineBreak.UNIX);
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        StringWriter w = new StringWriter();
        new Yaml(o).serialize(root, w);
        return w.toString();
    }
}
