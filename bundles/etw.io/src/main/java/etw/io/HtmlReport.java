package etw.io;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;

/**
 * Writes a report of one or more results as a single self-contained HTML file: inline CSS, inline SVG charts,
 * no scripts, no fonts or other files fetched from anywhere, readable on screen and on paper.
 *
 * <p>The first result is the main scenario; any others are comparisons, drawn as dashed lines over its charts and
 * as extra columns in its tables. For every region of the main result the report has a headline table (first
 * and last year), the electricity supply mix stacked by source, demand stacked by sector, CO2 emissions of
 * electricity supply against the IPCC AR6 C1 (1.5 &#176;C) milestones, and the carbon intensity of electricity;
 * a chart whose variables are missing is left out with a note saying so. The report ends with the run manifest
 * of every result.
 *
 * <p>The markup is XHTML written so that browsers read it as HTML and XML parsers accept it. All text from the
 * results (scenario, region, variable, parameter names...) is escaped, and everything outside ASCII is written as
 * character references, so the bytes do not depend on the encoding of the writer. The output depends only on
 * the inputs: writing the same results twice gives identical bytes (the manifests' {@code runAt} is printed, so
 * two runs of the same scenario differ there only).
 */
public final class HtmlReport {
    /** Sources of electricity stacked in the supply mix, bottom to top, each under {@code Secondary Energy|Electricity|}. */
    static final List<String> SUPPLY_SOURCES = List.of("Coal", "Gas", "Other", "Nuclear", "Hydro", "Wind", "Solar");
    /** Fixed colour per source, so that every report reads alike. */
    static final Map<String, String> SOURCE_COLOURS = Map.of(
            "Coal", "#3f3f3f", "Gas", "#e8853d", "Other", "#a88b6a", "Nuclear", "#9467bd",
            "Hydro", "#2b6cb0", "Wind", "#6cc3e0", "Solar", "#f5c518");
    /** Demand sectors in stacking order; other direct children of {@code Final Energy|Electricity} follow, by name. */
    static final List<String> DEMAND_SECTORS = List.of("Transportation", "Residential and Commercial", "Industry",
            "Data Centers", "Other");
    static final Map<String, String> SECTOR_COLOURS = Map.of(
            "Transportation", "#1b9e77", "Residential and Commercial", "#d95f02", "Industry", "#7570b3",
            "Data Centers", "#e7298a", "Other", "#a6a6a6");
    /** Colours for further demand children (a plugin's {@code |Hydrogen}, say), in name order. */
    private static final List<String> EXTRA_COLOURS = List.of("#66a61e", "#e6ab02", "#a6761d", "#17becf", "#bcbd22",
            "#8c564b");

    static final String SUPPLY = "Secondary Energy|Electricity";
    static final String DEMAND = "Final Energy|Electricity";
    static final String EMISSIONS = "Emissions|CO2|Energy|Supply|Electricity";
    static final String INTENSITY = "Carbon Intensity|Electricity";

    /**
     * Headline variables, in this order: what summaries (the report's tables, the command line) show when a
     * result has them.
     */
    public static final List<String> HEADLINES = List.of(
            "Final Energy|Electricity",
            "Final Energy|Electricity|Data Centers",
            "Final Energy|Electricity|Transportation",
            "Capacity|Electricity|Solar",
            "Capacity|Electricity|Wind",
            "Secondary Energy|Electricity",
            "Secondary Energy|Electricity|Solar",
            "Secondary Energy|Electricity|Wind",
            "Secondary Energy|Electricity|Coal",
            "Secondary Energy|Electricity|Gas",
            EMISSIONS,
            INTENSITY);

    /** IPCC AR6 WGIII, Table SPM.2, pathways C1: CO2 reduction by year, relative to 2019. */
    static final int[] MILESTONE_YEARS = {2030, 2040, 2050};
    static final int[] MILESTONE_CUTS = {48, 80, 99};
    static final String MILESTONE_BASIS = "relative to the base year, as a proxy for 2019 (the IPCC reference year)";

    /** Line colour and dash per scenario: the main one solid black, comparisons coloured and dashed. */
    private static final String[][] SCENARIO_STYLES = {
            {"#000000", ""}, {"#d62728", "7 4"}, {"#1f77b4", "3 3"}, {"#2ca02c", "10 3 2 3"}, {"#9467bd", "5 2"},
            {"#8c564b", "12 4"}};
    private static final String BAND_COLOUR = "#4a90d9";
    private static final String MEDIAN_COLOUR = "#1f4e8c";
    private static final String MILESTONE_COLOUR = "#1a9850";

