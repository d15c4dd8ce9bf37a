package etw.io.report;

import static etw.io.report.Html.amount;
import static etw.io.report.Html.esc;
import static etw.io.report.Html.pct;
import static etw.io.report.ReportInput.series;

import java.util.ArrayList;
import java.util.List;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;

/** The headline variables of a region: first and last year of every scenario, and the ensemble's band. */
final class HeadlinesSection implements Section.PerRegion {
    @Override
    public void write(StringBuilder h, ReportInput in, int ri, String region) {
        List<Result> results = in.results();
        EnsembleResult ens = in.ensemble();
        h.append("<h3>Headline results</h3>\n");
        List<String> vars = new ArrayList<>();
        for (String v : in.headlines()) {
            for (Result r : results) {
                if (r.has(v) && r.regions().contains(region)) {
                    vars.add(v);
                    break;
                }
            }
        }
        if (vars.isEmpty()) {
            h.append("<p class=\"note\">None of the headline variables is in the results for this region.</p>\n");
            return;
        }
        int[] band = ens == null ? null : ReportInput.bandIndexes(ens);
        boolean ensCol = band != null && ens.scenario().regions().contains(region);
        h.append("<table class=\"headlines\">\n<thead>\n<tr><th rowspan=\"2\">Variable</th><th rowspan=\"2\">Unit</th>");
        for (Result r : results) h.append("<th class=\"num\" colspan=\"2\">").append(esc(r.scenario().name())).append("</th>");
        if (ensCol) h.append("<th class=\"num\">").append(esc("Ensemble p" + pct(ens.percentiles()[band[0]]) + "\u2013p"
                + pct(ens.percentiles()[band[1]]))).append("</th>");
        h.append("</tr>\n<tr>");
        for (Result r : results) h.append("<th class=\"num\">").append(r.firstYear()).append("</th><th class=\"num\">")
                .append(r.lastYear()).append("</th>");
        if (ensCol) h.append("<th class=\"num\">").append(ens.scenario().lastYear()).append("</th>");
        h.append("</tr>\n</thead>\n<tbody>\n");
        for (String v : vars) {
            String unit = "";
            for (Result r : results) {
                int i = r.indexOf(v);
                if (i >= 0) {
                    unit = r.variables().get(i).unit();
                    break;
                }
            }
            h.append("<tr><td>").append(esc(v)).append("</td><td>").append(esc(unit)).append("</td>");
            for (Result r : results) {
                double[] s = series(r, v, region);
                boolean sameUnit = s != null && r.variables().get(r.indexOf(v)).unit().equals(unit);
                if (!sameUnit) {
                    h.append("<td class=\"num\">").append(s == null ? esc("\u2014") : esc("(other unit)"))
                            .append("</td><td class=\"num\"></td>");
                } else {
                    h.append("<td class=\"num\">").append(esc(amount(s[0]))).append("</td><td class=\"num\">")
                            .append(esc(amount(s[s.length - 1]))).append("</td>");
                }
            }
            if (ensCol) {
                int ev = ens.indexOf(v);
                h.append("<td class=\"num\">");
                if (ev >= 0 && ens.variables().get(ev).unit().equals(unit)) {
                    int r = ens.scenario().regions().indexOf(region);
                    double[] lo = ens.series(ev, band[0], r);
                    double[] hi = ens.series(ev, band[1], r);
                    h.append(esc(amount(lo[lo.length - 1]) + " \u2013 " + amount(hi[hi.length - 1])));
                } else {
                    h.append(esc("\u2014"));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
