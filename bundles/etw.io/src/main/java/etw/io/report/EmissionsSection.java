package etw.io.report;

import static etw.io.report.Html.amount;
import static etw.io.report.Html.esc;
import static etw.io.report.Html.percentChange;
import static etw.io.report.ReportInput.series;
import static etw.io.report.ReportInput.unit;

import java.util.ArrayList;
import java.util.List;

import etw.api.scenario.Result;

/**
 * CO2 emissions of electricity supply against the IPCC AR6 C1 (1.5 &#176;C) milestones, as a chart (lines per
 * scenario, the ensemble band, milestone diamonds) and a table of each scenario's emissions in the milestone years.
 */
final class EmissionsSection implements Section.PerRegion {
    static final String EMISSIONS = "Emissions|CO2|Energy|Supply|Electricity";
    /** IPCC AR6 WGIII, Table SPM.2, pathways C1: CO2 reduction by year, relative to 2019. */
    static final int[] MILESTONE_YEARS = {2030, 2040, 2050};
    static final int[] MILESTONE_CUTS = {48, 80, 99};
    static final String MILESTONE_BASIS = "relative to the base year, as a proxy for 2019 (the IPCC reference year)";

    @Override
    public void write(StringBuilder h, ReportInput in, int ri, String region) {
        Result main = in.main();
        List<Result> results = in.results();
        if (!main.has(EMISSIONS)) {
            Figures.missing(h, "Emissions", "the result has no " + EMISSIONS);
            return;
        }
        String unit = unit(main, EMISSIONS);
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-emissions", "CO2 emissions of electricity supply, " + region,
                "CO2 emissions of electricity supply in " + region + " with the IPCC AR6 C1 (1.5 \u00b0C) milestones, "
                        + MILESTONE_BASIS + ".", "Year", "CO2 emissions (" + unit + ")");
        Figures.scenarioLines(chart, notes, results, in.ensemble(), region, EMISSIONS, unit);

        double[] s = series(main, EMISSIONS, region);
        double base = s[0];
        List<int[]> shown = new ArrayList<>(); // {year, cut}
        if (!(base > 0) || !Double.isFinite(base)) {
            notes.add("No 1.5 \u00b0C milestones: emissions in the base year " + main.firstYear()
                    + " are not positive, so there is nothing to reduce from.");
        } else {
            chart.markerLegend("IPCC AR6 C1 (1.5 \u00b0C) milestone, relative to the base year", Palette.MILESTONE);
            for (int m = 0; m < MILESTONE_YEARS.length; m++) {
                int year = MILESTONE_YEARS[m];
                int cut = MILESTONE_CUTS[m];
                if (year < main.firstYear() || year > main.lastYear()) {
                    notes.add("The " + year + " milestone (\u2212" + cut + "%) is outside the simulated years "
                            + main.firstYear() + "\u2013" + main.lastYear() + ".");
                    continue;
                }
                chart.marker(year, base * (100 - cut) / 100.0, "\u2212" + cut + "%");
                shown.add(new int[] {year, cut});
            }
        }
        Figures.figure(h, chart, "Lines: CO2 emissions of electricity supply (" + EMISSIONS + ")."
                + Figures.compareNote(results, "emissions") + " Diamonds: the IPCC AR6 C1 (1.5 \u00b0C) milestones, CO2 "
                + "\u221248% by 2030, \u221280% by 2040, \u221299% by 2050, " + MILESTONE_BASIS + "; base year "
                + main.firstYear() + " of " + main.scenario().name() + " (IPCC AR6 WGIII, Table SPM.2).", notes);

        if (!shown.isEmpty()) milestoneTable(h, region, results, unit, base, shown);
    }

    private static void milestoneTable(StringBuilder h, String region, List<Result> results, String unit, double base,
                                       List<int[]> shown) {
        Result main = results.get(0);
        h.append("<table class=\"milestones\">\n<caption>").append(esc("Emissions against the 1.5 \u00b0C (C1) milestones, "
                + region + " (" + unit + "; change " + MILESTONE_BASIS + ")")).append("</caption>\n");
        h.append("<thead><tr><th>Year</th><th class=\"num\">C1 change</th><th class=\"num\">")
                .append(esc("Milestone for " + main.scenario().name())).append("</th>");
        for (Result r : results) h.append("<th class=\"num\">").append(esc(r.scenario().name())).append("</th>");
        h.append("</tr></thead>\n<tbody>\n");
        for (int[] m : shown) {
            h.append("<tr><td>").append(m[0]).append("</td><td class=\"num\">").append(esc("\u2212" + m[1] + "%"))
                    .append("</td><td class=\"num\">").append(esc(amount(base * (100 - m[1]) / 100.0))).append("</td>");
            for (Result r : results) {
                double[] s = series(r, EMISSIONS, region);
                h.append("<td class=\"num\">");
                if (s == null || !unit(r, EMISSIONS).equals(unit) || m[0] < r.firstYear() || m[0] > r.lastYear()) {
                    h.append(esc("\u2014"));
                } else {
                    double v = s[m[0] - r.firstYear()];
                    h.append(esc(amount(v)));
                    if (s[0] > 0) h.append(esc(" (" + percentChange(v / s[0] - 1) + ")"));
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }
}
