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
import etw.scenarios.teaching.TeachingScenarios;

/** The commands, driven with the real models (found through ServiceLoader, no OSGi) and the real canned scenarios. */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private List<String> problems = List.of();

    private int etw(String... args) {
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream()
                .map(p -> InstalledModel.onClasspath(p.get())).toList();
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        return new Cli(() -> models, () -> libraries, () -> problems, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runWritesIamcCsvAndManifestAndPrintsHeadlinesWithUnits(@TempDir Path dir) throws Exception {
        assertEquals(0, etw("run", "baseline", "--out", dir.toString()), err());
        List<String> csv = Files.readAllLines(dir.resolve("baseline.csv"));
        assertTrue(csv.get(0).startsWith("Model,Scenario,Region,Variable,Unit,2024,2025,"), csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("ETW,baseline,World,Final Energy|Electricity,TWh/yr,")));
        assertTrue(Files.readString(dir.resolve("baseline.manifest.json")).contains("\"scenarioSha256\""));
        assertTrue(out().contains("Final Energy|Electricity"), out());
        assertTrue(out().contains("Mt CO2/yr"), out());
        assertTrue(out().contains("2050"), out());
        assertEquals("", err());
    }

    @Test
    void badInputGivesOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        assertEquals(2, etw("run", "no-such-scenario"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("etw: no canned scenario named 'no-such-scenario'. Canned scenarios: "), err());
        assertTrue(err().contains(" baseline, "), err());

        err.reset();
        assertEquals(2, etw("run", dir.resolve("missing.yaml").toString()));
        assertTrue(err().contains("missing.yaml: no such file"), err());

        err.reset();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: x\nregions: [World\n");
        assertEquals(2, etw("run", bad.toString()));
        assertTrue(err().startsWith("etw: " + bad + ":3:1: not valid YAML"), err());
        assertEquals(1, err().lines().count(), err());

        err.reset();
        assertEquals(2, etw("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
    }

    @Test
    void aVariantFileExtendsACannedScenario(@TempDir Path dir) throws Exception {
        Path variant = dir.resolve("ai-fast.yaml");
        Files.writeString(variant, "name: ai-fast\nextends: baseline\nparameters:\n  etw.models.datacenter:\n"
                + "    ai_compute_growth_initial: 0.9\n");
        assertEquals(0, etw("run", variant.toString(), "--out", dir.toString()), err());
        assertEquals(0, etw("run", "baseline", "--out", dir.toString()), err());
        double fast = lastValue(dir.resolve("ai-fast.csv"), "Final Energy|Electricity|Data Centers|AI");
        double base = lastValue(dir.resolve("baseline.csv"), "Final Energy|Electricity|Data Centers|AI");
        assertTrue(fast > base * 1.5, fast + " vs " + base);
    }

    @Test
    void compareShowsScenariosSideBySideWithDifferences(@TempDir Path dir) throws Exception {
        Path variant = dir.resolve("slow-solar.yaml");
        Files.writeString(variant, "name: slow-solar\nextends: baseline\nparameters:\n  etw.models.renewables:\n"
                + "    solar_additions_growth: -0.1\n");
        assertEquals(0, etw("compare", "baseline", variant.toString(), "--years", "2024,2040"), err());
        String table = out();
        assertTrue(table.contains("differences are from baseline"), table);
        String solar2024 = table.lines().filter(l -> l.startsWith("Capacity|Electricity|Solar") && l.contains(" 2024 "))
                .findFirst().orElseThrow();
        assertTrue(solar2024.contains("+0"), "same base year: " + solar2024);
        String coal2040 = table.lines().filter(l -> l.startsWith("Secondary Energy|Electricity|Coal") && l.contains(" 2040 "))
                .findFirst().orElseThrow();
        assertTrue(coal2040.matches(".* \\+[0-9,]+ +\\+[0-9]+%$"), "slower solar leaves more coal: " + coal2040);
        assertEquals(2, etw("compare", "baseline"));
        assertEquals(2, etw("compare", "baseline", "baseline", "--years", "1990"));
    }

    @Test
    void ensembleWritesPercentilesThatBracketTheMedian(@TempDir Path dir) throws Exception {
        Path variant = dir.resolve("uncertain.yaml");
        Files.writeString(variant, "name: uncertain\nextends: baseline\nuncertainty:\n  etw.models.datacenter:\n"
                + "    rebound_elasticity: {distribution: uniform, min: 0.2, max: 0.8}\n"
                + "    ai_compute_growth_initial: {distribution: triangular, min: 0.3, mode: 0.485, max: 0.7}\n");
        assertEquals(0, etw("ensemble", variant.toString(), "--samples", "500", "--seed", "7", "--out", dir.toString()), err());
        assertTrue(out().contains("Ensemble of uncertain: 500 samples"), out());
        List<String> csv = Files.readAllLines(dir.resolve("uncertain.ensemble.csv"));
        double p5 = last(csv, "uncertain (p5)", "Final Energy|Electricity|Data Centers");
        double p50 = last(csv, "uncertain (p50)", "Final Energy|Electricity|Data Centers");
        double p95 = last(csv, "uncertain (p95)", "Final Energy|Electricity|Data Centers");
        assertTrue(p5 < p50 && p50 < p95, p5 + " " + p50 + " " + p95);
        err.reset();
        Path plain = dir.resolve("plain.yaml");
        Files.writeString(plain, "name: plain\nregions: [World]\n");
        assertEquals(2, etw("ensemble", plain.toString(), "--samples", "10"));
        assertTrue(err().contains("declares no uncertainty"), err());
        assertEquals(2, etw("ensemble", variant.toString(), "--samples", "many"));
    }

    @Test
    void reportWritesOneSelfContainedHtmlFile(@TempDir Path dir) throws Exception {
        Path variant = dir.resolve("fast.yaml");
        Files.writeString(variant, "name: fast\nextends: baseline\nparameters:\n  etw.models.renewables:\n"
                + "    solar_additions_growth: 0.1\nuncertainty:\n  etw.models.datacenter:\n"
                + "    rebound_elasticity: {distribution: uniform, min: 0.2, max: 0.8}\n");
        Path html = dir.resolve("r.html");
        assertEquals(0, etw("report", variant.toString(), "--compare", "baseline", "--samples", "200", "-o", html.toString()), err());
        String page = Files.readString(html);
        assertTrue(page.contains("<svg"), "has charts");
        assertTrue(page.contains("baseline") && page.contains("fast"), "names both scenarios");
        assertTrue(!page.contains("<script") && !page.contains("http://www.example"), "self-contained");
        assertTrue(out().contains("ensemble of 200 samples"), out());
    }

    private static double last(List<String> csv, String scenario, String variable) {
        String row = csv.stream().filter(l -> l.startsWith("ETW," + scenario + ",World," + variable + ",")).findFirst().orElseThrow();
        String[] cells = row.split(",");
        return Double.parseDouble(cells[cells.length - 1]);
    }

    private static double lastValue(Path csv, String variable) throws Exception {
        String row = Files.readAllLines(csv).stream().filter(l -> l.contains(",World," + variable + ",")).findFirst().orElseThrow();
        String[] cells = row.split(",");
        return Double.parseDouble(cells[cells.length - 1]);
    }

    @Test
    void exogenousDemandFromAnIamcFileRaisesTheGridsDemand(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hydrogen-data.csv"), "Model,Scenario,Region,Variable,Unit,2024,2050\n"
                + "Other,x,World,Final Energy|Electricity|Hydrogen,TWh/yr,0,500\n");
        Path variant = dir.resolve("h2.yaml");
        Files.writeString(variant, "name: h2\nextends: baseline\nregions: [World]\nexogenous:\n"
                + "  Final Energy|Electricity|Hydrogen:\n    file: hydrogen-data.csv\n");
        assertEquals(0, etw("run", variant.toString(), "--out", dir.toString()), err());
        assertEquals(0, etw("run", "baseline", "--out", dir.toString()), err());
        double with = lastValue(dir.resolve("h2.csv"), "Final Energy|Electricity");
        double without = lastValue(dir.resolve("baseline.csv"), "Final Energy|Electricity");
        assertEquals(without + 500, with, 1e-6 * with);
    }

    @Test
    void modelsListsTheFourFamiliesAndOneModelShowsSources() {
        assertEquals(0, etw("models"));
        for (String id : List.of("etw.models.electrification", "etw.models.renewables", "etw.models.datacenter",
                "etw.models.decarbonisation"))
            assertTrue(out().contains(id + ": "), id);
        out.reset();
        assertEquals(0, etw("models", "etw.models.datacenter"));
        assertTrue(out().contains("source: Koomey & Naffziger 2016"), out());
        assertEquals(2, etw("models", "nope"));
    }

    @Test
    void modelsListsWhatWasLeftOutAndWhy() {
        problems = List.of("plugins/broken.jar: is not an OSGi bundle (its manifest has no Bundle-SymbolicName)");
        assertEquals(0, etw("models"));
        assertTrue(out().contains("Left out (fix and drop the jar again):\n  plugins/broken.jar: is not an OSGi bundle"), out());
    }

    @Test
    void graphPrintsOrderLagsAndAggregatesOrDot() {
        assertEquals(0, etw("graph", "baseline"));
        String text = out();
        assertTrue(text.indexOf(". etw.models.decarbonisation ") > text.indexOf(". etw.models.renewables "),
                "the supply mix steps after the renewables it reads: " + text);
        assertTrue(out().contains("reads Final Energy|Electricity = sum of:"), out());
        assertTrue(out().contains("(lag 1)"), out());
        out.reset();
        assertEquals(0, etw("graph", "baseline", "--dot"));
        assertTrue(out().startsWith("digraph \"baseline\" {"), out());
        assertTrue(out().contains("[style=dashed, label=\"lag 1\"]"), out());
    }

    @Test
    void helpAndScenarios() {
        assertEquals(0, etw("--help"));
        assertTrue(out().contains("Usage: etw"));
        out.reset();
        assertEquals(0, etw("scenarios"));
        assertTrue(out().contains("\nbaseline "), out());
        out.reset();
        assertEquals(0, etw("scenarios", "ai-boom"));
        assertTrue(out().contains("## Questions for students"), out());
    }
}
