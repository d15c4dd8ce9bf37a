package etw.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.SoftRange;
import etw.engine.InstalledModel;
import etw.io.Numbers;
import etw.io.SafeText;

/**
 * {@code etw explain}: a glossary built from the installed models' own declarations, so it covers plugins too
 * and cannot drift from what runs: for a variable its unit, description, writer, readers, what lies below it and
 * its plausible range; for a parameter its unit, default, allowed range, description and source.
 */
final class Glossary {
    private Glossary() {
    }

    /** Prints every entry matching {@code name}; returns false if there is none. */
    static boolean explain(String name, List<InstalledModel> models, PrintStream out) {
        boolean found = variable(name, models, out);
        String bare = name, owner = null;
        for (InstalledModel m : models) {
            for (String sep : new String[] {".", "/"})
                if (name.startsWith(m.id() + sep) && (owner == null || m.id().length() > owner.length())) {
                    owner = m.id();
                    bare = name.substring(m.id().length() + 1);
                }
        }
        for (InstalledModel m : models) {
            if (owner != null && !owner.equals(m.id())) continue;
            Parameter p = m.model().descriptor().parameter(bare);
            if (p == null) continue;
            if (found) out.println();
            found = true;
            ModelDescriptor d = m.model().descriptor();
            out.println(SafeText.of(p.name()) + "  [" + SafeText.of(p.unit()) + "]  parameter of " + SafeText.of(d.id())
                    + " (" + SafeText.of(d.title()) + ")");
            out.println("  " + SafeText.of(p.description()));
            out.println("  default " + Numbers.plain(p.defaultValue()) + "; allowed " + Numbers.plain(p.min()) + " to "
                    + Numbers.plain(p.max()));
            out.println("  source: " + SafeText.of(p.source()));
            out.println("  try it: etw run baseline --set " + SafeText.of(d.id()) + "." + SafeText.of(p.name()) + "="
                    + java.math.BigDecimal.valueOf(p.defaultValue()).stripTrailingZeros().toPlainString());
        }
        return found;
    }

    private static boolean variable(String name, List<InstalledModel> models, PrintStream out) {
        List<String> writers = new ArrayList<>();
        List<String> readers = new ArrayList<>();
        Set<String> below = new TreeSet<>();
        Set<String> units = new LinkedHashSet<>();
        String description = null;
        List<SoftRange> ranges = new ArrayList<>();
        boolean headline = etw.io.Headlines.VARIABLES.contains(name);
        for (InstalledModel m : models) {
            ModelDescriptor d = m.model().descriptor();
            for (Output o : d.outputs()) {
                if (o.variable().equals(name)) {
                    writers.add(SafeText.of(d.id()) + " (" + SafeText.of(d.title()) + ")");
                    units.add(o.unit());
                    if (description == null || description.isEmpty()) description = o.description();
                }
                if (o.variable().startsWith(name + "|")) {
                    String rest = o.variable().substring(name.length() + 1);
                    below.add(rest.contains("|") ? rest.substring(0, rest.indexOf('|')) : rest);
                }
            }
            for (Input in : d.inputs())
                if (in.variable().equals(name)) {
                    String r = SafeText.of(d.id()) + (in.lag() > 0 ? " (last year's value, lag " + in.lag() + ")" : "");
                    if (!readers.contains(r)) readers.add(r);
                    units.add(in.unit());
                    if (description == null) description = in.description();
                }
            for (SoftRange r : d.softRanges()) if (r.variable().equals(name)) ranges.add(r);
            headline |= d.headlines().contains(name);
        }
        if (writers.isEmpty() && readers.isEmpty() && below.isEmpty()) return false;
        out.println(SafeText.of(name) + "  [" + SafeText.of(String.join(" or ", units.isEmpty() ? Set.of("?") : units))
                + "]  variable" + (headline ? " (a headline result)" : ""));
        if (description != null && !description.isEmpty()) out.println("  " + SafeText.lines(description));
        out.println("  written by: " + (writers.isEmpty()
                ? below.isEmpty() ? "no installed model (a scenario supplies it as data)"
                : "no model: the sum of what is written below it" : String.join(", ", writers)));
        out.println("  read by:    " + (readers.isEmpty() ? "no installed model" : String.join(", ", readers)));
        if (!below.isEmpty())
            out.println("  below it:   " + SafeText.of(String.join(", ", below)) + "  (etw show SCENARIO \""
                    + SafeText.of(name) + "\" prints them by year)");
        for (SoftRange r : ranges)
            out.println("  plausible:  " + SafeText.of(describe(r)) + "; source: " + SafeText.of(r.source()));
        return true;
    }

    private static String describe(SoftRange r) {
        return switch (r.kind()) {
            case LEVEL -> Numbers.plain(r.min()) + " to " + Numbers.plain(r.max()) + " " + r.unit();
            case RATIO -> r.quantity() + " " + Numbers.plain(r.min()) + " to " + Numbers.plain(r.max());
            case GROWTH -> String.format(Locale.ROOT, "growth at most %s%%/yr sustained over %d years",
                    Numbers.plain(100 * r.max()), r.years());
        };
    }

    /** Every variable and parameter name the installed models declare, for "did you mean". */
    static List<String> names(List<InstalledModel> models) {
        Set<String> names = new TreeSet<>();
        for (InstalledModel m : models) {
            ModelDescriptor d = m.model().descriptor();
            d.outputs().forEach(o -> names.add(o.variable()));
            d.inputs().forEach(i -> names.add(i.variable()));
            d.parameters().forEach(p -> names.add(p.name()));
        }
        return List.copyOf(names);
    }
}
