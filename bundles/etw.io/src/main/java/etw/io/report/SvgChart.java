package etw.io.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * One chart with years on the x axis, written by hand as inline SVG: stacked areas, lines, shaded bands and
 * point markers, with title, axis labels, year and value ticks at nice numbers, grid lines and a legend under
 * the plot. The output depends only on what was added (no clock, no locale, no hash order), so the same chart
 * always gives the same bytes.
 *
 * <p>Areas stack diverging: in each year positive values pile up from zero and negative ones down from zero.
 * The value axis always includes zero. Values that are not finite count as zero in stacks and as gaps in
 * lines.
 *
 * <p>For tests and tools, the plot group carries {@code data-xmap="a b"} and {@code data-ymap="c d"}: the
 * pixel x of a year is {@code a + b * year} and the pixel y of a value is {@code c + d * value}; the stack
 * group carries {@code data-total} (the sum of the stacked series per year) and every series carries its
 * values in {@code data-values} (stacked series also their cumulative tops in {@code data-top}).
 */
final class SvgChart {
    static final double WIDTH = 720;
    static final double LEFT = 84;
    static final double RIGHT = 24;
    static final double TOP = 40;
    static final double PLOT_H = 250;
    static final double PLOT_W = WIDTH - LEFT - RIGHT;
    private static final double LEGEND_ROW = 18;
    /** Rough width of a character of the 12 px legend text; generous, so items do not overlap. */
    private static final double CHAR_W = 7.0;
    /** Half the width, in years, of the bar drawn for a stack when there is a single year. */
    private static final double SINGLE_YEAR_HALF_WIDTH = 0.3;

    record Layer(String name, String colour, int firstYear, double[] values) {
    }

    record Line(String name, String colour, String dash, double width, int firstYear, double[] values) {
    }

    record Band(String name, String colour, int firstYear, double[] lo, double[] hi) {
    }

    record Marker(int year, double value, String label) {
    }

    /** The value axis: from {@code lo} to {@code hi} in steps of {@code step}, with ticks {@code k * step}. */
    record Scale(double lo, double hi, double step, long kLo, long kHi) {
        int decimals() {
            return decimalsFor(step);
        }
    }

    private final String id;
    private final String title;
    private final String description;
    private final String xLabel;
    private final String yLabel;
    private final List<Layer> layers = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private String markerLegend = "";
    private String markerColour = "#1a9850";

    /**
     * @param id          unique within the document; used for element ids
     * @param description one sentence for screen readers
     */
    SvgChart(String id, String title, String description, String xLabel, String yLabel) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** Adds a stacked series on top of those added before; all must cover the same years. */
    SvgChart stack(String name, String colour, int firstYear, double[] values) {
        if (!layers.isEmpty()) {
            Layer l = layers.get(0);
            if (l.firstYear() != firstYear || l.values().length != values.length)
                throw new IllegalArgumentException("stacked series must cover the same years");
        }
        if (values.length == 0) throw new IllegalArgumentException("no values for " + name);
        layers.add(new Layer(name, colour, firstYear, values.clone()));
        return this;
    }

    /** Adds a line; {@code dash} is an SVG dash array or empty for a solid line. */
    SvgChart line(String name, String colour, String dash, double width, int firstYear, double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values for " + name);
        lines.add(new Line(name, colour, dash, width, firstYear, values.clone()));
        return this;
    }

    /** Adds a shaded band between two series of the same years. */
    SvgChart band(String name, String colour, int firstYear, double[] lo, double[] hi) {
        if (lo.length != hi.length || lo.length == 0) throw new IllegalArgumentException("band needs matching series");
        bands.add(new Band(name, colour, firstYear, lo.clone(), hi.clone()));
        return this;
    }

    /** Names the markers in the legend (one entry for all of them). */
    SvgChart markerLegend(String legend, String colour) {
        this.markerLegend = legend;
        this.markerColour = colour;
        return this;
    }

    SvgChart marker(int year, double value, String label) {
        markers.add(new Marker(year, value, label));
        return this;
    }

    // ------------------------------------------------------------------------------------------ rendering

