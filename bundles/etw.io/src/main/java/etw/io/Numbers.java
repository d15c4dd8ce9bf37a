package etw.io;

import java.util.Locale;

/**
 * Numbers for people, the same on every face of the workbench: no exponent ({@code 1.59E-13} is {@code ~0}),
 * thousands separated, and decimals only where the value is small (three significant digits or so).
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@code 12,345}, {@code 123}, {@code 12.3}, {@code 0.123}, {@code 0.0012}, {@code ~0}, {@code -4.5}. */
    public static String format(double x) {
        if (Double.isNaN(x)) return "NaN";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        double a = Math.abs(x);
        String s;
        if (a >= 100 || (x == Math.rint(x) && a < 1e15)) s = String.format(Locale.ROOT, "%,.0f", x);
        else if (a >= 10) s = String.format(Locale.ROOT, "%.1f", x);
        else if (a >= 1) s = String.format(Locale.ROOT, "%.2f", x);
        else if (a >= 0.001) s = String.format(Locale.ROOT, "%.3f", x);
        else if (a >= 0.000_1) s = String.format(Locale.ROOT, "%.4f", x);
        else return a == 0 ? "0" : "~0";
        return s.equals("-0") ? "0" : s;
    }

    /**
     * A limit or setting as written by hand: {@code 0.15}, {@code 1}, {@code 12,000}, {@code 2.6}: like
     * {@link #format} but without trailing zeros.
     */
    public static String plain(double x) {
        String s = format(x);
        if (s.contains(".") && !s.startsWith("~")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s;
    }

    /** A signed difference: {@code +1,234}, {@code -0.25}, {@code 0}. */
    public static String signed(double x) {
        String s = format(x);
        return x > 0 && !s.equals("~0") && !s.equals("0") ? "+" + s : s;
    }
}
