package etw.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the unit strings of the energy domain and converts between compatible ones: the units a model may
 * declare, and the conversions the engine applies at wiring.
 *
 * <h2>Grammar</h2>
 * A unit is a product of factors, then any number of {@code /} each followed by a product that divides:
 * {@code USD/kW/yr} is USD per kW per year. Factors are separated by spaces, {@code *} or {@code ·}. A factor is
 * <ul>
 * <li>a <b>unit symbol</b> with an optional SI prefix and an optional exponent: {@code MW}, {@code mW} (milliwatt),
 * {@code kWh}, {@code Mt}, {@code m3}, {@code km2}, {@code m^2}, {@code s^-1}. Prefixes: {@code E P T G M k}, and
 * {@code c m µ u n}; an exponent applies to the prefixed unit, so {@code km2} is a square kilometre. Symbols:
 * energy {@code Wh J toe cal}, power {@code W}, mass {@code g t}, length {@code m}, area {@code ha}, volume
 * {@code bcm} (billion cubic metres), time {@code s} (prefixable), {@code min h d day yr a year} (not
 * prefixable; a year is 8,760 h), temperature {@code °C} (converts to itself only);</li>
 * <li>a <b>gas species</b>, a dimension of its own: {@code CO2}, {@code CO2e} (also {@code CO2eq},
 * {@code CO2-eq}, {@code CO2-equiv}), {@code CH4}, {@code N2O}, {@code SF6}, {@code NF3}, {@code HFC},
 * {@code PFC}, {@code F-Gases}, {@code HFC134a-equiv}, {@code SO2}, {@code NOx}, {@code NH3}, {@code CO},
 * {@code BC}, {@code OC}, {@code VOC}, {@code H2}; glued to a mass it is read as two factors ({@code MtCO2});</li>
 * <li>a <b>currency</b>, each a dimension of its own, optionally with its price year: {@code USD},
 * {@code US$2010}, {@code USD_2020}, {@code EUR}, {@code EUR2020};</li>
 * <li>a <b>count</b>: {@code vehicle} or {@code vehicles}, {@code cap} (also {@code person}, {@code people}),
 * or transport work {@code pkm}, {@code vkm}, {@code tkm};</li>
 * <li>a <b>number</b>: {@code 1}, {@code %}, {@code ppm}, or a scale word {@code thousand}, {@code million},
 * {@code billion} (also {@code bn}), {@code trillion}.</li>
 * </ul>
 * Examples: {@code TWh/yr}, {@code Mt CO2/yr}, {@code Mt CH4/yr}, {@code kt N2O/yr}, {@code Mt CO2e/yr},
 * {@code g CO2/kWh}, {@code t CO2/MWh}, {@code USD/kW/yr}, {@code kWh/m3}, {@code million m3/day},
 * {@code million vehicles}, {@code %}.
 *
 * <h2>Conversion</h2>
 * Two units convert when their factors cancel to the same dimension, and then by the ratio of their factors.
 * What never converts, on purpose:
 * <ul>
 * <li><b>Energy and power.</b> {@code Wh} and {@code J} are energy, {@code W} is power, and energy per time is not
 * power here: {@code GW} read as {@code TWh/yr} is almost always capacity mistaken for generation, so it is
 * refused rather than multiplied by 8.76.</li>
 * <li><b>Gases.</b> Each species is its own dimension: {@code Mt CO2/yr} converts to {@code Gt CO2/yr} but never
 * to {@code Mt/yr}, and {@code Mt CH4/yr} never to {@code Mt CO2e/yr}, which needs a global warming potential
 * (a choice of time horizon and assessment report): a model applies it, as a parameter.</li>
 * <li><b>Currencies</b> and price years, which need an exchange rate or a deflator.</li>
 * </ul>
 * Ambiguous spellings are refused with the two readings: {@code mt} (tonne or megatonne?), {@code Mm3} (which
 * is 10<sup>18</sup> m3 by SI rules, but often written for a million m3).
 *
 * <p>Why not JSR 385 (Indriya): its quantities know nothing of CO2, currencies or vehicles, which are most of
 * what this domain counts, and it discovers its providers through {@code ServiceLoader}, which in OSGi needs
 * SPI Fly and adds about a second to every start. This table is small, exact and tested.
 */