    private static final String CSS = """
            @page { size: A4; margin: 14mm; }
            html { background: #ffffff; }
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.4;
              color: #000000; background: #ffffff; max-width: 760px; margin: 24px auto; padding: 0 12px; }
            h1 { font-size: 22px; margin: 0 0 6px 0; }
            h2 { font-size: 18px; margin: 28px 0 8px 0; padding-bottom: 2px; border-bottom: 2px solid #000000; }
            h3 { font-size: 15px; margin: 18px 0 6px 0; }
            p { margin: 4px 0 8px 0; }
            .meta { font-size: 13px; }
            .note { font-style: italic; font-size: 13px; }
            figure.chart { margin: 14px 0 18px 0; break-inside: avoid; page-break-inside: avoid; }
            figure.chart svg { display: block; width: 100%; max-width: 720px; height: auto; }
            figcaption { font-size: 12px; margin-top: 4px; }
            table { border-collapse: collapse; font-size: 12px; margin: 6px 0 12px 0; break-inside: avoid;
              page-break-inside: avoid; }
            th, td { border-bottom: 1px solid #b0b0b0; padding: 2px 6px; text-align: left; vertical-align: top; }
            thead th { border-bottom: 1px solid #000000; }
            caption { text-align: left; font-weight: bold; padding: 0 6px 4px 6px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px;
              overflow-wrap: anywhere; }
            table.parameters, table.differences { width: 100%; table-layout: fixed; break-inside: auto; page-break-inside: auto; }
            table.parameters col.key { width: 38%; }
            table.parameters td, table.differences td { overflow-wrap: anywhere; }
            table.parameters tr, table.differences tr { break-inside: avoid; page-break-inside: avoid; }
            table.parameters thead th { padding-top: 8px; }
            footer { margin-top: 28px; font-size: 11px; border-top: 1px solid #b0b0b0; padding-top: 4px; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              body, h1, h2, h3, p, td, th, figcaption { color: #000000 !important; background: #ffffff; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              section.region + section.region, section.manifest { break-before: page; page-break-before: always; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              figure.chart, table.headlines, table.milestones { break-inside: avoid; page-break-inside: avoid; }
              figure.chart svg { max-width: 100%; }
            }
            """;

    private HtmlReport() {
    }

    /**
     * Writes the report.
     *
     * @param results        the main result first, then any results to compare with it (at least one)
     * @param ensembleOrNull an ensemble of the main scenario, drawn as percentile bands, or {@code null}
     * @param out            where to write; not closed
     * @throws NonFiniteValueException if a result holds NaN or an infinite value; nothing is written then
     */
    public static void write(List<Result> results, EnsembleResult ensembleOrNull, Writer out) throws IOException {
        requireFinite(results, ensembleOrNull);
        out.write(toHtml(results, ensembleOrNull));
        out.flush();
    }

    /**
     * Writes the report to a file (UTF-8) through a temporary file and a rename, so an interrupted write never
     * leaves a half file where a good one was.
     *
     * @see #write(List, EnsembleResult, Writer)
     */
    public static void write(List<Result> results, EnsembleResult ensembleOrNull, Path file) throws IOException {
        requireFinite(results, ensembleOrNull);
        String html = toHtml(results, ensembleOrNull);
        AtomicFile.write(file, out -> out.write(html));
    }

    /** A report never shows NaN or an infinite value as a result: the run that produced it failed. */
    private static void requireFinite(List<Result> results, EnsembleResult ens) throws NonFiniteValueException {
        for (Result r : results) IamcCsv.requireFinite(r);
        if (ens != null) IamcCsv.requireFinite(ens);
    }

