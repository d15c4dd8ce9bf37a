package etw.io.report;

import static etw.io.report.Html.pct;

import java.util.List;

import etw.api.scenario.EnsembleResult;

/** An ensemble drawn into a chart: the band between the outer percentiles (p5-p95 if there) and the median. */
final class EnsembleBands {
    private EnsembleBands() {
    }

    static void draw(SvgChart chart, List<String> notes, EnsembleResult ens, String region, String variable, String unit) {
        int v = ens.indexOf(variable);
        int r = ens.scenario().regions().indexOf(region);
        int[] band = ReportInput.bandIndexes(ens);
        if (v < 0 || r < 0) {
            notes.add("The ensemble has no " + variable + (r < 0 ? " for region " + region : "") + ": no band.");
        } else if (!ens.variables().get(v).unit().equals(unit)) {
            notes.add("The ensemble gives " + variable + " in " + ens.variables().get(v).unit() + ": no band.");
        } else if (band == null) {
            notes.add("The ensemble has fewer than two percentiles: no band.");
        } else {
            double[] p = ens.percentiles();
            int fy = ens.scenario().firstYear();
            chart.band("Ensemble p" + pct(p[band[0]]) + "\u2013p" + pct(p[band[1]]) + " (" + ens.samples() + " samples)",
                    Palette.BAND, fy, ens.series(v, band[0], r), ens.series(v, band[1], r));
            int median = ReportInput.indexOf(p, 50);
            if (median >= 0) chart.line("Ensemble median (p50)", Palette.MEDIAN, "2 2", 1.5, fy, ens.series(v, median, r));
        }
    }

    /** The header's line about the ensemble. */
    static void describe(StringBuilder h, EnsembleResult ens) {
        h.append("<p class=\"meta\">Ensemble: ").append(ens.samples()).append(" samples of ")
                .append(Html.esc(ens.scenario().name())).append(", percentiles ");
        double[] p = ens.percentiles();
        for (int i = 0; i < p.length; i++) h.append(i > 0 ? ", " : "").append('p').append(pct(p[i]));
        h.append(".</p>\n");
    }
}
