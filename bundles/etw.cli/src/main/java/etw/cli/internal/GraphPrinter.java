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

    /**
     * The wiring grouped as the workbench's Graph view draws it: models are boxes titled with their title and id;
     * a model's reads of its own earlier outputs (self-lags) are a line of its label ("↻ 27 self-lagged reads",
     * the variables in its tooltip), not arcs; the variables one model (or the scenario) gives another are
     * ellipses; a variable read as the sum of its parts is a "Σ" node fed by dotted "sum" edges; a lagged read of
     * another model's output is a dashed edge labelled with the lag.
     */
    static void dot(Wiring wiring, PrintStream out) {
        out.println("digraph \"" + esc(wiring.scenario().name()) + "\" {");
        out.println("  rankdir=LR;");
        out.println("  node [shape=ellipse, fontsize=10];");
        java.util.Map<String, java.util.TreeMap<String, Integer>> selfLags = new java.util.HashMap<>();
        for (Wire w : wiring.wires())
            if (w.producer().equals(w.consumer()))
                selfLags.computeIfAbsent(w.consumer(), k -> new java.util.TreeMap<>()).merge(w.variable(), w.lag(), Math::max);
        boolean scenarioData = wiring.wires().stream().anyMatch(w -> w.producer().equals(Wire.SCENARIO));
        if (scenarioData) out.println("  \"" + SCENARIO + "\" [shape=box, style=dashed];");
        for (InstalledModel m : wiring.order()) {
            java.util.TreeMap<String, Integer> own = selfLags.getOrDefault(m.id(), new java.util.TreeMap<>());
            StringBuilder label = new StringBuilder(esc(m.model().descriptor().title())).append("\\n").append(esc(m.id()));
            StringBuilder tooltip = new StringBuilder();
            if (!own.isEmpty()) {
                label.append("\\n↻ ").append(own.size()).append(own.size() == 1 ? " self-lagged read" : " self-lagged reads");
                tooltip.append(", tooltip=\"reads its own earlier values of: ");
                tooltip.append(String.join(", ", own.entrySet().stream().map(e -> esc(e.getKey()) + " (up to lag " + e.getValue() + ")").toList()));
                tooltip.append('"');
            }
            out.println("  \"" + esc(m.id()) + "\" [shape=box, style=bold, label=\"" + label + "\"" + tooltip + "];");
        }
        Set<String> edges = new LinkedHashSet<>();
        Set<String> sums = new LinkedHashSet<>();
        for (Wire w : wiring.wires()) {
            if (w.producer().equals(w.consumer())) continue; // a self-lag: counted on the model's box
            String producer = w.producer().equals(Wire.SCENARIO) ? SCENARIO : w.producer();
            edges.add(edge(producer, w.variable(), ""));
            String last = w.variable();
            if (w.isAggregate()) {
                String sum = "Σ " + w.readAs();
                if (sums.add(sum)) edges.add("  \"" + esc(sum) + "\" [shape=ellipse, style=filled, fillcolor=\"#fff4d6\"];");
                edges.add(edge(w.variable(), sum, " [style=dotted, label=\"sum\"]"));
                last = sum;
            }
            edges.add(edge(last, w.consumer(), w.lag() > 0 ? " [style=dashed, label=\"lag " + w.lag() + "\"]" : ""));
        }
        edges.forEach(out::println);
        out.println("}");
    }

    private static final String SCENARIO = "scenario (exogenous)";

    private static String edge(String from, String to, String attributes) {
        return "  \"" + esc(from) + "\" -> \"" + esc(to) + "\"" + attributes + ";";
    }

    /** A DOT string's content: quotes and backslashes escaped, and nothing that could act on a terminal. */
    private static String esc(String s) {
        return SafeText.of(s.replace("\\", "\\\\").replace("\"", "\\\""));
    }
}