    /**
     * The report as a string.
     *
     * @see #write(List, EnsembleResult, Writer)
     */
    public static String toHtml(List<Result> results, EnsembleResult ensembleOrNull) {
        Objects.requireNonNull(results, "results");
        if (results.isEmpty()) throw new IllegalArgumentException("a report needs at least one result");
        for (Result r : results) Objects.requireNonNull(r, "result");
        Result main = results.get(0);
        String name = main.scenario().name();

        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc("ETW report: " + name)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");

        header(h, results, ensembleOrNull);
        for (int r = 0; r < main.regions().size(); r++) region(h, r, results, ensembleOrNull);
        manifests(h, results, ensembleOrNull);

        h.append("<footer>Energy Transition Workbench report. Variables and units follow the IAMC convention. ")
                .append("1.5 ").append(esc("\u00b0C")).append(" milestones: IPCC AR6 WGIII, Summary for Policymakers, ")
                .append("Table SPM.2 (pathways C1).</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------------------------------ sections

    private static void header(StringBuilder h, List<Result> results, EnsembleResult ens) {
        Result main = results.get(0);
        h.append("<header>\n<h1>").append(esc("Scenario report: " + main.scenario().name())).append("</h1>\n");
        h.append("<p class=\"meta\">Regions: ").append(esc(String.join(", ", main.regions())))
                .append(". Years: ").append(main.firstYear()).append(esc("\u2013")).append(main.lastYear())
                .append(". Seed: ").append(main.manifest().seed()).append(".</p>\n");
        if (!main.scenario().description().isBlank())
            h.append("<p class=\"description\">").append(esc(main.scenario().description())).append("</p>\n");
        if (results.size() > 1) {
            h.append("<p class=\"meta\">Compared with: ");
            for (int i = 1; i < results.size(); i++) {
                if (i > 1) h.append("; ");
                Result c = results.get(i);
                h.append("<strong>").append(esc(c.scenario().name())).append("</strong> (")
                        .append(esc(styleWords(i))).append(", ").append(c.firstYear()).append(esc("\u2013"))
                        .append(c.lastYear()).append(')');
            }
            h.append(".</p>\n");
        }
        if (ens != null) {
            h.append("<p class=\"meta\">Ensemble: ").append(ens.samples()).append(" samples of ")
                    .append(esc(ens.scenario().name())).append(", percentiles ");
            double[] p = ens.percentiles();
            for (int i = 0; i < p.length; i++) h.append(i > 0 ? ", " : "").append('p').append(pct(p[i]));
            h.append(".</p>\n");
        }
        h.append("</header>\n");
    }

    private static void region(StringBuilder h, int ri, List<Result> results, EnsembleResult ens) {
        Result main = results.get(0);
        String region = main.regions().get(ri);
        h.append("<section class=\"region\" id=\"region-").append(ri).append("\">\n<h2>")
                .append(esc("Region: " + region)).append("</h2>\n");
        for (int i = 1; i < results.size(); i++) {
            if (!results.get(i).regions().contains(region))
                h.append("<p class=\"note\">").append(esc("Comparison " + results.get(i).scenario().name()
                        + " has no region " + region + "; it is not shown in this section.")).append("</p>\n");
        }
        headlines(h, region, results, ens);
        supply(h, ri, region, results);
        demand(h, ri, region, results);
        emissions(h, ri, region, results, ens);
        intensity(h, ri, region, results, ens);
        h.append("</section>\n");
    }

    private static void headlines(StringBuilder h, String region, List<Result> results, EnsembleResult ens) {
        h.append("<h3>Headline results</h3>\n");
        List<String> vars = new ArrayList<>();
        for (String v : HEADLINES) {
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
        int[] band = ens == null ? null : bandIndexes(ens);
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

    private static void supply(StringBuilder h, int ri, String region, List<Result> results) {
        Result main = results.get(0);
        List<String> present = new ArrayList<>();
        for (String src : SUPPLY_SOURCES) if (main.has(SUPPLY + "|" + src)) present.add(src);
        if (present.isEmpty()) {
            missing(h, "Supply mix", "the result has none of " + SUPPLY + "|{" + String.join(", ", SUPPLY_SOURCES) + "}");
            return;
        }
        String unit = unit(main, SUPPLY + "|" + present.get(0));
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-supply", "Electricity supply mix, " + region,
                "Electricity generation by source in " + region + ", stacked, " + main.firstYear() + " to "
                        + main.lastYear() + ".", "Year", "Electricity generation (" + unit + ")");
        List<String> stacked = new ArrayList<>();
        for (String src : present) {
            String v = SUPPLY + "|" + src;
            if (!unit(main, v).equals(unit)) {
                notes.add(v + " is in " + unit(main, v) + ", not " + unit + ": left out.");
                continue;
            }
            stacked.add(v);
            chart.stack(src, SOURCE_COLOURS.get(src), main.firstYear(), series(main, v, region));
        }
        comparisonTotals(chart, notes, results, region, stacked, unit, "generation");
        figure(h, chart, "Generation by source, stacked from the bottom in legend order; the top of the stack is "
                + "the total of the sources shown." + compareNote(results, "total generation of the same sources"),
                notes);
    }

    private static void demand(StringBuilder h, int ri, String region, List<Result> results) {
        Result main = results.get(0);
        List<String> children = demandChildren(main);
        if (children.isEmpty()) {
            missing(h, "Demand by sector", "the result has no children of " + DEMAND);
            return;
        }
        String unit = unit(main, children.get(0));
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-demand", "Electricity demand by sector, " + region,
                "Final electricity demand by sector in " + region + ", stacked, " + main.firstYear() + " to "
                        + main.lastYear() + ".", "Year", "Final electricity demand (" + unit + ")");
        int extra = 0;
        List<String> stacked = new ArrayList<>();
        for (String v : children) {
            String sector = v.substring(DEMAND.length() + 1);
            String colour = SECTOR_COLOURS.get(sector);
            if (colour == null) colour = EXTRA_COLOURS.get(extra++ % EXTRA_COLOURS.size());
            if (!unit(main, v).equals(unit)) {
                notes.add(v + " is in " + unit(main, v) + ", not " + unit + ": left out.");
                continue;
            }
            stacked.add(v);
            chart.stack(sector, colour, main.firstYear(), series(main, v, region));
        }
        // a comparison is drawn as the total of its own sectors, which may differ from the main ones
        for (int i = 1; i < results.size(); i++) {
            Result c = results.get(i);
            if (!c.regions().contains(region)) continue;
            List<String> own = new ArrayList<>();
            for (String v : demandChildren(c)) if (unit(c, v).equals(unit)) own.add(v);
            if (own.isEmpty()) {
                notes.add("Comparison " + c.scenario().name() + " has no children of " + DEMAND + " in " + unit
                        + ": not drawn.");
                continue;
            }
            chart.line(c.scenario().name() + " (total)", style(i)[0], style(i)[1], 1.8, c.firstYear(),
                    sum(c, own, region));
        }
        figure(h, chart, "Final electricity demand by sector (direct children of " + DEMAND + "), stacked from the "
                + "bottom in legend order." + compareNote(results, "total demand of their own sectors"), notes);
    }

    private static void emissions(StringBuilder h, int ri, String region, List<Result> results, EnsembleResult ens) {
        Result main = results.get(0);
        if (!main.has(EMISSIONS)) {
            missing(h, "Emissions", "the result has no " + EMISSIONS);
            return;
        }
        String unit = unit(main, EMISSIONS);
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-emissions", "CO2 emissions of electricity supply, " + region,
                "CO2 emissions of electricity supply in " + region + " with the IPCC AR6 C1 (1.5 \u00b0C) milestones, "
                        + MILESTONE_BASIS + ".", "Year", "CO2 emissions (" + unit + ")");
        scenarioLines(chart, notes, results, ens, region, EMISSIONS, unit);

        double[] s = series(main, EMISSIONS, region);
        double base = s[0];
        List<int[]> shown = new ArrayList<>(); // {year, cut}
        if (!(base > 0) || !Double.isFinite(base)) {
            notes.add("No 1.5 \u00b0C milestones: emissions in the base year " + main.firstYear()
                    + " are not positive, so there is nothing to reduce from.");
        } else {
            chart.markerLegend("IPCC AR6 C1 (1.5 \u00b0C) milestone, relative to the base year", MILESTONE_COLOUR);
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
        figure(h, chart, "Lines: CO2 emissions of electricity supply (" + EMISSIONS + ")."
                + compareNote(results, "emissions") + " Diamonds: the IPCC AR6 C1 (1.5 \u00b0C) milestones, CO2 "
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

    private static void intensity(StringBuilder h, int ri, String region, List<Result> results, EnsembleResult ens) {
        Result main = results.get(0);
        if (!main.has(INTENSITY)) {
            missing(h, "Carbon intensity", "the result has no " + INTENSITY);
            return;
        }
        String unit = unit(main, INTENSITY);
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-intensity", "Carbon intensity of electricity, " + region,
                "Carbon intensity of electricity in " + region + ".", "Year", "Carbon intensity (" + unit + ")");
        scenarioLines(chart, notes, results, ens, region, INTENSITY, unit);
        figure(h, chart, "CO2 emitted per unit of electricity (" + INTENSITY + ")." + compareNote(results, "intensity"),
                notes);
    }

    private static void manifests(StringBuilder h, List<Result> results, EnsembleResult ens) {
        h.append("<section class=\"manifest\" id=\"manifest\">\n<h2>Run manifest</h2>\n");
        h.append("<p class=\"meta\">Same scenario text (hash), bundle versions, seed and parameters give "
                + "bit-identical results.</p>\n");
        RunManifest m = results.get(0).manifest();
        manifestFacts(h, results.get(0));
        h.append("<h3>Bundles</h3>\n");
        Map<String, String> bundles = new TreeMap<>(m.bundles());
        if (bundles.isEmpty()) {
            h.append("<p class=\"note\">No bundles recorded.</p>\n");
        } else {
            h.append("<table class=\"bundles\">\n<thead><tr><th>Bundle</th><th>Version</th></tr></thead>\n<tbody>\n");
            bundles.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(esc(v))
                    .append("</td></tr>\n"));
            h.append("</tbody>\n</table>\n");
        }
        h.append("<h3>Parameters</h3>\n");
        if (m.parameters().isEmpty()) {
            h.append("<p class=\"note\">No parameters recorded.</p>\n");
        } else {
            // grouped by model: the part of the key before the last '/'
            Map<String, Map<String, String>> byModel = new TreeMap<>();
            new TreeMap<>(m.parameters()).forEach((k, v) -> {
                int slash = k.lastIndexOf('/');
                String model = slash < 0 ? "" : k.substring(0, slash);
                byModel.computeIfAbsent(model, x -> new TreeMap<>()).put(k.substring(slash + 1), v);
            });
            byModel.forEach((model, params) -> {
                h.append("<table class=\"parameters\">\n<colgroup><col class=\"key\"/><col/></colgroup>\n")
                        .append("<thead><tr><th colspan=\"2\">").append(model.isEmpty() ? "(no model)" : esc(model))
                        .append("</th></tr></thead>\n<tbody>\n");
                params.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>")
                        .append(parameterValue(v)).append("</td></tr>\n"));
                h.append("</tbody>\n</table>\n");
            });
        }

        for (int i = 1; i < results.size(); i++) {
            Result c = results.get(i);
            h.append("<h3>").append(esc("Comparison: " + c.scenario().name())).append("</h3>\n");
            manifestFacts(h, c);
            differences(h, "Bundles", m.bundles(), c.manifest().bundles(), results.get(0).scenario().name(),
                    c.scenario().name());
            differences(h, "Parameters", m.parameters(), c.manifest().parameters(), results.get(0).scenario().name(),
                    c.scenario().name());
        }
        if (ens != null) {
            h.append("<h3>Ensemble</h3>\n<p>").append(esc(ens.samples() + " samples of " + ens.scenario().name()
                    + ", seed " + ens.scenario().seed() + ", years " + ens.scenario().firstYear() + "\u2013"
                    + ens.scenario().lastYear() + "; " + ens.variables().size() + " variables.")).append("</p>\n");
        }
        h.append("</section>\n");
    }

    /** A parameter value as markup: per-region values ({@code A=1; B=2}) one region a line. */
    private static String parameterValue(String v) {
        StringBuilder b = new StringBuilder("<code>");
        String[] parts = v.split("; ", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) b.append("<br/>");
            b.append(esc(parts[i]));
        }
        return b.append("</code>").toString();
    }

