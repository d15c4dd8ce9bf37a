package etw.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;

/**
 * Writes results in the IAMC wide format: {@code Model,Scenario,Region,Variable,Unit,<one column per year>},
 * one row per variable and region, sorted by variable then region order. Numbers are written in full precision
 * so that a file read back gives the same doubles.
 */
public final class IamcCsv {
    /** The value of the {@code Model} column. */
    public static final String MODEL = "ETW";

    private IamcCsv() {
    }

    public static void write(Result result, Writer out) throws IOException {
        StringBuilder line = new StringBuilder("Model,Scenario,Region,Variable,Unit");
        for (int y = result.firstYear(); y <= result.lastYear(); y++) line.append(',').append(y);
        out.write(line.append('\n').toString());
        for (int v = 0; v < result.variables().size(); v++) {
            Result.VariableInfo info = result.variables().get(v);
            for (int r = 0; r < result.regions().size(); r++) {
                line.setLength(0);
                line.append(field(MODEL)).append(',').append(field(result.scenario().name())).append(',')
                        .append(field(result.regions().get(r))).append(',').append(field(info.name())).append(',')
                        .append(field(info.unit()));
                for (double x : result.series(v, r)) line.append(',').append(x);
                out.write(line.append('\n').toString());
            }
        }
    }

    /**
     * Writes to a file through a temporary file and a rename, so an interrupted write never leaves a half file
     * where a good one was.
     */
    public static void write(Result result, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(result, w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes ensemble percentiles in the IAMC wide format, one row per variable, region and percentile; the
     * {@code Scenario} column says which percentile, e.g. {@code baseline (p5)}.
     */
    public static void write(EnsembleResult result, Writer out) throws IOException {
        Scenario s = result.scenario();
        StringBuilder line = new StringBuilder("Model,Scenario,Region,Variable,Unit");
        for (int y = s.firstYear(); y <= s.lastYear(); y++) line.append(',').append(y);
        out.write(line.append('\n').toString());
        double[] ps = result.percentiles();
        for (int v = 0; v < result.variables().size(); v++) {
            Result.VariableInfo info = result.variables().get(v);
            for (int r = 0; r < s.regions().size(); r++)
                for (int p = 0; p < ps.length; p++) {
                    line.setLength(0);
                    line.append(field(MODEL)).append(',').append(field(s.name() + " (p" + percentileLabel(ps[p]) + ")"))
                            .append(',').append(field(s.regions().get(r))).append(',').append(field(info.name()))
                            .append(',').append(field(info.unit()));
                    for (double x : result.series(v, p, r)) line.append(',').append(x);
                    out.write(line.append('\n').toString());
                }
        }
    }

    /** Writes ensemble percentiles to a file, atomically as {@link #write(Result, Path)} does. */
    public static void write(EnsembleResult result, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(result, w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String percentileLabel(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
