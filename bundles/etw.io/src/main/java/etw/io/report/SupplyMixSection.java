package etw.io.report;

import static etw.io.report.ReportInput.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import etw.api.scenario.Result;

/**
 * Electricity generation by source, stacked. The sources are found in the result: every variable directly under
 * {@code Secondary Energy|Electricity} (so a plugin's {@code |Geothermal} is drawn too); the usual ones stack in
 * a fixed order with fixed colours, others follow by name.
 */
final class SupplyMixSection implements Section.PerRegion {
    static final String SUPPLY = "Secondary Energy|Electricity";
    /** Stacking order, bottom to top, of the sources the distribution's models write; others follow by name. */
    static final List<String> USUAL_ORDER = List.of("Coal", "Gas", "Other", "Nuclear", "Hydro", "Wind", "Solar");
    static final Map<String, String> COLOURS = Map.of(
            "Coal", "#3f3f3f", "Gas", "#e8853d", "Other", "#a88b6a", "Nuclear", "#9467bd",
            "Hydro", "#2b6cb0", "Wind", "#6cc3e0", "Solar", "#f5c518");

    /** The supply sources of a result, as variable names, in stacking order. */
    static List<String> sources(Result r) {
        return ReportInput.children(r, SUPPLY, USUAL_ORDER);
    }

    @Override
    public void write(StringBuilder h, ReportInput in, int ri, String region) {
        Result main = in.main();
        List<String> present = sources(main);
        if (present.isEmpty()) {
            Figures.missing(h, "Supply mix", "the result has no variable under " + SUPPLY + "|");
            return;
        }
        String unit = main.has(SUPPLY) ? unit(main, SUPPLY) : ReportInput.partUnit(main, present.get(0));
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-supply", "Electricity supply mix, " + region,
                "Electricity generation by source in " + region + ", stacked, " + main.firstYear() + " to "
                        + main.lastYear() + ".", "Year", "Electricity generation (" + unit + ")");
        Figures.stackChildren(chart, notes, main, SUPPLY, present, new Palette.Stack(COLOURS), unit, region);
        Figures.comparisonTotals(chart, notes, in.results(), region, SUPPLY, USUAL_ORDER, unit, "generation");
        Figures.figure(h, chart, "Generation by source (direct children of " + SUPPLY + "), stacked from the bottom "
                + "in legend order; the top of the stack is the total of the sources shown."
                + Figures.compareNote(in.results(), "total generation of their own sources"), notes);
    }
}
