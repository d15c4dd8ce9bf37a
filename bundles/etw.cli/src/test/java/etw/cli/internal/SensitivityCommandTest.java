package etw.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.Model;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** {@code etw sensitivity} and {@code etw report --sensitivity}, with the real models and canned scenarios. */
class SensitivityCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int etw(String... args) {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get()))
                .toList();
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        ScenarioService scenarios = new ScenarioService(() -> libraries, null, ScenarioService.Access.LOCAL);
        return new Cli(() -> models, scenarios, List::of, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void baselineRanksItsUncertainParametersAndWritesCsv(@TempDir Path dir) throws Exception {
        assertEquals(0, etw("sensitivity", "baseline", "--samples", "16", "--bootstrap", "50", "--out", dir.toString()), err());
        String o = out();
        assertTrue(o.contains("Sensitivity of baseline: 16 base samples x (9 parameters + 2) = 176 runs"), o);
        assertTrue(o.contains("Emissions|CO2|Energy|Supply|Electricity, World, 2050: mean"), o);
        assertTrue(o.contains("rank  parameter"), o);
        assertTrue(o.contains("etw.models.renewables/solar_additions_growth"), o);
        List<String> csv = Files.readAllLines(dir.resolve("baseline.sensitivity.csv"));
        assertEquals("Scenario,Variable,Region,Year,Unit,Rank,Parameter,Distribution,S1,S1 Low,S1 High,ST,ST Low,ST High,"
                + "Samples,Runs,Seed,Bootstrap,Confidence,Mean,SD", csv.get(0));
        assertEquals(1 + 9, csv.size(), String.join("\n", csv));
        double previous = Double.POSITIVE_INFINITY;
        for (int r = 1; r < csv.size(); r++) {
            String[] cells = csv.get(r).split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
            assertEquals("baseline", cells[0]);
            assertEquals(Integer.toString(r), cells[5]);
            double st = Double.parseDouble(cells[11]), lo = Double.parseDouble(cells[12]), hi = Double.parseDouble(cells[13]);
            assertTrue(st <= previous, "ranked by ST: " + csv.get(r));
            assertTrue(lo <= st && st <= hi, "interval holds the estimate: " + csv.get(r));
            previous = st;
        }
        // the same seed gives the same indices
        List<String> first = csv;
        out.reset();
        assertEquals(0, etw("sensitivity", "baseline", "--samples", "16", "--bootstrap", "50", "--out", dir.toString()), err());
        assertEquals(first, Files.readAllLines(dir.resolve("baseline.sensitivity.csv")));
    }

    @Test
    void badInputIsNamed(@TempDir Path dir) throws Exception {
        assertEquals(2, etw("sensitivity", "baseline", "--samples", "4", "--vars", "Emissions|CO2|Energy|Supply|Electricty",
                "--out", dir.toString()));
        assertTrue(err().contains("did you mean 'Emissions|CO2|Energy|Supply|Electricity'"), err());
        err.reset();
        assertEquals(2, etw("sensitivity", "baseline", "--samples", "1"));
        assertTrue(err().contains("--samples takes a whole number from 2"), err());
        err.reset();
        assertEquals(2, etw("sensitivity", "baseline", "--samples", "4", "--region", "Mars"));
        assertTrue(err().contains("no region 'Mars'"), err());
        err.reset();
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, "name: plain\nregions: [World]\n");
        assertEquals(2, etw("sensitivity", plain.toString(), "--samples", "4"));
        assertTrue(err().contains("declares no uncertainty"), err());
    }

    @Test
    void reportHasTheSensitivityChart(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("r.html");
        assertEquals(0, etw("report", "baseline", "--sensitivity", "8", "-o", html.toString()), err());
        String page = Files.readString(html);
        assertTrue(page.contains("<h2>Global sensitivity</h2>"), "section");
        assertTrue(page.contains("id=\"sensitivity-0\""), "chart");
        assertEquals(18, page.split("class=\"index\"", -1).length - 1, "an S1 and an ST bar per parameter");
        assertTrue(page.contains("etw.models.electrification/demand_growth"), "parameters named");
    }
}
