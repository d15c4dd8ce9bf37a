package etw.io;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A scenario's {@code name:} becomes a file name (for example {@code <out>/<name>.csv}) only through this class:
 * letters, digits, {@code -}, {@code _} and {@code .}, not starting with {@code .}, at most {@value #MAX_LENGTH}
 * characters. The file it resolves to is checked, after normalising, to lie directly inside the output folder.
 */
public final class OutputNames {
    /** The longest name accepted. */
    public static final int MAX_LENGTH = 100;

    /** The rule, as error messages state it. */
    public static final String RULE = "letters, digits, '-', '_' and '.', not starting with '.', at most " + MAX_LENGTH
            + " characters";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]*");

    private OutputNames() {
    }

    /**
     * Checks a name that is to become part of a file name.
     *
     * @return the name, unchanged
     * @throws IllegalArgumentException if it breaks the rule; the message names the rule and shows the name with
     *                                  control characters escaped
     */
    public static String check(String name) {
        if (name == null || name.isEmpty())
            throw new IllegalArgumentException("the scenario has an empty name; an output name needs " + RULE);
        if (name.length() > MAX_LENGTH)
            throw new IllegalArgumentException("scenario name '" + SafeText.of(name.substring(0, 20)) + "...' has "
                    + name.length() + " characters; an output name needs " + RULE);
        if (!ALLOWED.matcher(name).matches()) {
            String why = name.contains("/") || name.contains("\\") ? "contains a path separator"
                    : name.startsWith(".") ? "starts with '.'"
                    : name.codePoints().anyMatch(Character::isISOControl) ? "contains a control character"
                    : "contains " + firstBad(name);
            throw new IllegalArgumentException("scenario name '" + SafeText.of(name) + "' cannot name an output file: it "
                    + why + "; use " + RULE + " (set 'name:' in the scenario file)");
        }
        return name;
    }

    /**
     * The file {@code <dir>/<name><suffix>}, with the name checked and the result confined to {@code dir}.
     *
     * @param suffix for example {@code ".csv"} or {@code ".manifest.json"}; must not contain a path separator
     * @throws IllegalArgumentException if the name breaks the rule, or the file would lie outside {@code dir}
     */
    public static Path resolve(Path dir, String name, String suffix) {
        check(name);
        if (suffix.contains("/") || suffix.contains("\\")) throw new IllegalArgumentException("bad suffix " + suffix);
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(name + suffix).normalize();
        if (!base.equals(file.getParent()))
            throw new IllegalArgumentException("scenario name '" + SafeText.of(name) + "' would write outside " + dir
                    + "; use " + RULE);
        return dir.resolve(name + suffix);
    }

    private static String firstBad(String name) {
        int[] cps = name.codePoints().filter(c -> !(c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_'
                || c == '.'))).limit(1).toArray();
        return cps.length == 0 ? "a character not allowed" : "'" + SafeText.of(new String(cps, 0, 1)) + "'";
    }
}
