package etw.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import etw.api.scenario.Result;
import etw.io.SafeText;

/**
 * {@code etw show}: a variable and its direct children, year by year, for one region, with a one-line trend
 * chart per column, so that sector splits and crossings ("when does solar overtake coal?") can be read in a
 * terminal without opening the CSV.
 */
final class ShowTable {
    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};
    private static final int WIDTH = 12;

    private ShowTable() {
    }

    /** The columns for {@code prefix}: the variable itself if the result has it, then its direct children by name. */
    static List<Integer> columns(Result r, String prefix) {
        List<Integer> columns = new ArrayList<>();
        int self = r.indexOf(prefix);
        if (self >= 0) columns.add(self);
        for (int v = 0; v < r.variables().size(); v++) {
            String name = r.variables().get(v).name();
            if (name.startsWith(prefix + "|") && name.indexOf('|', prefix.length() + 1) < 0) columns.add(v);
        }
        return columns;
    }

    static void print(Result r, List<Integer> columns, String prefix, String region, int every, PrintStream out) {
        int reg = r.regions().indexOf(region);
        out.println(SafeText.of(r.scenario().name()) + ", " + SafeText.of(region) + ": " + SafeText.of(prefix)
                + " and what is directly below it");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s", "year"));
        StringBuilder units = new StringBuilder(String.format(Locale.ROOT, "%-6s", ""));
        for (int v : columns) {
            String name = r.variables().get(v).name();
            String label = name.equals(prefix) ? "(total)" : name.substring(prefix.length() + 1);
            head.append(String.format(Locale.ROOT, " %" + WIDTH + "s", fit(SafeText.of(label))));
            units.append(String.format(Locale.ROOT, " %" + WIDTH + "s", fit(SafeText.of(r.variables().get(v).unit()))));
        }
        out.println(head);
        out.println(units);
        int years = r.lastYear() - r.firstYear() + 1;
        for (int y = 0; y < years; y += every) print(r, columns, reg, y, out);
        if ((years - 1) % every != 0) print(r, columns, reg, years - 1, out);
        StringBuilder trend = new StringBuilder(String.format(Locale.ROOT, "%-6s", "trend"));
        for (int v : columns) trend.append(' ').append(spark(r.series(v, reg), WIDTH));
        out.println(trend);
        out.println("(trend: each column from " + r.firstYear() + " to " + r.lastYear() + ", scaled to its own minimum "
                + "and maximum)");
    }

    private static void print(Result r, List<Integer> columns, int reg, int y, PrintStream out) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6d", r.firstYear() + y));
        for (int v : columns) line.append(String.format(Locale.ROOT, " %" + WIDTH + "s", number(r.series(v, reg)[y])));
        out.println(line);
    }

    /** Readable numbers: no exponent, thousands separated, decimals only where the value is small. */
    static String number(double x) {
        double a = Math.abs(x);
        if (a >= 100 || a == 0) return String.format(Locale.ROOT, "%,.0f", x);
        if (a >= 1) return String.format(Locale.ROOT, "%,.1f", x);
        if (a >= 0.001) return String.format(Locale.ROOT, "%.3f", x);
        return "~0";
    }

    private static String fit(String s) {
        return s.length() <= WIDTH ? s : s.substring(0, WIDTH - 1) + "…";
    }

    /** The series resampled to {@code width} points and drawn with block characters. */
    static String spark(double[] series, int width) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : series) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < width; i++) {
            double x = series[(int) Math.round(i * (series.length - 1) / (double) (width - 1))];
            int level = max > min ? (int) Math.round((x - min) / (max - min) * (BARS.length - 1)) : 0;
            s.append(BARS[level]);
        }
        return s.toString();
    }
}
