package etw.io.report;

import static etw.io.report.Html.esc;
import static etw.io.report.ReportInput.series;
import static etw.io.report.ReportInput.sum;
import static etw.io.report.ReportInput.unit;

import java.util.ArrayList;
import java.util.List;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;

/** The parts that the chart sections share: a figure with caption and notes, and the lines of each scenario. */
final class Figures {
    private Figures() {
    }

    /**
     * Stacks each part of {@code parent} (see {@link ReportInput#children}) in {@code region}, labelled by its name
     * below the parent; a part in another unit than {@code unit} is left out with a note. Where the result holds
     * {@code parent} itself, what its total holds beyond the parts drawn is stacked as "other (plugins)", so the
     * top of the stack is always the total; a total below its parts is noted.
     */
    static void stackChildren(SvgChart chart, List<String> notes, Result r, String parent, List<String> children,
                              Palette.Stack colours, String unit, String region) {
        double[] drawn = new double[r.scenario().yearCount()];
        for (String v : children) {
            String label = v.substring(parent.length() + 1);
            String colour = colours.colour(label);
            String u = ReportInput.partUnit(r, v);
            if (!unit.equals(u)) {
                notes.add(v + " is in " + (u == null ? "several units" : u) + ", not " + unit + ": left out.");
                continue;
            }
            double[] s = ReportInput.partSeries(r, v, region);
            if (!r.has(v)) {
                label += " (sum of " + ReportInput.members(r, v).size() + " below)";
                notes.add(v + " is not written itself: its part is the sum of " + String.join(", ", ReportInput.members(r, v))
                        + ".");
            }
            for (int i = 0; i < drawn.length; i++) drawn[i] += s[i];
            chart.stack(label, colour, r.firstYear(), s);
        }
        double[] total = series(r, parent, region);
        if (total == null || !unit(r, parent).equals(unit)) return;
        double[] rest = new double[total.length];
        double scale = 0, over = 0, left = 0;
        // sources are drawn as generated; the total is what was delivered: curtailed energy is the difference
        double[] curtailed = r.has(parent + "|Curtailment") && unit(r, parent + "|Curtailment").equals(unit)
                ? series(r, parent + "|Curtailment", region) : new double[total.length];
        for (int i = 0; i < total.length; i++) {
            rest[i] = total[i] - (drawn[i] - curtailed[i]);
            scale = Math.max(scale, Math.abs(total[i]));
        }
        double eps = 1e-9 * Math.max(1, scale);
        for (int i = 0; i < rest.length; i++) {
            if (rest[i] < -eps) over = Math.max(over, -rest[i]);
            if (rest[i] > eps) left = Math.max(left, rest[i]);
            rest[i] = Math.max(0, rest[i]);
        }
        if (left > 0) {
            chart.stack(OTHER, "#c7c7c7", r.firstYear(), rest);
            notes.add("\"" + OTHER + "\" is what " + parent + " holds beyond the parts drawn (up to " + Html.amount(left) + " "
                    + unit + "), so the stack adds up to the total.");
        }
        if (over > 0)
            notes.add("The parts drawn exceed " + parent + " by up to " + Html.amount(over) + " " + unit
                    + ": a part is counted twice or the total is set by a scenario.");
    }

    /** The label of the remainder of a total beyond its named parts. */
    static final String OTHER = "other (plugins)";

    static void figure(StringBuilder h, SvgChart chart, String caption, List<String> notes) {
        h.append("<figure class=\"chart\">\n").append(chart.toSvg()).append("<figcaption>").append(esc(caption));
        for (String n : notes) h.append(" <span class=\"note\">").append(esc(n)).append("</span>");
        h.append("</figcaption>\n</figure>\n");
    }

    static void missing(StringBuilder h, String chart, String why) {
        h.append("<p class=\"note missing\">").append(esc(chart + " not shown: " + why + ".")).append("</p>\n");
    }

    static String compareNote(List<Result> results, String what) {
        if (results.size() < 2) return "";
        StringBuilder b = new StringBuilder(" Comparisons, as ");
        b.append(what).append(": ");
        for (int i = 1; i < results.size(); i++) {
            if (i > 1) b.append("; ");
            b.append(results.get(i).scenario().name()).append(" (").append(Palette.styleWords(i)).append(')');
        }
        return b.append('.').toString();
    }

    /** One line per scenario (main solid, comparisons dashed), over the ensemble band and median when given. */
    static void scenarioLines(SvgChart chart, List<String> notes, List<Result> results, EnsembleResult ens,
                              String region, String variable, String unit) {
        if (ens != null) EnsembleBands.draw(chart, notes, ens, region, variable, unit);
        for (int i = 0; i < results.size(); i++) {
            Result c = results.get(i);
            if (!c.regions().contains(region)) continue;
            if (!c.has(variable)) {
                notes.add((i == 0 ? "" : "Comparison ") + c.scenario().name() + " has no " + variable + ": not drawn.");
                continue;
            }
            if (!unit(c, variable).equals(unit)) {
                notes.add(c.scenario().name() + " gives " + variable + " in " + unit(c, variable) + ", not " + unit
                        + ": not drawn.");
                continue;
            }
            chart.line(c.scenario().name(), Palette.style(i)[0], Palette.style(i)[1], i == 0 ? 2.2 : 1.8, c.firstYear(),
                    series(c, variable, region));
        }
    }

    /**
     * A dashed line per comparison: the total of its own children of {@code parent} in {@code unit}, which may
     * differ from the main result's.
     */
    static void comparisonTotals(SvgChart chart, List<String> notes, List<Result> results, String region, String parent,
                                 List<String> preferred, String unit, String what) {
        for (int i = 1; i < results.size(); i++) {
            Result c = results.get(i);
            if (!c.regions().contains(region)) continue;
            List<String> own = new ArrayList<>();
            for (String v : ReportInput.children(c, parent, preferred))
                if (unit.equals(ReportInput.partUnit(c, v))) own.addAll(ReportInput.members(c, v));
            if (own.isEmpty()) {
                notes.add("Comparison " + c.scenario().name() + " has no children of " + parent + " in " + unit
                        + ": its total " + what + " is not drawn.");
                continue;
            }
            chart.line(c.scenario().name() + " (total)", Palette.style(i)[0], Palette.style(i)[1], 1.8, c.firstYear(),
                    sum(c, own, region));
        }
    }
}
