package etw.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import etw.api.SoftRange;
import etw.api.scenario.Result;

/**
 * Checks the {@link SoftRange soft ranges} the models of a run declare: one warning per range and region left,
 * naming the model, the variable, the first year out of range, the value there and the range with its source.
 * Warnings only; no value changes and no run fails.
 */
final class Plausibility {
    private Plausibility() {
    }

    static List<String> check(List<InstalledModel> order, List<Result.VariableInfo> variables, double[][] values,
                              List<String> regions, int firstYear, int years) {
        List<String> lines = new ArrayList<>();
        List<String> names = variables.stream().map(Result.VariableInfo::name).toList(); // sorted by name
        for (InstalledModel m : order) {
            for (SoftRange r : m.model().descriptor().softRanges()) {
                int v = Collections.binarySearch(names, r.variable());
                if (v < 0) continue;
                int per = -1;
                if (r.kind() == SoftRange.Kind.RATIO) {
                    per = Collections.binarySearch(names, r.per());
                    if (per < 0) continue; // the scenario does not have the variable divided by
                }
                String first = null;
                int firstAt = Integer.MAX_VALUE;
                List<String> also = new ArrayList<>();
                for (int reg = 0; reg < regions.size(); reg++) {
                    int[] at = new int[1];
                    String line = check(r, values[v], per < 0 ? null : values[per], reg * years, years, firstYear,
                            regions.get(reg), at);
                    if (line == null) continue;
                    if (at[0] < firstAt) {
                        if (first != null) also.add(first.substring(0, first.indexOf('\t')));
                        first = line;
                        firstAt = at[0];
                    } else {
                        also.add(line.substring(0, line.indexOf('\t')));
                    }
                }
                if (first == null) continue;
                String[] parts = first.split("\t", 2);
                lines.add("implausible result of " + m.id() + ": " + parts[1].replace("@", parts[0])
                        + (also.isEmpty() ? "" : " (also " + String.join(", ", also) + ")")
                        + "; source: " + r.source());
            }
        }
        return lines;
    }

    /** The first year of one region out of range, in words, or null. */
    private static String check(SoftRange r, double[] x, double[] per, int offset, int years, int firstYear, String region,
                                 int[] at) {
        for (int y = 0; y < years; y++) {
            double q;
            switch (r.kind()) {
                case LEVEL -> q = x[offset + y];
                case RATIO -> {
                    double d = per[offset + y];
                    if (!(d > 0)) continue;
                    q = x[offset + y] / d * r.factor();
                }
                default -> {
                    if (y < r.years()) continue;
                    double start = x[offset + y - r.years()];
                    if (!(start > 0) || x[offset + y] < 0) continue;
                    q = Math.pow(x[offset + y] / start, 1.0 / r.years()) - 1;
                }
            }
            if (q >= r.min() - 1e-12 && q <= r.max() + 1e-12) continue;
            int year = firstYear + y;
            at[0] = year;
            String what = switch (r.kind()) {
                case LEVEL -> String.format(Locale.ROOT, "%s is %s %s in @, outside the plausible %s to %s %s",
                        r.variable(), Numbers.format(q), r.unit(), Numbers.format(r.min()), Numbers.format(r.max()), r.unit());
                case RATIO -> String.format(Locale.ROOT, "%s is %s in @, outside the plausible %s to %s",
                        r.quantity(), Numbers.format(q), Numbers.format(r.min()), Numbers.format(r.max()));
                default -> String.format(Locale.ROOT, "%s grows " + (Math.abs(q - r.max()) < 0.001 ? "%.2f" : "%.1f")
                                + "%%/yr on average in @, above the plausible %s%%/yr sustained for %d years",
                        r.variable(), 100 * q, Numbers.format(100 * r.max()), r.years());
            };
            String where = r.kind() == SoftRange.Kind.GROWTH ? region + " " + (year - r.years()) + "-" + year
                    : region + " " + year;
            return where + "\t" + what;
        }
        return null;
    }

    /** Numbers for people: no exponent, thousands separated, decimals only where the value is small. */
    static final class Numbers {
        private Numbers() {
        }

        static String format(double x) {
            if (Double.isInfinite(x)) return "no limit";
            double a = Math.abs(x);
            if (a >= 100 || x == Math.rint(x)) return String.format(Locale.ROOT, "%,.0f", x);
            if (a >= 1) return String.format(Locale.ROOT, "%,.1f", x);
            if (a >= 0.001) return String.format(Locale.ROOT, "%.3f", x);
            return "~0";
        }
    }
}
