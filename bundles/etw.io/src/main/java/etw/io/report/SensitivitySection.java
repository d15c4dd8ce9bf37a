package etw.io.report;

import static etw.io.report.Html.esc;

import java.util.List;

import etw.io.SensitivityTable;

/**
 * Global sensitivity: for each analysed output, a bar chart of the first-order (S1) and total (ST) Sobol indices
 * of every uncertain parameter, ranked, with their confidence intervals as whiskers, and the same numbers in a
 * table. Written by hand as inline SVG, like the other charts; the bytes depend only on the tables.
 */
final class SensitivitySection {
    static final String S1 = "#4a90d9";
    static final String ST = "#1f4e8c";
    private static final double WIDTH = 720, LEFT = 290, RIGHT = 24, TOP = 44, ROW = 30, BAR = 10;

    private SensitivitySection() {
    }

    static void write(StringBuilder h, List<SensitivityTable> tables) {
        if (tables.isEmpty()) return;
        h.append("<section class=\"sensitivity\" id=\"sensitivity\">\n<h2>Global sensitivity</h2>\n")
                .append("<p>").append(esc("Which uncertain parameters drive the result: Sobol indices from Saltelli's "
                        + "sampling design on quasi-random Sobol points. S1, the first-order index, is the share of the "
                        + "output's variance a parameter explains alone; ST, the total index, the share it takes part in, "
                        + "interactions included. Estimators: Saltelli et al. (2010) for S1, Jansen (1999) for ST; "
                        + "intervals by bootstrap over the base samples.")).append("</p>\n");
        for (int t = 0; t < tables.size(); t++) table(h, tables.get(t), t);
        h.append("</section>\n");
    }

