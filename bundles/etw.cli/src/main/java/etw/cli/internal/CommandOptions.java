package etw.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import etw.io.SafeText;

/**
 * The options each command takes, so that an option it does not know is reported as such ("report has no option
 * '--out'. Did you mean '-o'?") rather than taken for a scenario name or a variable, and never silently ignored.
 */
final class CommandOptions {
    private static final List<String> CHANGES = List.of("--with", "--set", "--as");
    /** Options that take a value (the next argument), per command; flags are listed apart. */
    private static final Map<String, List<String>> VALUED = new LinkedHashMap<>();
    private static final Map<String, List<String>> FLAGS = new LinkedHashMap<>();
    /** Where one command's output option is spelt as another's. */
    private static final Map<String, String> OTHER_SPELLING = Map.of("--out", "-o", "-o", "--out", "--output", "--out");
    /** An option, not a value such as -1 or -0.5. */
    private static final Pattern OPTION = Pattern.compile("--?[A-Za-z].*");

    static {
        valued("run", "--out", "--step-limit");
        valued("compare", "--years", "--region");
        valued("show", "--region", "--years", "--every");
        valued("ensemble", "--samples", "--seed", "--threads", "--out", "--cluster", "--secret-file");
        valued("sensitivity", "--samples", "--seed", "--vars", "--region", "--year", "--bootstrap", "--threads", "--out",
                "--cluster", "--secret-file");
        valued("report", "--compare", "--samples", "--sensitivity", "-o");
        valued("graph");
        FLAGS.put("graph", List.of("--dot"));
        VALUED.put("scenarios", List.of());
        FLAGS.put("scenarios", List.of("--yaml", "--file"));
        VALUED.put("models", List.of());
        VALUED.put("explain", List.of());
        VALUED.put("validate", List.of());
    }

    private static void valued(String command, String... options) {
        List<String> all = new ArrayList<>(List.of(options));
        all.addAll(CHANGES);
        VALUED.put(command, List.copyOf(all));
    }

    private CommandOptions() {
    }

    /** Every option of {@code command}, in the order of its help text. */
    static List<String> of(String command) {
        List<String> all = new ArrayList<>(VALUED.getOrDefault(command, List.of()));
        all.addAll(FLAGS.getOrDefault(command, List.of()));
        return all;
    }

    /**
     * Throws for the first argument that looks like an option and is not one of {@code command}'s (the value after
     * an option that takes one is skipped, so {@code --set x=-1} or {@code --seed -5} pass). Commands not listed here
     * check their own arguments.
     */
    static void check(String command, List<String> args) throws Cli.UsageException {
        List<String> valued = VALUED.get(command);
        if (valued == null) return;
        List<String> flags = FLAGS.getOrDefault(command, List.of());
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (valued.contains(a)) {
                i++;
                continue;
            }
            if (flags.contains(a) || !OPTION.matcher(a).matches()) continue;
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            throw new Cli.UsageException(message(command, SafeText.of(a), name));
        }
    }

    private static String message(String command, String shown, String name) {
        List<String> options = of(command);
        if (options.isEmpty())
            return command + " takes no options; got '" + shown + "' (etw help lists every command and its options)";
        String meant = OTHER_SPELLING.get(name);
        if (meant == null || !options.contains(meant)) {
            List<String> near = Cli.nearest(name, options, 1);
            meant = !near.isEmpty() && Cli.distance(name, near.get(0)) <= Math.min(2, name.length() / 3) ? near.get(0) : null;
        }
        String hint = meant == null ? "" : " Did you mean '" + meant + "'?";
        TreeSet<String> elsewhere = new TreeSet<>();
        for (String c : VALUED.keySet()) if (of(c).contains(name)) elsewhere.add(c);
        String where = elsewhere.isEmpty() ? "" : " (" + name + " is an option of " + String.join(", ", elsewhere) + ")";
        return command + " has no option '" + shown + "'." + hint + " Options of " + command + ": "
                + String.join(", ", options) + where + "; etw help shows what each does.";
    }
}