    private static void manifestFacts(StringBuilder h, Result r) {
        RunManifest m = r.manifest();
        h.append("<table class=\"manifest-facts\">\n<tbody>\n");
        h.append("<tr><th>Scenario</th><td>").append(esc(m.scenario())).append("</td></tr>\n");
        h.append("<tr><th>Scenario SHA-256</th><td class=\"hash\">").append(esc(m.scenarioSha256())).append("</td></tr>\n");
        h.append("<tr><th>Seed</th><td>").append(m.seed()).append("</td></tr>\n");
        h.append("<tr><th>Run at</th><td>").append(esc(m.runAt())).append("</td></tr>\n");
        h.append("<tr><th>Run id</th><td class=\"hash\">").append(esc(m.runId())).append("</td></tr>\n");
        h.append("<tr><th>Plugins</th><td>").append(esc(m.plugins().isEmpty() ? "none" : String.join(", ", m.plugins())))
                .append("</td></tr>\n");
        for (String w : m.warnings()) h.append("<tr><th>Warning</th><td>").append(esc(w)).append("</td></tr>\n");
        if (!r.scenario().source().isEmpty())
            h.append("<tr><th>Source</th><td><code>").append(esc(r.scenario().source())).append("</code></td></tr>\n");
        h.append("</tbody>\n</table>\n");
    }