    private static void table(StringBuilder h, SensitivityTable s, int t) {
        String what = s.variable() + ", " + s.region() + ", " + s.year();
        String level = Html.pct(Math.round(s.confidence() * 1000) / 10.0) + "%";
        h.append("<h3>").append(esc(what)).append("</h3>\n");
        h.append("<p class=\"meta\">").append(esc(String.format(java.util.Locale.ROOT,
                "Scenario %s. N = %d base samples, %d parameters, %d runs, seed %d; %s intervals from %d bootstrap resamples. "
                        + "Output mean %s, standard deviation %s %s.", s.scenario(), s.samples(), s.rows().size(), s.runs(),
                s.seed(), level, s.resamples(), Html.amount(s.mean()), Html.amount(s.sd()), s.unit())))
                .append("</p>\n");
        if (!(s.sd() > 0)) {
            h.append("<p class=\"note\">").append(esc("The output does not vary with these parameters: every index is 0."))
                    .append("</p>\n");
        }
        chart(h, s, t, level);
        h.append("<table class=\"sensitivity\"><thead><tr><th class=\"num\">Rank</th><th>Parameter</th><th>Distribution</th>")
                .append("<th class=\"num\">S1 [").append(esc(level)).append("]</th><th class=\"num\">ST [").append(esc(level))
                .append("]</th></tr></thead>\n<tbody>\n");
        int rank = 1;
        for (SensitivityTable.Row r : s.rows()) {
            h.append("<tr><td class=\"num\">").append(rank++).append("</td><td><code>").append(esc(r.parameter()))
                    .append("</code></td><td>").append(esc(r.distribution())).append("</td><td class=\"num\">")
                    .append(esc(ci(r.s1(), r.s1Low(), r.s1High()))).append("</td><td class=\"num\">")
                    .append(esc(ci(r.st(), r.stLow(), r.stHigh()))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    static String ci(double v, double lo, double hi) {
        return fmt(v) + " [" + fmt(lo) + ", " + fmt(hi) + "]";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.2f", v).replace("-0.00", "0.00").replace('-', '\u2212');
    }

    /** Horizontal bars, S1 above ST for each parameter, on a common axis that includes 0 and 1. */
    private static void chart(StringBuilder h, SensitivityTable s, int t, String level) {
        List<SensitivityTable.Row> rows = s.rows();
        double lo = 0, hi = 1;
        for (SensitivityTable.Row r : rows) {
            lo = Math.min(lo, Math.min(r.s1Low(), r.stLow()));
            hi = Math.max(hi, Math.max(r.s1High(), r.stHigh()));
        }
        lo = Math.floor(lo * 10) / 10;
        hi = Math.ceil(hi * 10) / 10;
        double plotW = WIDTH - LEFT - RIGHT, height = TOP + rows.size() * ROW + 46;
        double a = LEFT - lo * plotW / (hi - lo), b = plotW / (hi - lo);
        String id = "sensitivity-" + t;
        h.append("<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(n(WIDTH))
                .append(' ').append(n(height)).append("\" role=\"img\" aria-labelledby=\"").append(id).append("-t ")
                .append(id).append("-d\" id=\"").append(id).append("\">\n<title id=\"").append(id).append("-t\">")
                .append(esc("Sobol indices of " + s.variable() + ", " + s.region() + ", " + s.year())).append("</title>\n<desc id=\"")
                .append(id).append("-d\">").append(esc("First-order and total Sobol indices of each uncertain parameter, "
                        + "ranked by total index, with " + level + " confidence intervals.")).append("</desc>\n")
                .append("<text x=\"").append(n(WIDTH / 2)).append("\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\">")
                .append(esc("Sobol indices: " + s.variable() + ", " + s.region() + ", " + s.year())).append("</text>\n");
        h.append("<g class=\"plot\" data-xmap=\"").append(n(a)).append(' ').append(n(b)).append("\">\n");
        double bottom = TOP + rows.size() * ROW;
        double step = 20;
        for (double candidate : new double[] {0.1, 0.2, 0.5, 1, 2, 5, 10})
            if ((hi - lo) / candidate <= 10) {
                step = candidate;
                break;
            }
        for (long k = (long) Math.ceil(lo / step - 1e-9); k <= (long) Math.floor(hi / step + 1e-9); k++) {
            double x = a + b * k * step;
            h.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(n(TOP)).append("\" x2=\"").append(n(x))
                    .append("\" y2=\"").append(n(bottom)).append("\" stroke=\"").append(k == 0 ? "#000000" : "#d0d0d0")
                    .append("\" stroke-width=\"1\"/>\n<text x=\"").append(n(x)).append("\" y=\"").append(n(bottom + 14))
                    .append("\" text-anchor=\"middle\" font-size=\"11\">").append(esc(String.format(java.util.Locale.ROOT, "%.1f", k * step)))
                    .append("</text>\n");
        }
        for (int i = 0; i < rows.size(); i++) {
            SensitivityTable.Row r = rows.get(i);
            double y = TOP + i * ROW + 4;
            String label = r.parameter().length() > 44 ? "\u2026" + r.parameter().substring(r.parameter().length() - 43) : r.parameter();
            h.append("<text x=\"").append(n(LEFT - 6)).append("\" y=\"").append(n(y + BAR + 3))
                    .append("\" text-anchor=\"end\" font-size=\"11\">").append(esc(label)).append("</text>\n");
            bar(h, a, b, y, r.s1(), r.s1Low(), r.s1High(), S1, "S1 " + r.parameter());
            bar(h, a, b, y + BAR + 2, r.st(), r.stLow(), r.stHigh(), ST, "ST " + r.parameter());
        }
        double ly = bottom + 34;
        h.append("<rect x=\"").append(n(LEFT)).append("\" y=\"").append(n(ly - 9)).append("\" width=\"12\" height=\"10\" fill=\"")
                .append(S1).append("\"/><text x=\"").append(n(LEFT + 16)).append("\" y=\"").append(n(ly)).append("\" font-size=\"12\">")
                .append(esc("S1, first order")).append("</text>\n<rect x=\"").append(n(LEFT + 150)).append("\" y=\"").append(n(ly - 9))
                .append("\" width=\"12\" height=\"10\" fill=\"").append(ST).append("\"/><text x=\"").append(n(LEFT + 166))
                .append("\" y=\"").append(n(ly)).append("\" font-size=\"12\">").append(esc("ST, total (whiskers: " + level + " interval)"))
                .append("</text>\n");
        h.append("</g>\n</svg>\n<figcaption>").append(esc("Sobol indices of " + s.variable() + " in " + s.region() + ", "
                + s.year() + ", ranked by total index. A parameter whose ST is near 0 can be fixed anywhere in its range "
                + "without changing this output.")).append("</figcaption>\n</figure>\n");
    }

    private static void bar(StringBuilder h, double a, double b, double y, double v, double lo, double hi, String colour,
                            String name) {
        double x0 = a, x1 = a + b * v;
        h.append("<rect class=\"index\" data-name=\"").append(esc(name)).append("\" data-value=\"").append(n(v))
                .append("\" x=\"").append(n(Math.min(x0, x1))).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.abs(x1 - x0))).append("\" height=\"").append(n(BAR)).append("\" fill=\"").append(colour)
                .append("\"/>\n<line x1=\"").append(n(a + b * lo)).append("\" y1=\"").append(n(y + BAR / 2)).append("\" x2=\"")
                .append(n(a + b * hi)).append("\" y2=\"").append(n(y + BAR / 2))
                .append("\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
    }

    private static String n(double v) {
        return SvgChart.number(v, 2);
    }
}
