package etw.io.report;

import static etw.io.report.Html.esc;

import java.util.List;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;

/**
 * The report page: a header, for every region of the main result its sections (headlines, supply mix, demand by
 * sector, emissions against the milestones, carbon intensity), then the manifests. Each section is a class of its
 * own; this one only puts them in order. Used through {@link etw.io.HtmlReport}.
 */
public final class ReportPage {
    /** Headline variables, in this order (see {@link etw.io.Headlines}). */
    public static final List<String> HEADLINES = etw.io.Headlines.VARIABLES;

    private static final Section HEADER = new HeaderSection();
    private static final List<Section.PerRegion> REGION_SECTIONS = List.of(new HeadlinesSection(), new SupplyMixSection(),
            new DemandSection(), new EmissionsSection(), new IntensitySection());
    private static final Section MANIFEST = new ManifestSection();

    private ReportPage() {
    }

    /**
     * @param results        the main result first, then any results to compare with it (at least one)
     * @param ensembleOrNull an ensemble of the main scenario, drawn as percentile bands, or {@code null}
     */
    public static String toHtml(List<Result> results, EnsembleResult ensembleOrNull) {
        return page(results, ensembleOrNull, List.of(), HEADLINES);
    }

    /** As {@link #toHtml(List, EnsembleResult)}, with a global sensitivity section before the manifests. */
    public static String toHtml(List<Result> results, EnsembleResult ensembleOrNull, List<etw.io.SensitivityTable> sensitivity) {
        return page(results, ensembleOrNull, sensitivity, HEADLINES);
    }

    /**
     * The whole page: as {@link #toHtml(List, EnsembleResult, List)}, with the headline variables to tabulate (the
     * distribution's and those the models that ran declare, see {@link etw.io.Headlines#with}).
     */
    public static String page(List<Result> results, EnsembleResult ensembleOrNull, List<etw.io.SensitivityTable> sensitivity,
                              List<String> headlines) {
        ReportInput in = new ReportInput(results, ensembleOrNull, headlines);
        Result main = in.main();
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc("ETW report: " + main.scenario().name())).append("</title>\n")
                .append("<style>\n").append(Html.CSS).append("</style>\n</head>\n<body>\n");

        HEADER.write(h, in);
        for (int ri = 0; ri < main.regions().size(); ri++) {
            String region = main.regions().get(ri);
            h.append("<section class=\"region\" id=\"region-").append(ri).append("\">\n<h2>")
                    .append(esc("Region: " + region)).append("</h2>\n");
            for (int i = 1; i < results.size(); i++) {
                if (!results.get(i).regions().contains(region))
                    h.append("<p class=\"note\">").append(esc("Comparison " + results.get(i).scenario().name()
                            + " has no region " + region + "; it is not shown in this section.")).append("</p>\n");
            }
            for (Section.PerRegion s : REGION_SECTIONS) s.write(h, in, ri, region);
            h.append("</section>\n");
        }
        SensitivitySection.write(h, sensitivity);
        MANIFEST.write(h, in);

        h.append("<footer>Energy Transition Workbench report. Variables and units follow the IAMC convention. ")
                .append("1.5 ").append(esc("\u00b0C")).append(" milestones: IPCC AR6 WGIII, Summary for Policymakers, ")
                .append("Table SPM.2 (pathways C1).</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }
}
