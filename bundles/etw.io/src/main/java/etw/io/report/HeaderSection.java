package etw.io.report;

import static etw.io.report.Html.esc;

import etw.api.scenario.Result;

/** The title, regions, years and seed of the main scenario, what it is compared with, and the ensemble. */
final class HeaderSection implements Section {
    @Override
    public void write(StringBuilder h, ReportInput in) {
        Result main = in.main();
        h.append("<header>\n<h1>").append(esc("Scenario report: " + main.scenario().name())).append("</h1>\n");
        h.append("<p class=\"meta\">Regions: ").append(esc(String.join(", ", main.regions())))
                .append(". Years: ").append(main.firstYear()).append(esc("\u2013")).append(main.lastYear())
                .append(". Seed: ").append(main.manifest().seed()).append(".</p>\n");
        h.append("<p class=\"meta\">Plugins: ").append(esc(main.manifest().plugins().isEmpty() ? "none"
                : String.join(", ", main.manifest().plugins()))).append(".</p>\n");
        if (!main.scenario().description().isBlank())
            h.append("<p class=\"description\">").append(esc(main.scenario().description())).append("</p>\n");
        if (in.results().size() > 1) {
            h.append("<p class=\"meta\">Compared with: ");
            for (int i = 1; i < in.results().size(); i++) {
                if (i > 1) h.append("; ");
                Result c = in.results().get(i);
                h.append("<strong>").append(esc(c.scenario().name())).append("</strong> (")
                        .append(esc(Palette.styleWords(i))).append(", ").append(c.firstYear()).append(esc("\u2013"))
                        .append(c.lastYear()).append(')');
            }
            h.append(".</p>\n");
        }
        if (in.ensemble() != null) EnsembleBands.describe(h, in.ensemble());
        h.append("</header>\n");
    }
}
