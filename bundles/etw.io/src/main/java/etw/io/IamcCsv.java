package etw.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;

/**
 * Writes results in the IAMC wide format: {@code Model,Scenario,Region,Variable,Unit,<one column per year>},
 * one row per variable and region, sorted by variable then region order. Numbers are written in full precision
 * so that a file read back gives the same doubles. A value that is NaN or infinite is never written: the write
 * fails with a {@link NonFiniteValueException} naming the variable, region and year, before anything is written.
 */
public final class IamcCsv {
    /** The value of the {@code Model} column. */
    public static final String MODEL = "ETW";

    private IamcCsv() {
    }

    /**
     * @throws NonFiniteValueException if a value is NaN or infinite; nothing has been written then
     */
    public static void write(Result result, Writer out) throws IOException {
        Scenario s = result.scenario();
        requireFinite(result);
        header(s, out);
        for (int v = 0; v < result.variables().size(); v++)
            for (int r = 0; r < result.regions().size(); r++)
                row(out, s.name(), result.regions().get(r), result.variables().get(v), result.series(v, r));
    }

    /**
     * Writes to a file through a temporary file and a rename, so an interrupted write never leaves a half file
     * where a good one was.
     */
    public static void write(Result result, Path file) throws IOException {
        AtomicFile.write(file, out -> write(result, out));
    }

    /**
     * Writes ensemble percentiles in the IAMC wide format, one row per variable, region and percentile; the
     * {@code Scenario} column says which percentile, e.g. {@code baseline (p5)}.
     */
    public static void write(EnsembleResult result, Writer out) throws IOException {
        Scenario s = result.scenario();
        double[] ps = result.percentiles();
        requireFinite(result);
        header(s, out);
        for (int v = 0; v < result.variables().size(); v++)
            for (int r = 0; r < s.regions().size(); r++)
                for (int p = 0; p < ps.length; p++)
                    row(out, s.name() + " (p" + percentileLabel(ps[p]) + ")", s.regions().get(r), result.variables().get(v),
                            result.series(v, p, r));
    }

    /** Writes ensemble percentiles to a file, atomically as {@link #write(Result, Path)} does. */
    public static void write(EnsembleResult result, Path file) throws IOException {
        AtomicFile.write(file, out -> write(result, out));
    }

    /**
     * Checks that every value of a result is a finite number.
     *
     * @throws NonFiniteValueException naming the first variable, region and year that is NaN or infinite
     */
    public static void requireFinite(Result result) throws NonFiniteValueException {
        Scenario s = result.scenario();
        for (int v = 0; v < result.variables().size(); v++)
            for (int r = 0; r < result.regions().size(); r++)
                checkFinite(s, s.name(), result.regions().get(r), result.variables().get(v), result.series(v, r));
    }

    /** As {@link #requireFinite(Result)}, for every percentile of an ensemble. */
    public static void requireFinite(EnsembleResult result) throws NonFiniteValueException {
        Scenario s = result.scenario();
        double[] ps = result.percentiles();
        for (int v = 0; v < result.variables().size(); v++)
            for (int r = 0; r < s.regions().size(); r++)
                for (int p = 0; p < ps.length; p++)
                    checkFinite(s, s.name() + " (p" + percentileLabel(ps[p]) + ")", s.regions().get(r),
                            result.variables().get(v), result.series(v, p, r));
    }

    private static void checkFinite(Scenario s, String scenario, String region, Result.VariableInfo variable,
                                    double[] values) throws NonFiniteValueException {
        for (int y = 0; y < values.length; y++)
            if (!Double.isFinite(values[y]))
                throw new NonFiniteValueException(scenario, variable.name(), region, s.firstYear() + y, values[y]);
    }

    private static void header(Scenario s, Writer out) throws IOException {
        StringBuilder line = new StringBuilder("Model,Scenario,Region,Variable,Unit");
        for (int y = s.firstYear(); y <= s.lastYear(); y++) line.append(',').append(y);
        out.write(line.append('\n').toString());
    }

    private static void row(Writer out, String scenario, String region, Result.VariableInfo variable, double[] values)
            throws IOException {
        StringBuilder line = new StringBuilder();
        line.append(field(MODEL)).append(',').append(field(scenario)).append(',').append(field(region)).append(',')
                .append(field(variable.name())).append(',').append(field(variable.unit()));
        for (double x : values) line.append(',').append(x);
        out.write(line.append('\n').toString());
    }

    static String percentileLabel(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
