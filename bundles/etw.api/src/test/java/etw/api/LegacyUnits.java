package etw.api;

// The unit parser as it was before the grammar was opened (commit 123a66a), kept to prove that every unit it
// accepted still parses to the same dimension and the very same factor, bit for bit.

import java.util.Map;
import java.util.TreeMap;

final class LegacyUnits {
    private static final Map<String, Double> PREFIXES = Map.of(
            "k", 1e3, "M", 1e6, "G", 1e9, "T", 1e12, "P", 1e15, "E", 1e18);

    /** base symbol to (dimension, factor to the dimension's canonical unit). */
    private static final Map<String, Base> BASES = Map.ofEntries(
            Map.entry("W", new Base(Map.of("W", 1), 1)),
            Map.entry("Wh", new Base(Map.of("Wh", 1), 1)),
            Map.entry("J", new Base(Map.of("Wh", 1), 1.0 / 3600)),
            Map.entry("g", new Base(Map.of("g", 1), 1)),
            Map.entry("t", new Base(Map.of("g", 1), 1e6)),
            Map.entry("m", new Base(Map.of("m", 1), 1)),
            Map.entry("h", new Base(Map.of("h", 1), 1)),
            Map.entry("yr", new Base(Map.of("h", 1), 8760)),
            Map.entry("USD", new Base(Map.of("USD", 1), 1)),
            Map.entry("CO2", new Base(Map.of("CO2", 1), 1)),
            Map.entry("vehicle", new Base(Map.of("vehicle", 1), 1)),
            Map.entry("vehicles", new Base(Map.of("vehicle", 1), 1)),
            Map.entry("1", new Base(Map.of(), 1)),
            Map.entry("%", new Base(Map.of(), 0.01)),
            Map.entry("thousand", new Base(Map.of(), 1e3)),
            Map.entry("million", new Base(Map.of(), 1e6)),
            Map.entry("billion", new Base(Map.of(), 1e9)));

    private record Base(Map<String, Integer> dimension, double factor) {
    }

    /** A parsed unit: its dimension (base to exponent) and the factor to that dimension's canonical unit. */
    public record Unit(String text, Map<String, Integer> dimension, double factor) {
        public boolean isCompatibleWith(Unit other) {
            return dimension.equals(other.dimension);
        }
    }

    private LegacyUnits() {
    }

    /**
     * Parses a unit string.
     *
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static Unit parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("empty unit (use \"1\" for a plain number)");
        String[] parts = trimmed.split("/");
        TreeMap<String, Integer> dim = new TreeMap<>();
        double factor = 1;
        for (int p = 0; p < parts.length; p++) {
            int sign = p == 0 ? 1 : -1;
            if (parts[p].isBlank()) throw new IllegalArgumentException("unit '" + text + "' has an empty part around '/'");
            for (String token : parts[p].trim().split("[\\s*]+")) {
                Base base = base(token, text);
                factor = sign > 0 ? factor * base.factor : factor / base.factor;
                base.dimension.forEach((d, e) -> dim.merge(d, sign * e, Integer::sum));
            }
        }
        dim.values().removeIf(e -> e == 0);
        return new Unit(trimmed, Map.copyOf(dim), factor);
    }

    private static Base base(String token, String text) {
        Base b = BASES.get(token);
        if (b != null) return b;
        if (token.length() > 1) {
            Double prefix = PREFIXES.get(token.substring(0, 1));
            Base rest = BASES.get(token.substring(1));
            if (prefix != null && rest != null) return new Base(rest.dimension, prefix * rest.factor);
        }
        throw new IllegalArgumentException("unknown unit '" + token + "' in '" + text + "' (known: " +
                String.join(", ", new TreeMap<>(BASES).keySet()) + ", with prefixes k M G T P E)");
    }

    /** True if both strings parse and have the same dimension. */
    public static boolean compatible(String from, String to) {
        return parse(from).isCompatibleWith(parse(to));
    }

    /**
     * The factor that turns a value in {@code from} into one in {@code to}: exactly 1 when the strings are equal.
     *
     * @throws IllegalArgumentException if a unit does not parse or the two are not compatible
     */
    public static double factor(String from, String to) {
        if (from.equals(to)) return 1.0;
        Unit f = parse(from);
        Unit t = parse(to);
        if (!f.isCompatibleWith(t))
            throw new IllegalArgumentException("'" + from + "' cannot be converted to '" + to + "'");
        return f.factor / t.factor;
    }
}
