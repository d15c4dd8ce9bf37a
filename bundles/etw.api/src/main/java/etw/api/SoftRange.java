package etw.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A plausibility range for one of a model's outputs: a result outside it is not an error (the run finishes and
 * every value is kept) but a warning in the run's manifest, so the CLI, the report and the workbench's Problems
 * view show it. Declare one with {@link ModelDescriptor.Builder#softRange(SoftRange)}; the engine checks every
 * declared range of every model that took part after the run.
 *
 * <pre>{@code
 * Output dc = b.output("Final Energy|Electricity|Data Centers", "TWh/yr", "...");
 * b.softRange(SoftRange.share(dc, "Final Energy|Electricity", 0.10, "IEA Energy and AI (2025): ..."));
 * b.softRange(SoftRange.growth(dc, 0.30, 5, "assumption: ..."));
 * Output solar = b.output("Secondary Energy|Electricity|Solar", "TWh/yr", "...");
 * b.softRange(SoftRange.ratio(solar, "Capacity|Electricity|Solar", 1 / 8.76, 0.08, 0.35, "capacity factor", "..."));
 * }</pre>
 *
 * @since 2.1
 */
public final class SoftRange {
    /** What is compared with the range. */
    public enum Kind {
        /** The output's value itself. */
        LEVEL,
        /** The output's value divided by another variable's value (same region and year), times a factor. */
        RATIO,
        /** The output's growth per year, compounded over {@link #years()} years. */
        GROWTH
    }

    private final Kind kind;
    private final String variable;
    private final String unit;
    private final String per;
    private final double factor;
    private final double min;
    private final double max;
    private final int years;
    private final String quantity;
    private final String source;

    private SoftRange(Kind kind, Output output, String per, double factor, double min, double max, int years,
                      String quantity, String source) {
        Objects.requireNonNull(output, "output");
        if (source == null || source.isBlank())
            throw new IllegalArgumentException("soft range of " + output.variable()
                    + " needs a source, or a text starting with 'assumption:'");
        if (!(min <= max) || Double.isNaN(min) || Double.isNaN(max))
            throw new IllegalArgumentException("soft range of " + output.variable() + ": min " + min + " is not at most max " + max);
        if (!Double.isFinite(factor) || factor == 0)
            throw new IllegalArgumentException("soft range of " + output.variable() + ": factor must be finite and non-zero");
        this.kind = kind;
        this.variable = output.variable();
        this.unit = output.unit();
        this.per = per;
        this.factor = factor;
        this.min = min;
        this.max = max;
        this.years = years;
        this.quantity = quantity;
        this.source = source;
    }

    /** The output's value should lie in {@code [min, max]} (in the output's unit; use infinities for one side). */
    public static SoftRange level(Output output, double min, double max, String source) {
        return new SoftRange(Kind.LEVEL, output, null, 1, min, max, 0, output.variable(), source);
    }

    /**
     * {@code output / per * factor} should lie in {@code [min, max]} wherever {@code per} is positive, for example
     * a capacity factor (generation in TWh/yr per capacity in GW, factor 1/8.76). A region or scenario without
     * the variable {@code per} is not checked.
     *
     * @param quantity what the ratio is called in a warning, e.g. "capacity factor of solar"
     */
    public static SoftRange ratio(Output output, String per, double factor, double min, double max, String quantity,
                                  String source) {
        Objects.requireNonNull(per, "per");
        Objects.requireNonNull(quantity, "quantity");
        return new SoftRange(Kind.RATIO, output, per, factor, min, max, 0, quantity, source);
    }

    /** The output should be at most {@code maxShare} (0 to 1) of the variable {@code of}: a {@link #ratio} from 0. */
    public static SoftRange share(Output output, String of, double maxShare, String source) {
        Objects.requireNonNull(of, "of");
        return new SoftRange(Kind.RATIO, output, of, 1, 0, maxShare, 0, "share of " + output.variable() + " in " + of,
                source);
    }

    /**
     * The output should not grow faster than {@code maxPerYear} (0.3 = 30 %/yr) on average over any {@code years}
     * consecutive years: growth sustained that long, not one steep year, is implausible. Years where the output is
     * zero or negative at the start of the window are not checked.
     */
    public static SoftRange growth(Output output, double maxPerYear, int years, String source) {
        if (years < 1) throw new IllegalArgumentException("soft range of " + output.variable() + ": years must be at least 1");
        return new SoftRange(Kind.GROWTH, output, null, 1, Double.NEGATIVE_INFINITY, maxPerYear, years,
                "growth of " + output.variable(), source);
    }

    public Kind kind() { return kind; }

    /** The output variable the range concerns. */
    public String variable() { return variable; }

    /** The output's unit. */
    public String unit() { return unit; }

    /** For {@link Kind#RATIO}, the variable divided by; otherwise null. */
    public String per() { return per; }

    /** For {@link Kind#RATIO}, the factor applied to the quotient; otherwise 1. */
    public double factor() { return factor; }

    /** The lowest plausible value (of the level, ratio or growth per year). */
    public double min() { return min; }

    /** The highest plausible value (of the level, ratio or growth per year). */
    public double max() { return max; }

    /** For {@link Kind#GROWTH}, the number of years the growth is averaged over; otherwise 0. */
    public int years() { return years; }

    /** What is checked, in words, for a warning: the variable, "share of ... in ...", "capacity factor of ...". */
    public String quantity() { return quantity; }

    /** Where the range comes from, or a text starting with "assumption:". */
    public String source() { return source; }

    @Override
    public String toString() {
        return switch (kind) {
            case LEVEL -> quantity + " in [" + fmt(min) + ", " + fmt(max) + "] " + unit;
            case RATIO -> quantity + " in [" + fmt(min) + ", " + fmt(max) + "]";
            case GROWTH -> quantity + " at most " + fmt(100 * max) + "%/yr over " + years + " years";
        };
    }

    private static String fmt(double x) {
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
