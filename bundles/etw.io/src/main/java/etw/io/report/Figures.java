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
     * Stacks each of {@code children} (variables directly under {@code parent}) in {@code region}, labelled by
     * its last name segment; a child in another unit than {@code unit} is left out with a note.
     */
    static void stackChildren(SvgChart chart, List<String> notes, Result r, String parent, List<String> children,
                              Palette.Stack colours, String unit, String region) {
        for (String v : children) {
            String label = v.substring(parent.length() + 1);
            String colour = colours.colour(label);
            if (!unit(r, v).equals(unit)) {
                notes.add(v + " is in " + unit(r, v) + ", not " + unit + ": left out.");
                continue;
            }
            chart.stack(label, colour, r.firstYear(), series(r, v, region));
        }
    }

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
            for (String v : ReportInput.children(c, parent, preferred)) if (unit(c, v).equals(unit)) own.add(v);
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
