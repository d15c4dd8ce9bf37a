package etw.io.report;

import java.math.BigDecimal;

/** What every part of the report writes with: the style sheet, escaping, and numbers as tables show them. */
final class Html {
    private Html() {
    }

    static final String CSS = """
            @page { size: A4; margin: 14mm; }
            html { background: #ffffff; }
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.4;
              color: #000000; background: #ffffff; max-width: 760px; margin: 24px auto; padding: 0 12px; }
            h1 { font-size: 22px; margin: 0 0 6px 0; }
            h2 { font-size: 18px; margin: 28px 0 8px 0; padding-bottom: 2px; border-bottom: 2px solid #000000; }
            h3 { font-size: 15px; margin: 18px 0 6px 0; }
            p { margin: 4px 0 8px 0; }
            .meta { font-size: 13px; }
            .note { font-style: italic; font-size: 13px; }
            figure.chart { margin: 14px 0 18px 0; break-inside: avoid; page-break-inside: avoid; }
            figure.chart svg { display: block; width: 100%; max-width: 720px; height: auto; }
            figcaption { font-size: 12px; margin-top: 4px; }
            table { border-collapse: collapse; font-size: 12px; margin: 6px 0 12px 0; break-inside: avoid;
              page-break-inside: avoid; }
            th, td { border-bottom: 1px solid #b0b0b0; padding: 2px 6px; text-align: left; vertical-align: top; }
            thead th { border-bottom: 1px solid #000000; }
            caption { text-align: left; font-weight: bold; padding: 0 6px 4px 6px; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            code, .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px;
              overflow-wrap: anywhere; }
            table.parameters, table.differences { width: 100%; table-layout: fixed; break-inside: auto; page-break-inside: auto; }
            table.parameters col.key { width: 38%; }
            table.parameters td, table.differences td { overflow-wrap: anywhere; }
            table.parameters tr, table.differences tr { break-inside: avoid; page-break-inside: avoid; }
            table.parameters thead th { padding-top: 8px; }
            footer { margin-top: 28px; font-size: 11px; border-top: 1px solid #b0b0b0; padding-top: 4px; }
            @media print {
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              body, h1, h2, h3, p, td, th, figcaption { color: #000000 !important; background: #ffffff; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              section.region + section.region, section.manifest { break-before: page; page-break-before: always; }
              h2, h3 { break-after: avoid; page-break-after: avoid; }
              figure.chart, table.headlines, table.milestones { break-inside: avoid; page-break-inside: avoid; }
              figure.chart svg { max-width: 100%; }
            }
            """;

    static String pct(double p) {
        return BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }

    /** A value for a table: three significant digits for small numbers, whole numbers from 100 up. */
    static String amount(double v) {
        if (!Double.isFinite(v)) return "n/a";
        if (v == 0) return "0";
        int mag = (int) Math.floor(Math.log10(Math.abs(v)));
        return SvgChart.number(v, Math.min(6, Math.max(0, 2 - mag)));
    }

    static String percentChange(double f) {
        long p = Math.round(f * 100);
        return (p > 0 ? "+" : p < 0 ? "\u2212" : "") + Math.abs(p) + "%";
    }

    /**
     * Escapes text for XHTML content and attribute values: markup characters as entities, everything outside
     * printable ASCII as numeric character references, and characters XML does not allow as U+FFFD.
     */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\t', '\n' -> b.append((char) c);
                default -> {
                    if (c >= 0x20 && c < 0x7f) b.append((char) c);
                    else if (c == '\r' || (c >= 0x7f && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000)
                        b.append("&#").append(c).append(';');
                    else b.append("&#65533;");
                }
            }
        }
        return b.toString();
    }
}
