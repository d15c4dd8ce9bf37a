package etw.io.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;

/**
 * What a report shows: the main result first, then the results compared with it, and an optional ensemble of
 * the main scenario; with the questions the sections ask of them.
 */
record ReportInput(List<Result> results, EnsembleResult ensemble, List<String> headlines) {
    ReportInput(List<Result> results, EnsembleResult ensemble) {
        this(results, ensemble, etw.io.Headlines.VARIABLES);
    }

    ReportInput {
        headlines = List.copyOf(headlines);
        Objects.requireNonNull(results, "results");
        if (results.isEmpty()) throw new IllegalArgumentException("a report needs at least one result");
        for (Result r : results) Objects.requireNonNull(r, "result");
        results = List.copyOf(results);
    }

    Result main() {
        return results.get(0);
    }

    /**
     * The parts of {@code parent}'s total, one per name directly under it: the variable {@code parent|X} where the
     * result holds it, or else the name {@code parent|X} standing for the sum of the top-most variables the
     * result holds below it (a plugin's {@code |Hydrogen|Electrolysis} when no one writes {@code |Hydrogen}), as
     * the engine adds them into the total. Those named in {@code preferred} first, in that order, then others by
     * name. Curtailment and unmet demand are not parts (see {@link #NOT_PARTS}).
     */
    static List<String> children(Result r, String parent, List<String> preferred) {
        TreeSet<String> all = new TreeSet<>();
        for (Result.VariableInfo v : r.variables()) {
            String n = v.name();
            if (!n.startsWith(parent + "|") || n.length() <= parent.length() + 1) continue;
            int bar = n.indexOf('|', parent.length() + 1);
            String head = bar < 0 ? n : n.substring(0, bar);
            if (!NOT_PARTS.contains(head.substring(parent.length() + 1))) all.add(head);
        }
        List<String> out = new ArrayList<>();
        for (String s : preferred) if (all.remove(parent + "|" + s)) out.add(parent + "|" + s);
        out.addAll(all);
        return out;
    }

    /**
     * The variables that make up a part (see {@link #children}): the part itself if the result holds it, else the
     * top-most variables below it (those with no held ancestor below the part).
     */
    static List<String> members(Result r, String part) {
        if (r.has(part)) return List.of(part);
        TreeSet<String> below = new TreeSet<>();
        for (Result.VariableInfo v : r.variables()) if (v.name().startsWith(part + "|")) below.add(v.name());
        List<String> top = new ArrayList<>();
        for (String n : below) {
            boolean covered = false;
            for (int i = n.indexOf('|', part.length() + 1); i > 0 && !covered; i = n.indexOf('|', i + 1))
                covered = below.contains(n.substring(0, i));
            if (!covered) top.add(n);
        }
        return top;
    }

    /** A part's values in a region (summed over its members), or {@code null} if the result lacks the region. */
    static double[] partSeries(Result r, String part, String region) {
        if (r.has(part)) return series(r, part, region);
        if (!r.regions().contains(region)) return null;
        return sum(r, members(r, part), region);
    }

    /** A part's unit: its own, or its members' if they share one, or null if they differ. */
    static String partUnit(Result r, String part) {
        String unit = null;
        for (String m : members(r, part)) {
            String u = unit(r, m);
            if (unit == null) unit = u;
            else if (!unit.equals(u)) return null;
        }
        return unit;
    }

    /**
     * Children that are not parts of their parent's total: curtailed energy was never delivered, and unmet demand
     * is what no source supplied (IAMC names them under {@code Secondary Energy|Electricity} all the same).
     */
    static final java.util.Set<String> NOT_PARTS = java.util.Set.of("Curtailment", "Unmet Demand");

    /** A variable's values in a region, or {@code null} if the result lacks either. */
    static double[] series(Result r, String variable, String region) {
        int v = r.indexOf(variable);
        int g = r.regions().indexOf(region);
        return v < 0 || g < 0 ? null : r.series(v, g);
    }

    static double[] sum(Result r, List<String> variables, String region) {
        double[] total = new double[r.scenario().yearCount()];
        for (String v : variables) {
            double[] s = series(r, v, region);
            for (int i = 0; i < total.length; i++) if (Double.isFinite(s[i])) total[i] += s[i];
        }
        return total;
    }

    static String unit(Result r, String variable) {
        return r.variables().get(r.indexOf(variable)).unit();
    }

    /** Indexes of the percentiles bounding the band: 5 and 95 if there, else the lowest and highest; null if fewer than two. */
    static int[] bandIndexes(EnsembleResult ens) {
        double[] p = ens.percentiles();
        if (p.length < 2) return null;
        int lo = indexOf(p, 5);
        int hi = indexOf(p, 95);
        if (lo < 0 || hi < 0) {
            lo = 0;
            hi = p.length - 1;
        }
        return new int[] {lo, hi};
    }

    static int indexOf(double[] p, double x) {
        for (int i = 0; i < p.length; i++) if (Math.abs(p[i] - x) < 1e-9) return i;
        return -1;
    }
}
