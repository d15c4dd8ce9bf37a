package etw.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import etw.api.Model;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.engine.Wire;
import etw.engine.Wiring;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** {@code etw graph --dot} groups as the workbench's Graph view: self-lags a label on the model, not arcs. */
class GraphPrinterTest {
    private static Wiring baseline() throws Exception {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get())).toList();
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        return Wiring.wire(new ScenarioService(() -> libraries, null, ScenarioService.Access.LOCAL).load("baseline"), models);
    }

    private static String dot(Wiring w) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        GraphPrinter.dot(w, new PrintStream(buf, true, StandardCharsets.UTF_8));
        return buf.toString(StandardCharsets.UTF_8);
    }

    @Test
    void selfLagsAreALabelNotArcs() throws Exception {
        Wiring w = baseline();
        String dot = dot(w);
        assertTrue(dot.startsWith("digraph \"baseline\" {"), dot);
        long selfWires = w.wires().stream().filter(x -> x.producer().equals(x.consumer())).count();
        assertTrue(selfWires > 50, "baseline has many self-lags: " + selfWires);
        // no edge leaves a model for a variable that only the model itself reads back
        Matcher edge = Pattern.compile("^  \"([^\"]+)\" -> \"([^\"]+)\"", Pattern.MULTILINE).matcher(dot);
        int edges = 0;
        java.util.Set<String> variables = new java.util.HashSet<>();
        while (edge.find()) {
            edges++;
            variables.add(edge.group(2));
        }
        for (Wire x : w.wires())
            if (x.producer().equals(x.consumer()) && w.wires().stream().noneMatch(o -> o.variable().equals(x.variable()) && !o.consumer().equals(o.producer())))
                assertFalse(variables.contains(x.variable()), x.variable() + " is read back only by its producer: no arc");
        assertTrue(edges < selfWires / 4, edges + " edges");
        // the count is on the model's box, the variables in its tooltip
        assertTrue(dot.contains("etw.models.electrification\\n↻ "), dot);
        assertTrue(Pattern.compile("\"etw.models.electrification\" \\[shape=box, style=bold, label=\"[^\"]*↻ \\d+ self-lagged reads\", tooltip=\"reads its own earlier values of: [^\"]*Stock\\|Transportation\\|LDV\\|EV \\(up to lag 1\\)").matcher(dot).find(), dot);
        // lags between models stay arcs, aggregates go through a sum node
        assertTrue(dot.contains("\"Secondary Energy|Electricity|Coal\" -> \"etw.models.renewables\" [style=dashed, label=\"lag 1\"];"), dot);
        assertTrue(dot.contains("\"Final Energy|Electricity|Data Centers\" -> \"Σ Final Energy|Electricity\" [style=dotted, label=\"sum\"];"), dot);
        assertTrue(dot.contains("\"Σ Final Energy|Electricity\" -> \"etw.models.decarbonisation\";"), dot);
        assertEquals(1, dot.lines().filter(l -> l.equals("}")).count());
    }
}
