package etw.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import etw.api.scenario.Result;

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

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
