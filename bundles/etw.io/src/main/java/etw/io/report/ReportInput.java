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
record ReportInput(List<Result> results, EnsembleResult ensemble) {
    ReportInput {
        Objects.requireNonNull(results, "results");
        if (results.isEmpty()) throw new IllegalArgumentException("a report needs at least one result");
        for (Result r : results) Objects.requireNonNull(r, "result");
        results = List.copyOf(results);
    }

    Result main() {
        return results.get(0);
    }

    /**
     * The variables directly under {@code parent} that the result holds and that are parts of its total: those
     * named in {@code preferred} first, in that order, then any others (a plugin's, say) by name.
     */
    static List<String> children(Result r, String parent, List<String> preferred) {
        List<String> out = new ArrayList<>();
        for (String s : preferred) if (r.has(parent + "|" + s)) out.add(parent + "|" + s);
        TreeSet<String> others = new TreeSet<>();
        for (Result.VariableInfo v : r.variables()) {
            String n = v.name();
            if (n.startsWith(parent + "|") && n.length() > parent.length() + 1 && n.indexOf('|', parent.length() + 1) < 0
                    && !out.contains(n) && !NOT_PARTS.contains(n.substring(parent.length() + 1)))
                others.add(n);
        }
        out.addAll(others);
        return out;
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
