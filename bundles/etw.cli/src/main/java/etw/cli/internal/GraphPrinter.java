package etw.cli.internal;

import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import etw.engine.InstalledModel;
import etw.engine.Wire;
import etw.engine.Wiring;
import etw.io.SafeText;

/** Prints a wiring as text (models in step order with what each reads from whom) or as Graphviz DOT. */
final class GraphPrinter {
    private GraphPrinter() {
    }

    static void text(Wiring wiring, PrintStream out) {
        List<InstalledModel> order = wiring.order();
        out.println("Wiring of scenario " + SafeText.of(wiring.scenario().name()) + ": " + order.size()
                + " models in the order they step each year; lagged inputs read earlier years and do not order.");
        int n = 1;
        for (InstalledModel m : order) {
            out.printf(Locale.ROOT, "%n%d. %s  [bundle %s %s]%n", n++, SafeText.of(m.id()), SafeText.of(m.bundle()),
                    SafeText.of(m.bundleVersion()));
            String lastReadAs = null;
            for (Wire w : wiring.wires()) {
                if (!w.consumer().equals(m.id())) continue;
                String lag = w.lag() > 0 ? "  (lag " + w.lag() + ")" : "";
                String factor = w.factor() != 1.0 ? "  (x " + w.factor() + " for units)" : "";
                if (w.isAggregate()) {
                    if (!w.readAs().equals(lastReadAs)) out.println("   reads " + SafeText.of(w.readAs()) + lag + " = sum of:");
                    out.println("      " + SafeText.of(w.variable()) + "  from " + SafeText.of(w.producer()) + factor);
                } else {
                    out.println("   reads " + SafeText.of(w.variable()) + "  from " + SafeText.of(w.producer()) + lag + factor);
                }
                lastReadAs = w.readAs();
            }
        }
    }

    /** Models are boxes, variables ellipses; lagged reads are dashed edges labelled with the lag. */
    static void dot(Wiring wiring, PrintStream out) {
        out.println("digraph \"" + esc(wiring.scenario().name()) + "\" {");
        out.println("  rankdir=LR;");
        out.println("  node [shape=ellipse, fontsize=10];");
        for (InstalledModel m : wiring.order()) out.println("  \"" + esc(m.id()) + "\" [shape=box, style=bold];");
        Set<String> edges = new LinkedHashSet<>();
        for (Wire w : wiring.wires()) {
            String producer = w.producer().equals(Wire.SCENARIO) ? "scenario (exogenous)" : w.producer();
            edges.add(edge(producer, w.variable(), ""));
            String last = w.variable();
            if (w.isAggregate()) {
                edges.add(edge(w.variable(), w.readAs(), " [style=dotted, label=\"sum\"]"));
                last = w.readAs();
            }
            edges.add(edge(last, w.consumer(), w.lag() > 0 ? " [style=dashed, label=\"lag " + w.lag() + "\"]" : ""));
        }
        edges.forEach(out::println);
        out.println("}");
    }

    private static String edge(String from, String to, String attributes) {
        return "  \"" + esc(from) + "\" -> \"" + esc(to) + "\"" + attributes + ";";
    }

    /** A DOT string's content: quotes and backslashes escaped, and nothing that could act on a terminal. */
    private static String esc(String s) {
        return SafeText.of(s.replace("\\", "\\\\").replace("\"", "\\\""));
    }
}