public final class Units {
    /** SI prefixes, by symbol; both the micro sign (U+00B5) and the Greek mu (U+03BC) are micro. */
    private static final Map<String, Double> PREFIXES = Map.ofEntries(
            Map.entry("E", 1e18), Map.entry("P", 1e15), Map.entry("T", 1e12), Map.entry("G", 1e9),
            Map.entry("M", 1e6), Map.entry("k", 1e3), Map.entry("c", 1e-2), Map.entry("m", 1e-3),
            Map.entry("µ", 1e-6), Map.entry("μ", 1e-6), Map.entry("u", 1e-6), Map.entry("n", 1e-9));

    /**
     * A unit symbol: its dimension, its factor to the dimension's canonical unit, and whether it takes an SI
     * prefix and an exponent. The canonical units are Wh (energy), W (power), g, m, h: the factors of every unit
     * the first version of this class knew are computed exactly as they were, so results do not move by an ulp.
     */
    private record Base(Map<String, Integer> dimension, double factor, boolean prefixable, boolean exponent) {
    }

    private static final Map<String, Base> SYMBOLS = new LinkedHashMap<>();
    private static final Map<String, String> SPECIES = new LinkedHashMap<>();  // spelling -> species dimension
    private static final Map<String, String> AMBIGUOUS = Map.of(
            "mt", "'mt' is ambiguous: write 't' for tonnes or 'Mt' for megatonnes (a millitonne would be 'kg')",
            "Mm3", "'Mm3' is ambiguous: by SI rules it is (Mm)^3 = 1e18 m3, but it is often written for a million m3;"
                    + " write 'million m3' (or 'km3' for 1e9 m3, 'bcm' for a billion m3)",
            "MMt", "'MMt' is ambiguous: write 'Mt' for megatonnes (a million tonnes)");
    private static final Pattern CURRENCY = Pattern.compile("(USD|US\\$|EUR|GBP|CNY|JPY|KRW|INR)(?:_?(\\d{4}))?");
    private static final Pattern EXPONENT = Pattern.compile("(.+?)(?:\\^(-?\\d+)|(-?\\d+)|([²³]))");

    static {
        // energy, power
        symbol("Wh", "Wh", 1, true);
        symbol("J", "Wh", 1.0 / 3600, true);
        symbol("toe", "Wh", 11_630_000, true);          // tonne of oil equivalent: 41.868 GJ (IEA)
        symbol("W", "W", 1, true);
        // mass, length, area, volume
        symbol("g", "g", 1, true);
        symbol("t", "g", 1e6, true);
        symbol("m", "m", 1, true);
        SYMBOLS.put("ha", new Base(Map.of("m", 2), 1e4, false, false));
        SYMBOLS.put("bcm", new Base(Map.of("m", 3), 1e9, false, false));
        // time: the hour is canonical, a year is 8760 h (365 days)
        symbol("s", "h", 1.0 / 3600, true);
        SYMBOLS.put("min", new Base(Map.of("h", 1), 1.0 / 60, false, true));
        SYMBOLS.put("h", new Base(Map.of("h", 1), 1, false, true));
        for (String d : List.of("d", "day", "days")) SYMBOLS.put(d, new Base(Map.of("h", 1), 24, false, true));
        for (String y : List.of("yr", "a", "year", "years")) SYMBOLS.put(y, new Base(Map.of("h", 1), 8760, false, true));
        symbol("cal", "Wh", 4.184 / 3600, true);        // thermochemical calorie: kcal/cap/day in food statistics
        // counts, transport work, numbers
        for (String v : List.of("vehicle", "vehicles")) SYMBOLS.put(v, new Base(Map.of("vehicle", 1), 1, false, false));
        for (String p : List.of("cap", "person", "persons", "people")) SYMBOLS.put(p, new Base(Map.of("person", 1), 1, false, false));
        SYMBOLS.put("pkm", new Base(Map.of("person", 1, "m", 1), 1e3, false, false));  // passenger-kilometre
        SYMBOLS.put("vkm", new Base(Map.of("vehicle", 1, "m", 1), 1e3, false, false)); // vehicle-kilometre
        SYMBOLS.put("tkm", new Base(Map.of("g", 1, "m", 1), 1e9, false, false));       // tonne-kilometre
        SYMBOLS.put("°C", new Base(Map.of("°C", 1), 1, false, false)); // a temperature (change): converts to itself only
        number("1", 1);
        number("%", 0.01);
        number("ppm", 1e-6);
        number("thousand", 1e3);
        number("million", 1e6);
        number("billion", 1e9);
        number("bn", 1e9);
        number("trillion", 1e12);
        // gases: each its own dimension
        for (String s : List.of("CO2", "CH4", "N2O", "SF6", "NF3", "HFC", "PFC", "F-Gases", "HFC134a-equiv", "SO2",
                "NOx", "NH3", "CO", "BC", "OC", "VOC", "H2"))
            SPECIES.put(s, s);
        for (String s : List.of("CO2e", "CO2eq", "CO2-eq", "CO2-equiv", "CO2-e")) SPECIES.put(s, "CO2e");
        SPECIES.put("NOX", "NOx");
    }

