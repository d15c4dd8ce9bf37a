package etw.workbench.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for the API, to keep the workbench free of a JSON library: {@link #parse(String)} reads a
 * document into {@code Map} (insertion-ordered), {@code List}, {@code String}, {@code Double}, {@code Boolean} and
 * null; {@link #write(Object)} writes the same types plus numbers, {@code double[]} and records-free maps.
 * Non-finite numbers are written as null.
 */
final class Json {
    private static final int MAX_DEPTH = 64;

    private Json() {
    }

    /** Thrown for text that is not JSON; the message gives the position. */
    static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    static Object parse(String text) throws SyntaxException {
        Parser p = new Parser(text);
        p.space();
        Object v = p.value(0);
        p.space();
        if (p.i < text.length()) throw p.error("unexpected text after the JSON value");
        return v;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        SyntaxException error(String what) {
            int line = 1, col = 1;
            for (int k = 0; k < Math.min(i, s.length()); k++) {
                if (s.charAt(k) == '\n') {
                    line++;
                    col = 1;
                } else col++;
            }
            return new SyntaxException("not valid JSON at line " + line + ", column " + col + ": " + what);
        }

        void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        }

        Object value(int depth) throws SyntaxException {
            if (depth > MAX_DEPTH) throw error("nested too deeply");
            if (i >= s.length()) throw error("a value is missing");
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (peek('}')) return m;
                    while (true) {
                        space();
                        if (i >= s.length() || s.charAt(i) != '"') throw error("expected a quoted key");
                        String k = string();
                        space();
                        expect(':');
                        space();
                        if (m.put(k, value(depth + 1)) != null) throw error("key \"" + k + "\" appears twice");
                        space();
                        if (peek('}')) return m;
                        expect(',');
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (peek(']')) return l;
                    while (true) {
                        space();
                        l.add(value(depth + 1));
                        space();
                        if (peek(']')) return l;
                        expect(',');
                    }
                }
                case '"':
                    return string();
                case 't':
                    return word("true", Boolean.TRUE);
                case 'f':
                    return word("false", Boolean.FALSE);
                case 'n':
                    return word("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return number();
                    throw error("unexpected character '" + c + "'");
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) throws SyntaxException {
            if (!peek(c)) throw error("expected '" + c + "'");
        }

        private Object word(String w, Object v) throws SyntaxException {
            if (!s.startsWith(w, i)) throw error("unexpected text");
            i += w.length();
            return v;
        }

        private Double number() throws SyntaxException {
            int start = i;
            if (peek('-')) { /* sign */ }
            while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
            try {
                return Double.valueOf(s.substring(start, i));
            } catch (NumberFormatException e) {
                i = start;
                throw error("not a number");
            }
        }

        private String string() throws SyntaxException {
            i++; // opening quote
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) throw error("a string is not closed");
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c < 0x20) throw error("a control character in a string");
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) throw error("a string is not closed");
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw error("a \\u escape is cut short");
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw error("a bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> throw error("an unknown escape \\" + e);
                }
            }
        }
    }

    static String write(Object value) {
        StringBuilder b = new StringBuilder(256);
        write(value, b, false);
        return b.toString();
    }

    /** JSON with a space after every ':' and ',', which makes it also a YAML flow collection for SnakeYAML. */
    static String writeYaml(Object value) {
        StringBuilder b = new StringBuilder(256);
        write(value, b, true);
        return b.toString();
    }

    static void write(Object v, StringBuilder b) {
        write(v, b, false);
    }

    private static void write(Object v, StringBuilder b, boolean yaml) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(s, b);
        } else if (v instanceof Double d) {
            number(d, b);
        } else if (v instanceof Float f) {
            number(f, b);
        } else if (v instanceof Number n) {
            b.append(n.longValue());
        } else if (v instanceof Boolean bool) {
            b.append(bool);
        } else if (v instanceof double[] a) {
            b.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) b.append(',');
                number(a[k], b);
            }
            b.append(']');
        } else if (v instanceof int[] a) {
            b.append('[');
            for (int k = 0; k < a.length; k++) {
                if (k > 0) b.append(',');
                b.append(a[k]);
            }
            b.append(']');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) b.append(yaml ? ", " : ",");
                first = false;
                string(String.valueOf(e.getKey()), b);
                b.append(yaml ? ": " : ":");
                write(e.getValue(), b, yaml);
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) b.append(yaml ? ", " : ",");
                first = false;
                write(o, b, yaml);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private static void number(double d, StringBuilder b) {
        if (!Double.isFinite(d)) b.append("null");
        else if (d == Math.rint(d) && Math.abs(d) < 1e15) b.append((long) d);
        else b.append(d);
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c"); // safe to embed in HTML
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        b.append('"');
    }
}