    private static void differences(StringBuilder h, String what, Map<String, String> main, Map<String, String> other,
                                    String mainName, String otherName) {
        TreeSet<String> keys = new TreeSet<>(main.keySet());
        keys.addAll(other.keySet());
        List<String> differing = new ArrayList<>();
        for (String k : keys) if (!Objects.equals(main.get(k), other.get(k))) differing.add(k);
        if (differing.isEmpty()) {
            h.append("<p>").append(esc(what + ": the same as " + mainName + ".")).append("</p>\n");
            return;
        }
        h.append("<table class=\"differences\">\n<caption>").append(esc(what + " that differ from " + mainName))
                .append("</caption>\n<thead><tr><th>").append(esc(what.equals("Bundles") ? "Bundle" : "Parameter"))
                .append("</th><th>").append(esc(mainName)).append("</th><th>").append(esc(otherName))
                .append("</th></tr></thead>\n<tbody>\n");
        for (String k : differing) {
            h.append("<tr><td>").append(esc(k)).append("</td><td>").append(parameterValue(main.getOrDefault(k, "\u2014")))
                    .append("</td><td>").append(parameterValue(other.getOrDefault(k, "\u2014"))).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    // ------------------------------------------------------------------------------------------ chart parts

    /** One line per scenario (main solid, comparisons dashed), and the ensemble band and median when given. */
    private static void scenarioLines(SvgChart chart, List<String> notes, List<Result> results, EnsembleResult ens,
                                      String region, String variable, String unit) {
        if (ens != null) {
            int v = ens.indexOf(variable);
            int r = ens.scenario().regions().indexOf(region);
            int[] band = bandIndexes(ens);
            if (v < 0 || r < 0) {
                notes.add("The ensemble has no " + variable + (r < 0 ? " for region " + region : "") + ": no band.");
            } else if (!ens.variables().get(v).unit().equals(unit)) {
                notes.add("The ensemble gives " + variable + " in " + ens.variables().get(v).unit() + ": no band.");
            } else if (band == null) {
                notes.add("The ensemble has fewer than two percentiles: no band.");
            } else {
                double[] p = ens.percentiles();
                int fy = ens.scenario().firstYear();
                chart.band("Ensemble p" + pct(p[band[0]]) + "\u2013p" + pct(p[band[1]]) + " (" + ens.samples()
                        + " samples)", BAND_COLOUR, fy, ens.series(v, band[0], r), ens.series(v, band[1], r));
                int median = indexOf(p, 50);
                if (median >= 0)
                    chart.line("Ensemble median (p50)", MEDIAN_COLOUR, "2 2", 1.5, fy, ens.series(v, median, r));
            }
        }
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
            chart.line(c.scenario().name(), style(i)[0], style(i)[1], i == 0 ? 2.2 : 1.8, c.firstYear(),
                    series(c, variable, region));
        }
    }

    /** Dashed lines of each comparison's total of the given variables. */
    private static void comparisonTotals(SvgChart chart, List<String> notes, List<Result> results, String region,
                                         List<String> variables, String unit, String what) {
        for (int i = 1; i < results.size(); i++) {
            Result c = results.get(i);
            if (!c.regions().contains(region)) continue;
            List<String> own = new ArrayList<>();
            for (String v : variables) if (c.has(v) && unit(c, v).equals(unit)) own.add(v);
            if (own.isEmpty()) {
                notes.add("Comparison " + c.scenario().name() + " has none of the sources: its total " + what
                        + " is not drawn.");
                continue;
            }
            if (own.size() < variables.size())
                notes.add("Comparison " + c.scenario().name() + " lacks " + (variables.size() - own.size())
                        + " of the sources: its total is of those it has.");
            chart.line(c.scenario().name() + " (total)", style(i)[0], style(i)[1], 1.8, c.firstYear(), sum(c, own, region));
        }
    }

    private static void figure(StringBuilder h, SvgChart chart, String caption, List<String> notes) {
        h.append("<figure class=\"chart\">\n").append(chart.toSvg()).append("<figcaption>").append(esc(caption));
        for (String n : notes) h.append(" <span class=\"note\">").append(esc(n)).append("</span>");
        h.append("</figcaption>\n</figure>\n");
    }

    private static void missing(StringBuilder h, String chart, String why) {
        h.append("<p class=\"note missing\">").append(esc(chart + " not shown: " + why + ".")).append("</p>\n");
    }

    private static String compareNote(List<Result> results, String what) {
        if (results.size() < 2) return "";
        StringBuilder b = new StringBuilder(" Comparisons, as ");
        b.append(what).append(": ");
        for (int i = 1; i < results.size(); i++) {
            if (i > 1) b.append("; ");
            b.append(results.get(i).scenario().name()).append(" (").append(styleWords(i)).append(')');
        }
        return b.append('.').toString();
    }

    private static String styleWords(int i) {
        String[] words = {"solid black line", "red dashed line", "blue dotted line", "green dash-dot line",
                "purple dashed line", "brown long-dashed line"};
        return words[i == 0 ? 0 : 1 + (i - 1) % (words.length - 1)];
    }

    private static String[] style(int i) {
        return SCENARIO_STYLES[i == 0 ? 0 : 1 + (i - 1) % (SCENARIO_STYLES.length - 1)];
    }

    // ------------------------------------------------------------------------------------------ data

    /** Direct children of {@code Final Energy|Electricity}: the known sectors in order, then others by name. */
    static List<String> demandChildren(Result r) {
        List<String> out = new ArrayList<>();
        for (String s : DEMAND_SECTORS) if (r.has(DEMAND + "|" + s)) out.add(DEMAND + "|" + s);
        TreeSet<String> others = new TreeSet<>();
        for (Result.VariableInfo v : r.variables()) {
            String n = v.name();
            if (n.startsWith(DEMAND + "|") && n.indexOf('|', DEMAND.length() + 1) < 0 && n.length() > DEMAND.length() + 1
                    && !out.contains(n))
                others.add(n);
        }
        out.addAll(others);
        return out;
    }

    /** A variable's values in a region, or {@code null} if the result lacks either. */
    static double[] series(Result r, String variable, String region) {
        int v = r.indexOf(variable);
        int g = r.regions().indexOf(region);
        return v < 0 || g < 0 ? null : r.series(v, g);
    }

    private static double[] sum(Result r, List<String> variables, String region) {
        double[] total = new double[r.scenario().yearCount()];
        for (String v : variables) {
            double[] s = series(r, v, region);
            for (int i = 0; i < total.length; i++) if (Double.isFinite(s[i])) total[i] += s[i];
        }
        return total;
    }

    private static String unit(Result r, String variable) {
        return r.variables().get(r.indexOf(variable)).unit();
    }

    /** Indexes of the percentiles bounding the band: 5 and 95 if there, else the lowest and highest. */
    private static int[] bandIndexes(EnsembleResult ens) {
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

    private static int indexOf(double[] p, double x) {
        for (int i = 0; i < p.length; i++) if (Math.abs(p[i] - x) < 1e-9) return i;
        return -1;
    }

    private static String pct(double p) {
        return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }

    /** A value for a table: three significant digits for small numbers, whole numbers from 100 up. */
    static String amount(double v) {
        if (!Double.isFinite(v)) return "n/a";
        if (v == 0) return "0";
        int mag = (int) Math.floor(Math.log10(Math.abs(v)));
        return SvgChart.number(v, Math.min(6, Math.max(0, 2 - mag)));
    }

    private static String percentChange(double f) {
        long p = Math.round(f * 100);
        return (p > 0 ? "+" : p < 0 ? "\u2212" : "") + Math.abs(p) + "%";
    }

    /**
     * Escapes text for XHTML content and attribute values: markup characters as entities, everything outside
     * printable ASCII as numeric character references, and characters XML does not allow as U+FFFD.
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n' -> b.append((char) c);
                default -> {
                    if (c >= 0x20 && c < 0x7f) b.append((char) c);
                    else if (c == '\r' || (c >= 0x7f && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000)
                        b.append("&#").append(c).append(';');
                    else b.append("&#65533;");
                }
            }
        }
        return b.toString();
    }
}
