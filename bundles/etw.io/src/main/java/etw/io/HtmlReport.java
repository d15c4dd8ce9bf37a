package etw.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.io.report.ReportPage;

/**
 * Writes a report of one or more results as a single self-contained HTML file: inline CSS, inline SVG charts,
 * no scripts, no fonts or other files fetched from anywhere, readable on screen and on paper.
 *
 * <p>The first result is the main scenario; any others are comparisons, drawn as dashed lines over its charts and
 * as extra columns in its tables. For every region of the main result the report has a headline table (first
 * and last year), the electricity supply mix stacked by source, demand stacked by sector, CO2 emissions of
 * electricity supply against the IPCC AR6 C1 (1.5 &#176;C) milestones, and the carbon intensity of electricity;
 * a chart whose variables are missing is left out with a note saying so. The report ends with the run manifest
 * of every result. The sections are classes of their own in {@code etw.io.report}; the supply sources and
 * demand sectors are found in the results (every variable directly under {@code Secondary Energy|Electricity}
 * or {@code Final Energy|Electricity}), not taken from a fixed list.
 *
 * <p>The markup is XHTML written so that browsers read it as HTML and XML parsers accept it. All text from the
 * results (scenario, region, variable, parameter names...) is escaped, and everything outside ASCII is written as
 * character references, so the bytes do not depend on the encoding of the writer. The output depends only on
 * the inputs: writing the same results twice gives identical bytes (the manifests' {@code runAt} is printed, so
 * two runs of the same scenario differ there only).
 */
public final class HtmlReport {
    /**
     * Headline variables, in this order: what summaries (the report's tables, the command line) show when a
     * result has them.
     */
    public static final List<String> HEADLINES = ReportPage.HEADLINES;

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
     * Writes the report to a file (UTF-8) through a temporary file of its own and a rename, so an interrupted
     * write never leaves a half file where a good one was; temporary files that dead processes left beside it are
     * removed first.
     *
     * @see #write(List, EnsembleResult, Writer)
     */
    public static void write(List<Result> results, EnsembleResult ensembleOrNull, Path file) throws IOException {
        write(results, ensembleOrNull, List.of(), file, HEADLINES);
    }

    /**
     * As {@link #write(List, EnsembleResult, List, Path)}, with the headline variables to tabulate: the
     * distribution's and those the models that ran declare ({@link Headlines#with}).
     */
    public static void write(List<Result> results, EnsembleResult ensembleOrNull, List<SensitivityTable> sensitivity,
                             Path file, List<String> headlines) throws IOException {
        requireFinite(results, ensembleOrNull);
        String html = ReportPage.page(results, ensembleOrNull, sensitivity, headlines);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) AtomicFile.removeStale(dir);
        AtomicFile.write(file, out -> out.write(html));
    }

    /**
     * As {@link #write(List, EnsembleResult, Path)}, with a global sensitivity section (a chart and a table of Sobol
     * indices per table given) before the manifests.
     *
     * @since 1.2
     */
    public static void write(List<Result> results, EnsembleResult ensembleOrNull, List<SensitivityTable> sensitivity,
                             Path file) throws IOException {
        write(results, ensembleOrNull, sensitivity, file, HEADLINES);
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
        return ReportPage.toHtml(results, ensembleOrNull);
    }

    /** The report as a string, with these headline variables (see {@link #write(List, EnsembleResult, List, Path, List)}). */
    public static String toHtml(List<Result> results, EnsembleResult ensembleOrNull, List<String> headlines) {
        return ReportPage.page(results, ensembleOrNull, List.of(), headlines);
    }
}