    String toSvg() {
        // x domain: the years of everything drawn
        int minYear = Integer.MAX_VALUE;
        int maxYear = Integer.MIN_VALUE;
        for (Layer l : layers) {
            minYear = Math.min(minYear, l.firstYear());
            maxYear = Math.max(maxYear, l.firstYear() + l.values().length - 1);
        }
        for (Line l : lines) {
            minYear = Math.min(minYear, l.firstYear());
            maxYear = Math.max(maxYear, l.firstYear() + l.values().length - 1);
        }
        for (Band b : bands) {
            minYear = Math.min(minYear, b.firstYear());
            maxYear = Math.max(maxYear, b.firstYear() + b.lo().length - 1);
        }
        for (Marker m : markers) {
            minYear = Math.min(minYear, m.year());
            maxYear = Math.max(maxYear, m.year());
        }
        if (minYear > maxYear) throw new IllegalStateException("chart " + id + " has nothing to draw");
        double x0 = minYear;
        double x1 = maxYear;
        if (minYear == maxYear) {
            x0 = minYear - 1;
            x1 = maxYear + 1;
        } else if (!layers.isEmpty() && layers.get(0).values().length == 1) { // room for the bar of a lone year
            x0 = Math.min(x0, layers.get(0).firstYear() - 0.5);
            x1 = Math.max(x1, layers.get(0).firstYear() + 0.5);
        }

        // stacks, diverging
        int n = layers.isEmpty() ? 0 : layers.get(0).values().length;
        double[][] bases = new double[layers.size()][n];
        double[][] tops = new double[layers.size()][n];
        double[] total = new double[n];
        double[] pos = new double[n];
        double[] neg = new double[n];
        for (int k = 0; k < layers.size(); k++) {
            double[] v = layers.get(k).values();
            for (int i = 0; i < n; i++) {
                double x = Double.isFinite(v[i]) ? v[i] : 0;
                total[i] += x;
                if (x >= 0) {
                    bases[k][i] = pos[i];
                    pos[i] += x;
                    tops[k][i] = pos[i];
                } else {
                    bases[k][i] = neg[i];
                    neg[i] += x;
                    tops[k][i] = neg[i];
                }
            }
        }

        // y domain: always includes zero
        double min = 0;
        double max = 0;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, neg[i]);
            max = Math.max(max, pos[i]);
        }
        for (Line l : lines) for (double v : l.values()) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        for (Band b : bands) {
            for (double v : b.lo()) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
            for (double v : b.hi()) if (Double.isFinite(v)) { min = Math.min(min, v); max = Math.max(max, v); }
        }
        for (Marker m : markers) if (Double.isFinite(m.value())) { min = Math.min(min, m.value()); max = Math.max(max, m.value()); }
        Scale ys = niceScale(min, max, 5);

        double xb = PLOT_W / (x1 - x0);
        double xa = LEFT - x0 * xb;
        double yd = -PLOT_H / (ys.hi() - ys.lo());
        double yc = TOP + PLOT_H - ys.lo() * yd;

        List<Legend> legend = legend();
        List<double[]> legendPos = layoutLegend(legend);
        int rows = legendPos.isEmpty() ? 0 : (int) legendPos.get(legendPos.size() - 1)[2] + 1;
        double legendTop = TOP + PLOT_H + 60;
        double height = legendTop + rows * LEGEND_ROW + 6;

        StringBuilder s = new StringBuilder(8192);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"").append(Html.esc(id))
                .append("\" width=\"").append(c(WIDTH)).append("\" height=\"").append(c(height))
                .append("\" viewBox=\"0 0 ").append(c(WIDTH)).append(' ').append(c(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
                .append(" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        s.append("<title id=\"").append(id).append("-title\">").append(Html.esc(title)).append("</title>\n");
        s.append("<desc id=\"").append(id).append("-desc\">").append(Html.esc(description)).append("</desc>\n");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(c(WIDTH)).append("\" height=\"").append(c(height))
                .append("\" fill=\"#ffffff\"/>\n");

        // title
        s.append("<text class=\"chart-title\" x=\"8\" y=\"22\" font-size=\"15\" font-weight=\"bold\" fill=\"#000000\">")
                .append(Html.esc(title)).append("</text>\n");

        s.append("<g class=\"plot\" data-xmap=\"").append(xa).append(' ').append(xb).append("\" data-ymap=\"")
                .append(yc).append(' ').append(yd).append("\">\n");

        // horizontal grid and value ticks
        double plotBottom = TOP + PLOT_H;
        double plotRight = LEFT + PLOT_W;
        s.append("<g class=\"grid\" stroke=\"#d9d9d9\" stroke-width=\"1\">\n");
        for (long k = ys.kLo(); k <= ys.kHi(); k++) {
            double y = yc + yd * (k * ys.step());
            s.append("<line x1=\"").append(c(LEFT)).append("\" y1=\"").append(c(y)).append("\" x2=\"").append(c(plotRight))
                    .append("\" y2=\"").append(c(y)).append("\"/>\n");
        }
        s.append("</g>\n");

        // bands
        for (Band b : bands) {
            int m = b.lo().length;
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < m; i++) point(pts, xa + xb * (b.firstYear() + i), yc + yd * fin(b.hi()[i]));
            for (int i = m - 1; i >= 0; i--) point(pts, xa + xb * (b.firstYear() + i), yc + yd * fin(b.lo()[i]));
            if (m == 1) { // a single year: a short vertical bar
                pts.setLength(0);
                double x = xa + xb * b.firstYear();
                point(pts, x - 3, yc + yd * fin(b.hi()[0]));
                point(pts, x + 3, yc + yd * fin(b.hi()[0]));
                point(pts, x + 3, yc + yd * fin(b.lo()[0]));
                point(pts, x - 3, yc + yd * fin(b.lo()[0]));
            }
            s.append("<polygon class=\"band\" data-series=\"").append(Html.esc(b.name())).append("\" data-first-year=\"")
                    .append(b.firstYear()).append("\" data-lo=\"").append(values(b.lo())).append("\" data-hi=\"")
                    .append(values(b.hi())).append("\" fill=\"").append(b.colour()).append("\" fill-opacity=\"0.3\" stroke=\"none\" points=\"")
                    .append(pts.toString().trim()).append("\"/>\n");
        }

        // stacked areas
        if (!layers.isEmpty()) {
            int fy = layers.get(0).firstYear();
            s.append("<g class=\"stack\" data-first-year=\"").append(fy).append("\" data-total=\"").append(values(total))
                    .append("\">\n");
            for (int k = 0; k < layers.size(); k++) {
                Layer l = layers.get(k);
                StringBuilder pts = new StringBuilder();
                if (n == 1) {
                    double xl = xa + xb * (fy - SINGLE_YEAR_HALF_WIDTH);
                    double xr = xa + xb * (fy + SINGLE_YEAR_HALF_WIDTH);
                    point(pts, xl, yc + yd * tops[k][0]);
                    point(pts, xr, yc + yd * tops[k][0]);
                    point(pts, xr, yc + yd * bases[k][0]);
                    point(pts, xl, yc + yd * bases[k][0]);
                } else {
                    for (int i = 0; i < n; i++) point(pts, xa + xb * (fy + i), yc + yd * tops[k][i]);
                    for (int i = n - 1; i >= 0; i--) point(pts, xa + xb * (fy + i), yc + yd * bases[k][i]);
                }
                s.append("<polygon class=\"area\" data-series=\"").append(Html.esc(l.name())).append("\" data-values=\"")
                        .append(values(l.values())).append("\" data-top=\"").append(values(tops[k])).append("\" fill=\"")
                        .append(l.colour()).append("\" stroke=\"#ffffff\" stroke-width=\"0.5\" points=\"")
                        .append(pts.toString().trim()).append("\"/>\n");
            }
            s.append("</g>\n");
        }

        // axes (and a zero line when the axis goes below zero)
        s.append("<g class=\"axes\" stroke=\"#000000\" stroke-width=\"1\">\n");
        if (ys.lo() < 0) {
            double y = yc;
            s.append("<line class=\"zero\" x1=\"").append(c(LEFT)).append("\" y1=\"").append(c(y)).append("\" x2=\"")
                    .append(c(plotRight)).append("\" y2=\"").append(c(y)).append("\" stroke-width=\"1\"/>\n");
        }
        s.append("<line x1=\"").append(c(LEFT)).append("\" y1=\"").append(c(TOP)).append("\" x2=\"").append(c(LEFT))
                .append("\" y2=\"").append(c(plotBottom)).append("\"/>\n");
        s.append("<line x1=\"").append(c(LEFT)).append("\" y1=\"").append(c(plotBottom)).append("\" x2=\"").append(c(plotRight))
                .append("\" y2=\"").append(c(plotBottom)).append("\"/>\n");
        int[] years = yearTicks(minYear, maxYear);
        for (int yr : years) {
            double x = xa + xb * yr;
            s.append("<line x1=\"").append(c(x)).append("\" y1=\"").append(c(plotBottom)).append("\" x2=\"").append(c(x))
                    .append("\" y2=\"").append(c(plotBottom + 5)).append("\"/>\n");
        }
        for (long k = ys.kLo(); k <= ys.kHi(); k++) {
            double y = yc + yd * (k * ys.step());
            s.append("<line x1=\"").append(c(LEFT - 5)).append("\" y1=\"").append(c(y)).append("\" x2=\"").append(c(LEFT))
                    .append("\" y2=\"").append(c(y)).append("\"/>\n");
        }
        s.append("</g>\n");

        // lines
        for (Line l : lines) {
            StringBuilder d = new StringBuilder();
            List<double[]> dots = new ArrayList<>();
            int runStart = -1;
            double[] v = l.values();
            for (int i = 0; i <= v.length; i++) {
                boolean ok = i < v.length && Double.isFinite(v[i]);
                if (ok) {
                    double x = xa + xb * (l.firstYear() + i);
                    double y = yc + yd * v[i];
                    d.append(runStart < 0 ? " M" : " L").append(c(x)).append(' ').append(c(y));
                    if (runStart < 0) runStart = i;
                } else {
                    if (runStart >= 0 && i - runStart == 1) // a lone point: draw it as a dot
                        dots.add(new double[] {xa + xb * (l.firstYear() + runStart), yc + yd * v[runStart]});
                    runStart = -1;
                }
            }
            s.append("<g class=\"series\" data-series=\"").append(Html.esc(l.name())).append("\" data-first-year=\"")
                    .append(l.firstYear()).append("\" data-values=\"").append(values(v)).append("\">\n");
            s.append("<path d=\"").append(d.toString().trim()).append("\" fill=\"none\" stroke=\"").append(l.colour())
                    .append("\" stroke-width=\"").append(c(l.width())).append('"');
            if (!l.dash().isEmpty()) s.append(" stroke-dasharray=\"").append(l.dash()).append('"');
            s.append(" stroke-linejoin=\"round\" stroke-linecap=\"butt\"/>\n");
            for (double[] p : dots)
                s.append("<circle cx=\"").append(c(p[0])).append("\" cy=\"").append(c(p[1])).append("\" r=\"3.5\" fill=\"")
                        .append(l.colour()).append("\"/>\n");
            s.append("</g>\n");
        }

        // markers
        for (Marker m : markers) {
            double x = xa + xb * m.year();
            double y = yc + yd * m.value();
            s.append("<g class=\"milestone\" data-year=\"").append(m.year()).append("\" data-value=\"").append(m.value())
                    .append("\">\n<path d=\"").append(diamond(x, y, 6)).append("\" fill=\"").append(markerColour)
                    .append("\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
            s.append("<text x=\"").append(c(x)).append("\" y=\"").append(c(y - 10)).append("\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#000000\">")
                    .append(Html.esc(m.label())).append("</text>\n</g>\n");
        }

        // tick labels
        s.append("<g class=\"ticks\" font-size=\"11\" fill=\"#000000\">\n");
        for (int yr : years) {
            s.append("<text class=\"tick x\" x=\"").append(c(xa + xb * yr)).append("\" y=\"").append(c(plotBottom + 18))
                    .append("\" text-anchor=\"middle\">").append(yr).append("</text>\n");
        }
        for (long k = ys.kLo(); k <= ys.kHi(); k++) {
            double y = yc + yd * (k * ys.step());
            s.append("<text class=\"tick y\" x=\"").append(c(LEFT - 8)).append("\" y=\"").append(c(y + 4))
                    .append("\" text-anchor=\"end\">").append(Html.esc(number(k * ys.step(), ys.decimals()))).append("</text>\n");
        }
        s.append("</g>\n");
        s.append("</g>\n"); // plot

        // axis labels
        s.append("<text class=\"axis-label x\" x=\"").append(c(LEFT + PLOT_W / 2)).append("\" y=\"").append(c(plotBottom + 38))
                .append("\" text-anchor=\"middle\" fill=\"#000000\">").append(Html.esc(xLabel)).append("</text>\n");
        double ly = TOP + PLOT_H / 2;
        s.append("<text class=\"axis-label y\" x=\"18\" y=\"").append(c(ly)).append("\" transform=\"rotate(-90 18 ")
                .append(c(ly)).append(")\" text-anchor=\"middle\" fill=\"#000000\">").append(Html.esc(yLabel))
                .append("</text>\n");

        // legend
        s.append("<g class=\"legend\" fill=\"#000000\">\n");
        for (int i = 0; i < legend.size(); i++) {
            Legend e = legend.get(i);
            double x = legendPos.get(i)[0];
            double y = legendTop + legendPos.get(i)[2] * LEGEND_ROW;
            switch (e.kind()) {
                case "area" -> s.append("<rect x=\"").append(c(x)).append("\" y=\"").append(c(y - 10)).append("\" width=\"14\" height=\"12\" fill=\"")
                        .append(e.colour()).append("\" stroke=\"#000000\" stroke-width=\"0.5\"/>\n");
                case "band" -> s.append("<rect x=\"").append(c(x)).append("\" y=\"").append(c(y - 10)).append("\" width=\"14\" height=\"12\" fill=\"")
                        .append(e.colour()).append("\" fill-opacity=\"0.3\" stroke=\"none\"/>\n");
                case "marker" -> s.append("<path d=\"").append(diamond(x + 7, y - 4, 6)).append("\" fill=\"").append(e.colour())
                        .append("\" stroke=\"#000000\" stroke-width=\"1\"/>\n");
                default -> {
                    s.append("<line x1=\"").append(c(x - 4)).append("\" y1=\"").append(c(y - 4)).append("\" x2=\"").append(c(x + 18))
                            .append("\" y2=\"").append(c(y - 4)).append("\" stroke=\"").append(e.colour()).append("\" stroke-width=\"")
                            .append(c(e.width())).append('"');
                    if (!e.dash().isEmpty()) s.append(" stroke-dasharray=\"").append(e.dash()).append('"');
                    s.append("/>\n");
                }
            }
            s.append("<text x=\"").append(c(x + 22)).append("\" y=\"").append(c(y)).append("\">").append(Html.esc(e.name()))
                    .append("</text>\n");
        }
        s.append("</g>\n");
        s.append("</svg>\n");
        return s.toString();
    }

    private record Legend(String kind, String name, String colour, String dash, double width) {
    }

    private List<Legend> legend() {
        List<Legend> out = new ArrayList<>();
        for (Layer l : layers) out.add(new Legend("area", l.name(), l.colour(), "", 0));
        for (Band b : bands) out.add(new Legend("band", b.name(), b.colour(), "", 0));
        for (Line l : lines) out.add(new Legend("line", l.name(), l.colour(), l.dash(), l.width()));
        if (!markers.isEmpty() && !markerLegend.isEmpty()) out.add(new Legend("marker", markerLegend, markerColour, "", 0));
        return out;
    }

    /** For each legend entry: x, width and row, flowing left to right under the plot. */
    private static List<double[]> layoutLegend(List<Legend> legend) {
        List<double[]> out = new ArrayList<>();
        double x = LEFT;
        int row = 0;
        for (Legend e : legend) {
            double w = 22 + e.name().codePointCount(0, e.name().length()) * CHAR_W + 18;
            if (x > LEFT && x + w > WIDTH - 4) {
                row++;
                x = LEFT;
            }
            out.add(new double[] {x, w, row});
            x += w;
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ numbers

    /**
     * A value axis from {@code min} to {@code max} (widened to include zero) with about {@code target}
     * intervals of a nice step: 1, 2, 2.5 or 5 times a power of ten.
     */
    static Scale niceScale(double min, double max, int target) {
        min = Math.min(min, 0);
        max = Math.max(max, 0);
        if (!(max > min)) max = 1;
        double step = niceCeil((max - min) / target);
        long kLo = (long) Math.floor(min / step + 1e-9);
        long kHi = (long) Math.ceil(max / step - 1e-9);
        if (kHi <= kLo) kHi = kLo + 1;
        return new Scale(kLo * step, kHi * step, step, kLo, kHi);
    }

    /** The smallest of 1, 2, 2.5, 5 and 10 times a power of ten that is at least {@code x} (> 0). */
    static double niceCeil(double x) {
        int exp = (int) Math.floor(Math.log10(x));
        double p = Math.pow(10, exp);
        double f = x / p;
        double nf;
        if (f <= 1 + 1e-9) nf = 1;
        else if (f <= 2 + 1e-9) nf = 2;
        else if (f <= 2.5 + 1e-9) nf = 2.5;
        else if (f <= 5 + 1e-9) nf = 5;
        else nf = 10;
        return nf * p;
    }

    /** Decimals needed to write multiples of a nice step exactly. */
    static int decimalsFor(double step) {
        int exp = (int) Math.floor(Math.log10(step) + 1e-9);
        double mantissa = step / Math.pow(10, exp);
        boolean half = Math.abs(mantissa - 2.5) < 1e-6;
        return Math.max(0, -exp + (half ? 1 : 0));
    }

    /** Year ticks: multiples of 1, 2, 5, 10, 20, 25, 50... with at most 8 intervals over the range. */
    static int[] yearTicks(int first, int last) {
        int span = last - first;
        int[] steps = {1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000};
        int step = steps[steps.length - 1];
        for (int st : steps) {
            if (span / st <= 8) {
                step = st;
                break;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int y = Math.floorDiv(first + step - 1, step) * step; y <= last; y += step) out.add(y);
        if (out.isEmpty()) out.add(first);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A number for people: rounded to {@code decimals}, thousands grouped with commas, a real minus sign, and
     * never "-0".
     */
    static String number(double v, int decimals) {
        if (!Double.isFinite(v)) return "n/a";
        BigDecimal b = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_UP);
        if (b.signum() == 0) b = b.abs();
        String plain = b.abs().toPlainString();
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) g.append(',');
            g.append(intPart.charAt(i));
        }
        if (dot >= 0) g.append(plain.substring(dot));
        return (b.signum() < 0 ? "\u2212" : "") + g;
    }

    /** A coordinate with at most two decimals, no trailing zeros, never "-0". */
    static String c(double v) {
        long r = Math.round(v * 100);
        if (r == 0) return "0";
        StringBuilder b = new StringBuilder();
        if (r < 0) {
            b.append('-');
            r = -r;
        }
        b.append(r / 100);
        long frac = r % 100;
        if (frac != 0) {
            b.append('.').append(frac / 10);
            if (frac % 10 != 0) b.append(frac % 10);
        }
        return b.toString();
    }

    private static void point(StringBuilder pts, double x, double y) {
        pts.append(c(x)).append(',').append(c(y)).append(' ');
    }

    private static double fin(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    private static String diamond(double x, double y, double r) {
        return "M" + c(x) + ' ' + c(y - r) + " L" + c(x + r) + ' ' + c(y) + " L" + c(x) + ' ' + c(y + r) + " L" + c(x - r)
                + ' ' + c(y) + " Z";
    }

    /** Values in full precision, space separated (Java's locale-free {@code Double.toString}). */
    private static String values(double[] v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) b.append(' ');
            b.append(v[i]);
        }
        return b.toString();
    }
}
