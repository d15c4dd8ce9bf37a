package etw.io.report;

import static etw.io.report.ReportInput.unit;

import java.util.ArrayList;
import java.util.List;

import etw.api.scenario.Result;

/** The carbon intensity of electricity: a line per scenario over the ensemble band. */
final class IntensitySection implements Section.PerRegion {
    static final String INTENSITY = "Carbon Intensity|Electricity";

    @Override
    public void write(StringBuilder h, ReportInput in, int ri, String region) {
        Result main = in.main();
        if (!main.has(INTENSITY)) {
            Figures.missing(h, "Carbon intensity", "the result has no " + INTENSITY);
            return;
        }
        String unit = unit(main, INTENSITY);
        List<String> notes = new ArrayList<>();
        SvgChart chart = new SvgChart("r" + ri + "-intensity", "Carbon intensity of electricity, " + region,
                "Carbon intensity of electricity in " + region + ".", "Year", "Carbon intensity (" + unit + ")");
        Figures.scenarioLines(chart, notes, in.results(), in.ensemble(), region, INTENSITY, unit);
        Figures.figure(h, chart, "CO2 emitted per unit of electricity (" + INTENSITY + ")."
                + Figures.compareNote(in.results(), "intensity"), notes);
    }
}
