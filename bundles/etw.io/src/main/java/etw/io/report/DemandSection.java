package etw.io.report;

import static etw.io.report.ReportInput.unit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import etw.api.scenario.Result;

/** Final electricity demand by sector, stacked: every variable directly under {@code Final Energy|Electricity}. */
final class DemandSection implements Section.PerRegion {
    static final String DEMAND = "Final Energy|Electricity";
    /** Stacking order of the usual sectors; others (a plugin's {@code |Hydrogen}, say) follow by name. */
    static final List<String> USUAL_ORDER = List.of("Transportation", "Residential and Commercial", "Industry",
            "Data Centers", "Other");
    static final Map<String, String> COLOURS = Map.of(
            "Transportation", "#1b9e77", "Residential and Commercial", "#d95f02", "Industry", "#7570b3",
            "Data Centers", "#e7298a", "Other", "#a6a6a6");

    @Override
    public void write(StringBuilder h, ReportInput in, int ri, String region) {
        Result main = in.main();
        List<String> children = ReportInput.children(main, DEMAND, USUAL_ORDER);
        if (children.isEmpty()) {
            Figures.missing(h, "Demand by sector", "the result has no children of " + DEMAND);
            return;
        }
        String unit = main.has(DEMAND) ? unit(main, DEMAND) : ReportInput.partUnit(main, children.get(0));
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-demand", "Electricity demand by sector, " + region,
                "Final electricity demand by sector in " + region + ", stacked, " + main.firstYear() + " to "
                        + main.lastYear() + ".", "Year", "Final electricity demand (" + unit + ")");
        Figures.stackChildren(chart, notes, main, DEMAND, children, new Palette.Stack(COLOURS), unit, region);
        Figures.comparisonTotals(chart, notes, in.results(), region, DEMAND, USUAL_ORDER, unit, "demand");
        Figures.figure(h, chart, "Final electricity demand by sector (direct children of " + DEMAND + "), stacked from the "
                + "bottom in legend order." + Figures.compareNote(in.results(), "total demand of their own sectors"), notes);
    }
}
