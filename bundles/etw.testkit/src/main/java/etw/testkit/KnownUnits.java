package etw.testkit;

import java.util.Set;
import java.util.TreeSet;

/**
 * The unit syntax the engine understands, so a model's units can be checked without the engine.
 *
 * <p>A unit is a product of factors over an optional {@code /} and a second product, factors separated by
 * spaces or {@code *}: {@code TWh/yr}, {@code Mt CO2/yr}, {@code g CO2/kWh}, {@code USD/kW}, {@code million/yr}.
 * A factor is a base ({@code W Wh J g t m h yr USD CO2 vehicle vehicles}) with an optional SI prefix
 * ({@code k M G T P E}), or a scale word ({@code thousand million billion %}), or {@code 1}. Use {@code "1"} for
 * a plain number or a fraction.
 *
 * <p><b>Duplication, on purpose:</b> this is the parsing half of {@code etw.engine.Units}
 * ({@code bundles/etw.engine/src/main/java/etw/engine/Units.java}), repeated here because plugin authors depend
 * only on {@code etw.api} and {@code etw.testkit}, never on the engine. The lists of bases and prefixes and the
 * splitting rules must stay the same as there: when a base or prefix is added to {@code Units}, add it here too.
 * Whether two units convert into each other (their dimensions) is checked by the engine at wiring, not here.
 */
public final class KnownUnits {
    /** Same as {@code Units.PREFIXES}. */
    private static final Set<String> PREFIXES = Set.of("k", "M", "G", "T", "P", "E");

    /** Same keys as {@code Units.BASES}. */
    private static final Set<String> BASES = Set.of(
            "W", "Wh", "J", "g", "t", "m", "h", "yr", "USD", "CO2", "vehicle", "vehicles",
            "1", "%", "thousand", "million", "billion");

    private KnownUnits() {
    }

    /** True if the engine can parse {@code unit}. */
    public static boolean isKnown(String unit) {
        try {
            check(unit);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks that the engine can parse {@code unit}.
     *
     * @throws IllegalArgumentException naming the part that is not understood, with the known bases and prefixes
     */
    public static void check(String unit) {
        if (unit == null) throw new IllegalArgumentException("no unit (use \"1\" for a plain number)");
        String trimmed = unit.trim();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("empty unit (use \"1\" for a plain number)");
        for (String part : trimmed.split("/")) {
            if (part.isBlank()) throw new IllegalArgumentException("unit '" + unit + "' has an empty part around '/'");
            for (String token : part.trim().split("[\\s*]+")) {
                if (BASES.contains(token)) continue;
                if (token.length() > 1 && PREFIXES.contains(token.substring(0, 1)) && BASES.contains(token.substring(1)))
                    continue;
                throw new IllegalArgumentException("unknown unit '" + token + "' in '" + unit + "' (known: "
                        + String.join(", ", new TreeSet<>(BASES)) + ", with prefixes k M G T P E)");
            }
        }
    }
}
