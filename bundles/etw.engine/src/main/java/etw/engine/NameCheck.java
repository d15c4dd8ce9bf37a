package etw.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;

/**
 * Finds variable names that are probably typos: a name (or one of its ancestors, {@code A|B} of {@code A|B|C})
 * that no model knows but that lies within a small edit distance of a name some model reads or writes. A typo
 * in a child variable ({@code Final Energy|Electricty|Hydrogen}) would otherwise drop silently out of its
 * parent's total.
 */
public final class NameCheck {
    /** The largest edit distance still taken for a typo: one or two letters wrong, missing or swapped. */
    static final int MAX_DISTANCE = 2;

    /** Sorted once here, not on every {@link #nearest} (wiring asks it for every output nobody reads). */
    private final TreeSet<String> known = new TreeSet<>();

    /** Knows every variable the given models read or write, and every ancestor of those. */
    public NameCheck(Collection<ModelDescriptor> models) {
        for (ModelDescriptor d : models) {
            for (Input in : d.inputs()) addWithAncestors(in.variable());
            for (Output o : d.outputs()) addWithAncestors(o.variable());
        }
    }

    /** Also knows this name and its ancestors (exogenous data, say). */
    public NameCheck know(String name) {
        addWithAncestors(name);
        return this;
    }

    private void addWithAncestors(String name) {
        known.add(name);
        for (int bar = name.indexOf('|'); bar >= 0; bar = name.indexOf('|', bar + 1)) known.add(name.substring(0, bar));
    }

    /**
     * If {@code name} or one of its ancestors is unknown but close to a known name, the known name it probably
     * means, as "'typo' looks like 'known'"; otherwise null.
     */
    public String suspect(String name) {
        List<String> levels = new ArrayList<>();
        for (int bar = name.indexOf('|'); bar >= 0; bar = name.indexOf('|', bar + 1)) levels.add(name.substring(0, bar));
        levels.add(name);
        for (String level : levels) {
            if (known.contains(level)) continue;
            String nearest = nearest(level);
            if (nearest != null) return "'" + level + "' looks like '" + nearest + "'";
        }
        return null;
    }

    /** The known name closest to {@code name} within {@link #MAX_DISTANCE}, ignoring case differences; or null. */
    public String nearest(String name) {
        return closest(name, known);
    }

    /**
     * The candidate other than {@code name} closest to it, ignoring case, within one edit when the last segment
     * of {@code name} (after its last '|') is shorter than 8 characters and {@link #MAX_DISTANCE} otherwise (so
     * "Oil" is not taken for "Coal", but "Electricty" is for "Electricity"); or null.
     */
    public static String closest(String name, Collection<String> candidates) {
        String best = null;
        int allowed = name.length() - name.lastIndexOf('|') - 1 >= 8 ? MAX_DISTANCE : 1;
        int bestDistance = allowed + 1;
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        Iterable<String> sorted = candidates instanceof TreeSet<String> t && t.comparator() == null ? t : new TreeSet<>(candidates);
        for (String k : sorted) {
            if (k.equals(name) || Math.abs(k.length() - name.length()) > allowed) continue;
            String kl = k.toLowerCase(java.util.Locale.ROOT);
            if (bagDistance(kl, lower) >= bestDistance) continue; // cannot beat the best: skip the O(n m) table
            int d = distance(kl, lower, bestDistance);
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * Likely typos among the installed models' outputs: an output that no installed model reads by its exact name,
     * and whose name or an ancestor is close to a known name. One line per output.
     */
    public static List<String> likelyTypos(Collection<InstalledModel> installed) {
        return likelyTypos(installed, "no installed model");
    }

    /** A descriptor by identity: descriptors are immutable, so the same object gives the same typos. */
    private record Same(ModelDescriptor d) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Same s && s.d == d;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(d);
        }
    }

    /**
     * The last answers of {@link #likelyTypos(Collection, String)}, by the message and each model's label and
     * descriptor (by identity): wiring asks on every run, and the edit distances cost more than a small run.
     */
    private static final Map<List<Object>, List<String>> TYPOS = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, List<String>> eldest) {
            return size() > 8;
        }
    });

    /** The same among {@code models}; {@code nobody} names who does not read it, for the message. */
    static List<String> likelyTypos(Collection<InstalledModel> models, String nobody) {
        List<Object> key = new ArrayList<>(1 + 2 * models.size());
        key.add(nobody);
        for (InstalledModel m : models) {
            key.add(m.label());
            key.add(new Same(m.model().descriptor()));
        }
        List<String> known = TYPOS.get(key);
        if (known != null) return known;
        List<String> lines = List.copyOf(computeTypos(models, nobody));
        TYPOS.put(key, lines);
        return lines;
    }

    private static List<String> computeTypos(Collection<InstalledModel> models, String nobody) {
        List<String> lines = new ArrayList<>();
        for (InstalledModel m : models) {
            List<ModelDescriptor> others = models.stream().filter(x -> x != m).map(x -> x.model().descriptor()).toList();
            NameCheck check = new NameCheck(others);
            Set<String> read = new HashSet<>();
            others.forEach(d -> d.inputs().forEach(in -> read.add(in.variable())));
            for (Output o : m.model().descriptor().outputs()) {
                if (read.contains(o.variable())) continue;
                String suspect = check.suspect(o.variable());
                if (suspect != null)
                    lines.add("model " + m.label() + " writes '" + o.variable() + "', which " + nobody + " reads by "
                            + "that name: " + suspect + ", so it may drop out of the total it was meant for, or be "
                            + "counted twice. Check the spelling.");
            }
        }
        return lines;
    }

    /**
     * A lower bound of {@link #distance}: the larger of the characters of {@code a} not matched in {@code b} and
     * the reverse (as multisets). An insertion, deletion or substitution changes it by at most one and a
     * transposition not at all, so the edit distance is never below it.
     */
    static int bagDistance(String a, String b) {
        int[] count = new int[128];
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c >= 128) return 0; // no bound for other characters: the full distance decides
            count[c]++;
        }
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= 128) return 0;
            count[c]--;
        }
        int onlyA = 0, onlyB = 0;
        for (int n : count) {
            if (n > 0) onlyA += n;
            else onlyB -= n;
        }
        return Math.max(onlyA, onlyB);
    }

    /** Levenshtein distance with transpositions, cut off above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.length()][b.length()];
    }
}