    private static void symbol(String symbol, String dimension, double factor, boolean prefixable) {
        SYMBOLS.put(symbol, new Base(Map.of(dimension, 1), factor, prefixable, true));
    }

    private static void number(String word, double factor) {
        SYMBOLS.put(word, new Base(Map.of(), factor, false, false));
    }

    /**
     * A parsed unit: its dimension (base to exponent: {@code Wh W g m h}, a gas such as {@code CO2} or
     * {@code CH4}, a currency such as {@code USD} or {@code USD_2010}, {@code vehicle}) and the factor to that
     * dimension's canonical unit.
     */
    public record Unit(String text, Map<String, Integer> dimension, double factor) {
        public boolean isCompatibleWith(Unit other) {
            return dimension.equals(other.dimension);
        }
    }

    private Units() {
    }

    /**
     * Parses a unit string.
     *
     * @throws IllegalArgumentException naming the part that is not understood
     */
    public static Unit parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("empty unit (use \"1\" for a plain number)");
        String[] parts = trimmed.split("/", -1);
        TreeMap<String, Integer> dim = new TreeMap<>();
        double factor = 1;
        for (int p = 0; p < parts.length; p++) {
            int sign = p == 0 ? 1 : -1;
            if (parts[p].isBlank()) throw new IllegalArgumentException("unit '" + text + "' has an empty part around '/'");
            for (String token : parts[p].trim().split("[\\s*·]+")) {
                for (Base base : factors(token, text)) {
                    factor = sign > 0 ? factor * base.factor : factor / base.factor;
                    base.dimension.forEach((d, e) -> dim.merge(d, sign * e, Integer::sum));
                }
            }
        }
        dim.values().removeIf(e -> e == 0);
        return new Unit(trimmed, Map.copyOf(dim), factor);
    }

    /** One token: usually one factor, two for a mass glued to a gas ({@code MtCO2}). */
    private static List<Base> factors(String token, String text) {
        String ambiguous = AMBIGUOUS.get(token);
        if (ambiguous != null) throw new IllegalArgumentException(ambiguous + " (in '" + text + "')");
        Base b = factor(token);
        if (b != null) return List.of(b);
        // a mass glued to a gas: tCO2, MtCO2e, kgCH4 (longest gas name first)
        for (String s : speciesLongestFirst()) {
            if (token.length() > s.length() && token.endsWith(s)) {
                Base mass = factor(token.substring(0, token.length() - s.length()));
                if (mass != null && mass.dimension.equals(Map.of("g", 1)))
                    return List.of(mass, new Base(Map.of(SPECIES.get(s), 1), 1, false, false));
            }
        }
        for (String s : SPECIES.keySet())
            if (token.startsWith(s) && token.substring(s.length()).matches("\\^-?\\d+|[²³]"))
                throw new IllegalArgumentException("'" + token + "' in '" + text + "': the gas " + s
                        + " takes no exponent");
        String suggestion = caseSlip(token);
        throw new IllegalArgumentException("unknown unit '" + token + "' in '" + text + "'"
                + (suggestion == null ? "" : "; did you mean " + suggestion + "? (case matters: MW is a megawatt, mW a milliwatt)")
                + " (" + known() + ")");
    }

    /** Spellings that differ from {@code token} only in case ({@code MWH}: MWh or mWh), or null. */
    private static String caseSlip(String token) {
        List<String> found = new ArrayList<>();
        List<String> prefixes = new ArrayList<>(List.of(""));
        prefixes.addAll(List.of("E", "P", "T", "G", "M", "k", "c", "m", "µ", "n"));
        for (String p : prefixes)
            for (Map.Entry<String, Base> e : SYMBOLS.entrySet()) {
                String candidate = p + e.getKey();
                if ((p.isEmpty() || e.getValue().prefixable) && candidate.equalsIgnoreCase(token)) found.add("'" + candidate + "'");
            }
        for (String gas : SPECIES.keySet()) if (gas.equalsIgnoreCase(token)) found.add("'" + gas + "'");
        return found.isEmpty() ? null : String.join(" or ", found);
    }

    private static List<String> speciesLongestFirst() {
        List<String> names = new ArrayList<>(SPECIES.keySet());
        names.sort((a, b) -> b.length() - a.length());
        return names;
    }

    /** A symbol, gas, currency or number, with its prefix and exponent; null if not one. */
    private static Base factor(String token) {
        String gas = SPECIES.get(token);
        if (gas != null) return new Base(Map.of(gas, 1), 1, false, false);
        Matcher c = CURRENCY.matcher(token);
        if (c.matches()) {
            String currency = c.group(1).equals("US$") ? "USD" : c.group(1);
            return new Base(Map.of(c.group(2) == null ? currency : currency + "_" + c.group(2), 1), 1, false, false);
        }
        Base b = prefixed(token);
        if (b != null) return b;
        Matcher e = EXPONENT.matcher(token);
        if (e.matches()) {
            Base stem = prefixed(e.group(1));
            if (stem != null && stem.exponent) {
                int n = e.group(2) != null ? Integer.parseInt(e.group(2))
                        : e.group(3) != null ? Integer.parseInt(e.group(3))
                        : e.group(4).equals("²") ? 2 : 3;
                if (n == 0) return null;
                double f = 1;
                for (int i = 0; i < Math.abs(n); i++) f *= stem.factor;
                if (n < 0) f = 1 / f;
                Map<String, Integer> dim = new TreeMap<>();
                int power = n;
                stem.dimension.forEach((d, x) -> dim.put(d, x * power));
                return new Base(Map.copyOf(dim), f, false, false);
            }
        }
        return null;
    }

    private static Base prefixed(String token) {
        Base b = SYMBOLS.get(token);
        if (b != null) return b;
        if (token.length() > 1) {
            Double prefix = PREFIXES.get(token.substring(0, 1));
            Base rest = SYMBOLS.get(token.substring(1));
            if (prefix != null && rest != null && rest.prefixable)
                return new Base(rest.dimension, prefix * rest.factor, false, true);
        }
        return null;
    }

    private static String known() {
        StringJoiner symbols = new StringJoiner(" ");
        SYMBOLS.forEach((s, b) -> {
            if (!b.dimension.isEmpty()) symbols.add(s);
        });
        StringJoiner numbers = new StringJoiner(" ");
        SYMBOLS.forEach((s, b) -> {
            if (b.dimension.isEmpty()) numbers.add(s);
        });
        return "known: " + symbols + "; prefixes E P T G M k c m µ u n on Wh J toe cal W g t m s; exponents as in m3, "
                + "km2, m^2, s^-1; gases " + String.join(" ", SPECIES.keySet()) + "; currencies USD EUR GBP CNY JPY "
                + "KRW INR, with a price year as in USD_2010; numbers " + numbers;
    }

    /** True if both strings parse and have the same dimension. */
    public static boolean compatible(String from, String to) {
        return parse(from).isCompatibleWith(parse(to));
    }

    /**
     * The factor that turns a value in {@code from} into one in {@code to}: exactly 1 when the strings are equal.
     *
     * @throws IllegalArgumentException if a unit does not parse or the two are not compatible; the message says
     *                                  why they are not (energy and power, two gases, two currencies)
     */
    public static double factor(String from, String to) {
        if (from.equals(to)) return 1.0;
        Unit f = parse(from);
        Unit t = parse(to);
        if (!f.isCompatibleWith(t))
            throw new IllegalArgumentException("'" + from + "' cannot be converted to '" + to + "': " + whyNot(f, t));
        return f.factor / t.factor;
    }

    private static String whyNot(Unit f, Unit t) {
        Set<String> gasesFrom = kinds(f, true), gasesTo = kinds(t, true);
        if (!gasesFrom.equals(gasesTo)) {
            if (gasesFrom.isEmpty() || gasesTo.isEmpty()) {
                Unit with = gasesFrom.isEmpty() ? t : f, without = gasesFrom.isEmpty() ? f : t;
                return "'" + with.text + "' counts " + String.join(" ", kinds(with, true)) + " but '" + without.text
                        + "' names no gas; name the gas in both (for example 'Mt CO2/yr')";
            }
            String message = String.join(" ", gasesFrom) + " and " + String.join(" ", gasesTo)
                    + " are different gases, and no unit converts one into the other";
            if (gasesFrom.contains("CO2e") || gasesTo.contains("CO2e"))
                message += ": " + String.join(" ", gasesFrom.contains("CO2e") ? gasesTo : gasesFrom)
                        + " is not CO2e without a global warming potential (GWP100 or GWP20, from which IPCC report),"
                        + " a modelling choice; apply it in a model, as a parameter";
            return message;
        }
        Set<String> moneyFrom = kinds(f, false), moneyTo = kinds(t, false);
        if (moneyFrom.isEmpty() != moneyTo.isEmpty()) {
            Unit with = moneyFrom.isEmpty() ? t : f, without = moneyFrom.isEmpty() ? f : t;
            return "'" + with.text + "' is money (" + String.join(" ", kinds(with, false)) + ") but '" + without.text
                    + "' names no currency";
        }
        if (!moneyFrom.equals(moneyTo))
            return "different currencies or price years (" + String.join(" ", moneyFrom) + " and "
                    + String.join(" ", moneyTo) + ") need an exchange rate or a deflator, which no unit supplies";
        Map<String, Integer> energyPerTime = new TreeMap<>(f.dimension);
        if (energyPerTime.remove("W", 1)) {
            energyPerTime.merge("Wh", 1, Integer::sum);
            energyPerTime.merge("h", -1, Integer::sum);
        }
        energyPerTime.values().removeIf(e -> e == 0);
        Map<String, Integer> other = new TreeMap<>(t.dimension);
        if (other.remove("W", 1)) {
            other.merge("Wh", 1, Integer::sum);
            other.merge("h", -1, Integer::sum);
        }
        other.values().removeIf(e -> e == 0);
        if (energyPerTime.equals(other))
            return "one is power (a capacity, in W) and the other energy per time (a flow, in Wh per time); they are "
                    + "linked by a capacity factor, which a model must supply (8.76 TWh/yr per GW only at full load)";
        return "'" + f.text + "' is " + dimension(f.dimension) + " but '" + t.text + "' is " + dimension(t.dimension);
    }

    /** The gases (or, with {@code gases} false, the currencies) among a unit's dimensions. */
    private static Set<String> kinds(Unit u, boolean gases) {
        Set<String> out = new TreeSet<>();
        for (String d : u.dimension.keySet()) {
            boolean gas = SPECIES.containsValue(d);
            boolean money = CURRENCY.matcher(d).matches() || d.matches("[A-Z]{3}_\\d{4}");
            if (gases ? gas : money) out.add(d);
        }
        return out;
    }

    private static String dimension(Map<String, Integer> dim) {
        if (dim.isEmpty()) return "a plain number";
        StringJoiner j = new StringJoiner(" ", "[", "]");
        new TreeMap<>(dim).forEach((d, e) -> j.add(e == 1 ? d : d + "^" + e));
        return j.toString();
    }
}
