package etw.testkit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;

/**
 * The model under test among the installed models: which variables they write, which of its inputs look like a
 * misspelt written variable, and whether it closes a cycle of lag-0 inputs. Follows the engine's wiring rules: a
 * variable nobody writes reads as the sum of its written descendants.
 */
final class Catalogue {
    private final ModelDescriptor model;
    private final List<ModelDescriptor> all = new ArrayList<>();
    private final Map<String, String> writer = new TreeMap<>(); // variable -> model id

    Catalogue(ModelDescriptor model, Collection<ModelDescriptor> installed) {
        this.model = model;
        all.add(model);
        for (ModelDescriptor d : installed) if (!d.id().equals(model.id())) all.add(d);
        for (ModelDescriptor d : all) for (Output o : d.outputs()) writer.putIfAbsent(o.variable(), d.id());
    }

    /** Variables someone writes, and their ancestors (which read as aggregates). */
    private Set<String> known() {
        Set<String> known = new TreeSet<>();
        writer.keySet().forEach(v -> addWithAncestors(v, known));
        return known;
    }

    /** Variables the other models write or read, and the ancestors of those they write. */
    private Set<String> knownToOthers() {
        Set<String> known = new TreeSet<>();
        for (ModelDescriptor d : all) {
            if (d == model) continue;
            for (Output o : d.outputs()) addWithAncestors(o.variable(), known);
            for (Input in : d.inputs()) known.add(in.variable());
        }
        return known;
    }

    private static void addWithAncestors(String v, Set<String> into) {
        into.add(v);
        for (int i = v.indexOf('|'); i > 0; i = v.indexOf('|', i + 1)) into.add(v.substring(0, i));
    }

    /** The models whose outputs feed {@code variable}: its writer, or else the writers of its descendants. */
    private Map<String, String> producers(String variable) {
        Map<String, String> out = new TreeMap<>(); // model id -> the variable it writes
        String w = writer.get(variable);
        if (w != null) {
            out.put(w, variable);
            return out;
        }
        writer.forEach((v, id) -> {
            if (v.startsWith(variable + "|") && !writtenBetween(variable, v)) out.putIfAbsent(id, v);
        });
        return out;
    }

    /** True if a variable strictly between {@code ancestor} and {@code v} is written: then that one is summed, not v. */
    private boolean writtenBetween(String ancestor, String v) {
        for (int i = v.lastIndexOf('|'); i > ancestor.length(); i = v.lastIndexOf('|', i - 1))
            if (writer.containsKey(v.substring(0, i))) return true;
        return false;
    }

    /** One line per input of the model that nobody writes and that is a near miss of a known variable. */
    List<String> inputTypos() {
        List<String> problems = new ArrayList<>();
        Set<String> known = known();
        for (Input in : model.inputs()) {
            if (!producers(in.variable()).isEmpty()) continue;
            String near = nearest(in.variable(), known);
            if (near != null)
                problems.add("input " + in.variable() + " is written by no installed model, and neither is any variable "
                        + "below it; did you mean " + near + describe(near) + "? A misspelt input is missing at "
                        + "wiring (or, if a scenario supplies it, silently not the variable you meant)");
        }
        return problems;
    }

    /** One line per output whose parent is a near miss of a known variable, so it would not add to that total. */
    List<String> outputTypos() {
        List<String> problems = new ArrayList<>();
        Set<String> known = knownToOthers();
        for (Output o : model.outputs()) {
            String v = o.variable();
            for (int i = v.lastIndexOf('|'); i > 0; i = v.lastIndexOf('|', i - 1)) {
                String parent = v.substring(0, i);
                if (known.contains(parent)) break; // the parent is a variable others use: fine
                String near = nearest(parent, known);
                if (near != null) {
                    problems.add("output " + v + " sits below " + parent + ", which no other model writes or reads, "
                            + "and which looks like a misspelling of " + near + describe(near) + "; as it is, " + v
                            + " does not add to " + near);
                    break;
                }
            }
        }
        return problems;
    }

    private String describe(String variable) {
        String w = writer.get(variable);
        return w != null ? " (written by " + w + ")" : " (the sum of the variables below it)";
    }

    /**
     * A cycle of lag-0 inputs through the model under test, printed as "A reads X from B; B reads Y from A", or
     * null if there is none.
     */
    String lagZeroCycle() {
        // depth-first from the model, following "reads (lag 0) from" edges, until it comes back
        Map<String, ModelDescriptor> byId = new LinkedHashMap<>();
        for (ModelDescriptor d : all) byId.put(d.id(), d);
        Deque<String[]> path = new ArrayDeque<>(); // {consumer, variable, producer}
        return search(model.id(), byId, path, new TreeSet<>());
    }

    private String search(String consumer, Map<String, ModelDescriptor> byId, Deque<String[]> path, Set<String> seen) {
        if (!seen.add(consumer)) return null;
        for (Input in : byId.get(consumer).inputs()) {
            if (in.lag() != 0) continue;
            for (Map.Entry<String, String> p : producers(in.variable()).entrySet()) {
                String producer = p.getKey();
                String via = in.variable().equals(p.getValue()) ? in.variable()
                        : in.variable() + " (the sum that includes " + p.getValue() + ")";
                path.addLast(new String[] {consumer, via, producer});
                if (producer.equals(model.id())) return print(path);
                String found = search(producer, byId, path, seen);
                if (found != null) return found;
                path.removeLast();
            }
        }
        return null;
    }

    private static String print(Deque<String[]> path) {
        List<String> steps = new ArrayList<>();
        for (String[] s : path) steps.add(s[0] + " reads " + s[1] + " (lag 0) from " + s[2]);
        return String.join("; ", steps);
    }

    // ---- near misses ------------------------------------------------------------------------------------------

    /**
     * The known variable that {@code name} most likely misspells: same number of {@code |} segments, all equal but
     * one, and that one within a small edit distance (1 for short segments, 2 from 8 characters) or equal but for
     * case; null if none. {@code Emissions|CO2} and {@code Emissions|CH4} are not near misses of each other.
     */
    static String nearest(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String[] a = name.split("\\|", -1);
        for (String k : known) {
            if (k.equals(name)) return null;
            String[] b = k.split("\\|", -1);
            if (a.length != b.length) continue;
            int differing = -1;
            boolean more = false;
            for (int i = 0; i < a.length; i++) {
                if (a[i].equals(b[i])) continue;
                if (differing >= 0) more = true;
                differing = i;
            }
            if (more || differing < 0) continue;
            String x = a[differing], y = b[differing];
            int d = x.toLowerCase(Locale.ROOT).equals(y.toLowerCase(Locale.ROOT)) ? 0 : distance(x, y);
            int limit = Math.min(x.length(), y.length()) >= 8 ? 2 : 1;
            if (Math.min(x.length(), y.length()) < 4) limit = 0; // CO2 / CH4, BC / OC: only a case slip
            if (d <= limit && d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Edit distance with adjacent transpositions (optimal string alignment). */
    static int distance(String s, String t) {
        int[][] d = new int[s.length() + 1][t.length() + 1];
        for (int i = 0; i <= s.length(); i++) d[i][0] = i;
        for (int j = 0; j <= t.length(); j++) d[0][j] = j;
        for (int i = 1; i <= s.length(); i++)
            for (int j = 1; j <= t.length(); j++) {
                int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1))
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        return d[s.length()][t.length()];
    }
}
