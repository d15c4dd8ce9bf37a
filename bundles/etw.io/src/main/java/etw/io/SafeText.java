package etw.io;

/**
 * Makes a name safe to print on a terminal: control characters (C0, DEL, C1, so also the escape that starts a
 * terminal sequence) and bidirectional overrides are shown as {@code \n}, {@code \t}, {@code \x1b} or
 * {@code \u202e} instead of acting on the terminal. Every place that prints a scenario, model, region or variable
 * name goes through {@link #of(String)}.
 */
public final class SafeText {
    private SafeText() {
    }

    /** The text with every character that could act on a terminal escaped; {@code null} gives {@code "null"}. */
    public static String of(String text) {
        if (text == null) return "null";
        if (isPlain(text)) return text;
        StringBuilder s = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == '\n') s.append("\\n");
            else if (c == '\r') s.append("\\r");
            else if (c == '\t') s.append("\\t");
            else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) s.append(String.format("\\x%02x", c));
            else if (isInvisibleFormat(c)) s.append(String.format("\\u%04x", c));
            else s.appendCodePoint(c);
        });
        return s.toString();
    }

    /** As {@link #of(String)}, but line breaks stay: for messages and texts of several lines. */
    public static String lines(String text) {
        if (text == null) return "null";
        return String.join("\n", java.util.Arrays.stream(text.split("\r?\n", -1)).map(SafeText::of).toList());
    }

    private static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || isInvisibleFormat(c)) return false;
        }
        return true;
    }

    /** Bidirectional embeddings, overrides and isolates, and the line and paragraph separators. */
    private static boolean isInvisibleFormat(int c) {
        return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
