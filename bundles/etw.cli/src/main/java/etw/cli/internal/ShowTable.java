package etw.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import etw.api.scenario.Result;
import etw.io.Numbers;
import etw.io.SafeText;

/**
 * {@code etw show}: a variable and its direct children, year by year, for one region, with a one-line trend
 * chart (a Unicode sparkline) per column, so that sector splits and crossings ("when does solar overtake
 * coal?") can be read in a terminal without opening the CSV.
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

    /**
     * The year indices to print: {@code null} gives the first year, the years divisible by {@code every} (default 5:
     * 2025, 2030, ...) and the last year;
     * {@code 2030,2050} those years; {@code 2030-2040} every year of the span (or every {@code every} years and
     * its last).
     */
    static List<Integer> years(Result r, String text, int every) throws Cli.UsageException {
        int n = r.lastYear() - r.firstYear() + 1;
        TreeSet<Integer> years = new TreeSet<>();
        if (text == null) {
            int step = every > 0 ? every : 5;
            years.add(0);
            for (int y = 0; y < n; y++) if ((r.firstYear() + y) % step == 0) years.add(y);
            years.add(n - 1);
            return List.copyOf(years);
        }
        String usage = "--years takes years separated by commas or a span, e.g. --years 2030,2050 or --years 2024-2050; got '"
                + SafeText.of(text) + "'";
        java.util.regex.Matcher span = java.util.regex.Pattern.compile("\\s*(\\d{4})\\s*-\\s*(\\d{4})\\s*").matcher(text);
        if (span.matches()) {
            int a = year(r, Integer.parseInt(span.group(1))), b = year(r, Integer.parseInt(span.group(2)));
            if (b < a) throw new Cli.UsageException(usage + " (the span runs backwards)");
            int step = every > 0 ? every : 1;
            for (int y = a; y <= b; y += step) years.add(y);
            years.add(b);
            return List.copyOf(years);
        }
        for (String y : text.split(",", -1)) {
            if (!y.strip().matches("\\d{4}")) throw new Cli.UsageException(usage);
            years.add(year(r, Integer.parseInt(y.strip())));
        }
        return List.copyOf(years);
    }

    private static int year(Result r, int year) throws Cli.UsageException {
        if (year < r.firstYear() || year > r.lastYear())
            throw new Cli.UsageException("year " + year + " is outside scenario " + SafeText.of(r.scenario().name()) + " ("
                    + r.firstYear() + "-" + r.lastYear() + ")");
        return year - r.firstYear();
    }

    static void print(Result r, List<Integer> columns, String prefix, String region, List<Integer> years, PrintStream out) {
        int reg = r.regions().indexOf(region);
        out.println(SafeText.of(r.scenario().name()) + ", " + SafeText.of(region) + ": " + SafeText.of(prefix)
                + " and what is directly below it");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-6s", "year"));
        StringBuilder units = new StringBuilder(String.format(Locale.ROOT, "%-6s", ""));
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int v = columns.get(c);
            String name = r.variables().get(v).name();
            String label = fit(SafeText.of(name.equals(prefix) ? "(total)" : name.substring(prefix.length() + 1)));
            widths[c] = Math.max(WIDTH, label.length());
            head.append(String.format(Locale.ROOT, " %" + widths[c] + "s", label));
            units.append(String.format(Locale.ROOT, " %" + widths[c] + "s", fit(SafeText.of(r.variables().get(v).unit()))));
        }
        out.println(head);
        out.println(units);
        for (int y : years) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-6d", r.firstYear() + y));
            for (int c = 0; c < columns.size(); c++)
                line.append(String.format(Locale.ROOT, " %" + widths[c] + "s", number(r.series(columns.get(c), reg)[y])));
            out.println(line);
        }
        int from = years.get(0), to = years.get(years.size() - 1);
        if (years.size() == 1) {
            from = 0;
            to = r.lastYear() - r.firstYear();
        }
        StringBuilder trend = new StringBuilder(String.format(Locale.ROOT, "%-6s", "trend"));
        for (int c = 0; c < columns.size(); c++)
            trend.append(' ').append(" ".repeat(widths[c] - WIDTH))
                    .append(spark(java.util.Arrays.copyOfRange(r.series(columns.get(c), reg), from, to + 1), WIDTH));
        out.println(trend);
        out.println("(trend: each column year by year from " + (r.firstYear() + from) + " to " + (r.firstYear() + to)
                + ", scaled to its own minimum and maximum)");
    }

    /** Readable numbers: no exponent, thousands separated, decimals only where the value is small. */
    static String number(double x) {
        return Numbers.format(x);
    }

    /** Labels up to 30 characters are printed whole; longer ones are cut with an ellipsis. */
    private static String fit(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "…";
    }

    /** The series resampled to {@code width} points (or fewer, one per value) and drawn with block characters. */
    static String spark(double[] series, int width) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double x : series) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int points = Math.min(width, series.length);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < points; i++) {
            double x = series[points == 1 ? 0 : (int) Math.round(i * (series.length - 1) / (double) (points - 1))];
            int level = max > min ? (int) Math.round((x - min) / (max - min) * (BARS.length - 1)) : 0;
            s.append(BARS[level]);
        }
        return " ".repeat(width - points) + s;
    }
}
