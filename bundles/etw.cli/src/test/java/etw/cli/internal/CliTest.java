package etw.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.Model;
import etw.api.scenario.ScenarioLibrary;
import etw.engine.InstalledModel;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** The commands, driven with the real models (found through ServiceLoader, no OSGi) and the real canned scenarios. */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private List<String> problems = List.of();
    /** Models added to the real ones, e.g. a plugin under test. */
    private final List<InstalledModel> extra = new ArrayList<>();
    private Path workspace;

    private int etw(String... args) {
        List<InstalledModel> models = new ArrayList<>(ServiceLoader.load(Model.class).stream()
                .map(p -> InstalledModel.onClasspath(p.get())).toList());
        models.addAll(extra);
        List<ScenarioLibrary> libraries = List.of(new TeachingScenarios());
        ScenarioService scenarios = new ScenarioService(() -> libraries, workspace, ScenarioService.Access.LOCAL);
        return new Cli(() -> models, scenarios, () -> problems, new PrintStream(out, true, StandardCharsets.UTF_8),
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
        assertTrue(out().matches("(?s).*unit +2024 +\\d{4}\n.*"), "first and last year: " + out());
        assertEquals("", err());
    }

    @Test
    void relativePathsAreTheUsersFolderNotTheProcesses(@TempDir Path dir) throws Exception {
        // as the launcher's daemon runs a command: for a user in another folder than its own
        Files.writeString(dir.resolve("mine.yaml"), "name: mine\nextends: baseline\n");
        List<InstalledModel> models = ServiceLoader.load(Model.class).stream().map(p -> InstalledModel.onClasspath(p.get())).toList();
        ScenarioService scenarios = new ScenarioService(() -> List.of(new TeachingScenarios()), dir.resolve("ws"),
                ScenarioService.Access.LOCAL, dir);
        int code = new Cli(() -> models, scenarios, () -> problems, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false, dir).run(new String[] {"run", "mine.yaml", "--out", "res"});
        assertEquals(0, code, err());
        assertTrue(Files.exists(dir.resolve("res").resolve("mine.csv")));
        assertTrue(out().contains("Wrote " + Path.of("res", "mine.csv") + " "), "named as the user named it: " + out());
        assertFalse(Files.exists(Path.of("res")), "nothing in the process's own folder");
    }

    @Test
    void badInputGivesOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        assertEquals(2, etw("run", "no-such-scenario"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().startsWith("etw: no scenario named 'no-such-scenario'. Canned: "), err());
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
    void anOptionACommandDoesNotTakeIsNamedWithTheNearestOne(@TempDir Path dir) throws Exception {
        assertEquals(2, etw("compare", "baseline", "ai-boom", "--yaers", "2030"));
        assertTrue(err().startsWith("etw: compare has no option '--yaers'. Did you mean '--years'? Options of compare: "
                + "--years, --region, --with, --set, --as;"), err());

        err.reset();
        assertEquals(2, etw("report", "baseline", "--out", dir.toString()));
        assertTrue(err().contains("report has no option '--out'. Did you mean '-o'?"), err());
        assertTrue(err().contains("(--out is an option of ensemble, run, sensitivity)"), err());
        assertFalse(Files.exists(dir.resolve("baseline.html")), "nothing written");

        err.reset();
        assertEquals(2, etw("run", "baseline", "--bogus"));
        assertTrue(err().startsWith("etw: run has no option '--bogus'. Options of run: --out,"), "no far-fetched guess: " + err());

        err.reset();
        assertEquals(2, etw("models", "--all"));
        assertTrue(err().startsWith("etw: models takes no options; got '--all'"), err());

        // an option's value may look like an option: a negative number after --set or --seed is a value
        err.reset();
        assertEquals(0, etw("run", "baseline", "--set", "etw.models.renewables.solar_additions_growth=-0.05",
                "--out", dir.toString()), err());
    }

    @Test
    void aRegionIsFoundInAnyCaseAndAWrongOneGetsTheNearestName() throws Exception {
        assertEquals(0, etw("show", "baseline", "Final Energy|Electricity", "--region", "united states", "--years", "2030"), err());
        assertTrue(out().startsWith("baseline, United States: Final Energy|Electricity"), out());

        err.reset();
        assertEquals(2, etw("compare", "baseline", "ai-boom", "--region", "Chian"));
        assertEquals("etw: scenario baseline has no region 'Chian'; did you mean 'China'? Its regions: World, United States, "
                + "China, Europe, Asia-Pacific excluding China, Rest of World", err().strip());
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
        // the same World-only run without the data: baseline's own World is the sum of its regions, a World-only
        // run computes World directly, so the two differ by more than the hydrogen
        Path worldOnly = dir.resolve("world.yaml");
        Files.writeString(worldOnly, "name: world\nextends: baseline\nregions: [World]\n");
        assertEquals(0, etw("run", variant.toString(), "--out", dir.toString()), err());
        assertEquals(0, etw("run", worldOnly.toString(), "--out", dir.toString()), err());
        double with = lastValue(dir.resolve("h2.csv"), "Final Energy|Electricity");
        double without = lastValue(dir.resolve("world.csv"), "Final Energy|Electricity");
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

    // ------------------------------------------------------------------ output names (issue 14, item 10)

    @Test
    void aNameThatIsNotAPlainFileNameIsExit2AndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String name : List.of("../x", "/tmp/etw-cli-abs", "sub/x", ".hidden", "\"x\\e[2Jy\"")) {
            Path variant = dir.resolve("v.yaml");
            Files.writeString(variant, "name: " + name + "\nextends: baseline\n");
            for (String command : List.of("run", "ensemble", "report")) {
                err.reset();
                List<String> args = new ArrayList<>(List.of(command, variant.toString()));
                if (!command.equals("report")) args.addAll(List.of("--out", out.toString()));
                if (command.equals("ensemble")) args.addAll(List.of("--samples", "3"));
                assertEquals(2, etw(args.toArray(String[]::new)), name + " " + command + ": " + err());
                assertTrue(err().contains("letters, digits, '-', '_' and '.', not starting with '.', at most 100 characters"),
                        err());
                assertFalse(err().contains("\u001b"), "escape sequences are shown, not sent: " + err());
            }
        }
        try (var files = Files.walk(dir)) {
            assertEquals(List.of(dir, out, dir.resolve("v.yaml")), files.sorted().toList(), "nothing written anywhere");
        }
        assertFalse(Files.exists(dir.resolve("x.csv")));
        assertFalse(Files.exists(Path.of("/tmp/etw-cli-abs.csv")));
        assertFalse(Files.exists(Path.of("x.csv")));
        assertTrue(out().isEmpty() || !out().contains("Wrote"), out());
    }

    @Test
    void namesFromScenariosAndModelsCannotActOnTheTerminal() {
        assertEquals(2, etw("frobnicate\u001b[2J"));
        assertTrue(err().contains("frobnicate\\x1b[2J"), err());
        assertFalse(err().contains("\u001b"), err());
        extra.add(InstalledModel.pluginOnClasspath(new TestPlugin("test.h2\u001b[31m", TestPlugin.Behaviour.GOOD)));
        assertEquals(0, etw("models"));
        assertTrue(out().contains("test.h2\\x1b[31m"), out());
        assertFalse(out().contains("\u001b"), out());
    }

    // ------------------------------------------------------------------ plugins, warnings, --with (items 1, 5)

    @Test
    void summarySaysWhichPluginsTookPartAndWithAddsOne(@TempDir Path dir) throws Exception {
        extra.add(InstalledModel.pluginOnClasspath(new TestPlugin("test.h2", TestPlugin.Behaviour.GOOD)));
        assertEquals(0, etw("run", "baseline", "--out", dir.resolve("a").toString()), err());
        assertTrue(out().contains("\nPlugins: none\n"), out());
        assertTrue(out().contains("\nNot used: test.h2 (classpath 0): installed plugins this scenario does not name"), out());
        double without = lastValue(dir.resolve("a/baseline.csv"), "Final Energy|Electricity");
        out.reset();
        assertEquals(0, etw("run", "baseline", "--with", "test.h2", "--out", dir.resolve("b").toString()), err());
        assertTrue(out().contains("\nPlugins: test.h2 ("), out());
        double with = lastValue(dir.resolve("b/baseline.csv"), "Final Energy|Electricity");
        assertEquals(without + 5 * 100, with, 1e-6 * with,
                "the plugin's 100 TWh/yr enter each of the five regions' totals, and World is their sum");
        String manifest = Files.readString(dir.resolve("b/baseline.manifest.json"));
        assertTrue(manifest.contains("\"plugins\": [\n    \"test.h2"), manifest);
        assertTrue(manifest.contains("\"runId\": "), manifest);
        assertTrue(manifest.contains("\"csvSha256\": "), manifest);

        err.reset();
        assertEquals(2, etw("run", "baseline", "--with", "no.such.plugin", "--out", dir.toString()));
        assertTrue(err().contains("--with no.such.plugin: no such model is installed"), err());
        for (String command : List.of("graph", "compare", "report")) {
            out.reset();
            List<String> args = new ArrayList<>(List.of(command, "baseline", "--with", "test.h2"));
            if (command.equals("compare")) args.add("ai-boom");
            if (command.equals("report")) args.addAll(List.of("-o", dir.resolve("r.html").toString()));
            assertEquals(0, etw(args.toArray(String[]::new)), command + ": " + err());
            if (!command.equals("report")) assertTrue(out().contains("test.h2"), command + ": " + out());
        }
        assertTrue(Files.readString(dir.resolve("r.html")).contains("test.h2"), "the report names the plugin");
    }

    // ------------------------------------------------------------------ failed runs (item 5)

    @Test
    void aModelThrowingAnErrorFailsTheRunWithExit1AndWritesNothing(@TempDir Path dir) throws Exception {
        extra.add(InstalledModel.pluginOnClasspath(new TestPlugin("test.broken", TestPlugin.Behaviour.THROWS_ERROR)));
        for (String command : List.of("run", "compare", "report", "ensemble")) {
            out.reset();
            err.reset();
            List<String> args = new ArrayList<>(List.of(command, "baseline", "--with", "test.broken"));
            if (command.equals("compare")) args.add("ai-boom");
            if (command.equals("report")) args.addAll(List.of("-o", dir.resolve("r.html").toString()));
            if (command.equals("ensemble")) args.addAll(List.of("--samples", "4"));
            if (!command.equals("report") && !command.equals("compare")) args.addAll(List.of("--out", dir.toString()));
            assertEquals(1, etw(args.toArray(String[]::new)), command + ": " + err());
            assertFalse(out().contains("Wrote"), command + ": " + out());
            assertTrue(err().contains("electrolyser invariant broken") || err().contains("AssertionError"), command + ": " + err());
        }
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> !f.getFileName().toString().startsWith(".")).toList());
        }
    }

    @Test
    void aNaNIsNeverWrittenAndTheRunFails(@TempDir Path dir) throws Exception {
        extra.add(InstalledModel.pluginOnClasspath(new TestPlugin("test.nan", TestPlugin.Behaviour.WRITES_NAN)));
        assertEquals(1, etw("run", "baseline", "--with", "test.nan", "--out", dir.toString()), err());
        assertTrue(err().contains("2030"), err());
        assertFalse(out().contains("Wrote"), out());
        assertFalse(Files.exists(dir.resolve("baseline.csv")));
        err.reset();
        assertEquals(1, etw("compare", "baseline", "ai-boom", "--with", "test.nan"), err());
        assertEquals(1, etw("report", "baseline", "--with", "test.nan", "-o", dir.resolve("r.html").toString()), err());
        assertFalse(Files.exists(dir.resolve("r.html")));
    }

    // ------------------------------------------------------------------ the scenario service (item 17)

    @Test
    void savedVariantsAreListedWithTheirParentsAndRunByName(@TempDir Path dir) throws Exception {
        workspace = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(workspace.resolve("fast-ai.yaml"), "name: fast-ai\nextends: ai-boom\nseed: 3\n");
        assertEquals(0, etw("scenarios"), err());
        assertTrue(out().contains("\nSaved in the workspace:\nfast-ai "), out());
        assertTrue(out().contains("(extends ai-boom)"), out());
        out.reset();
        assertEquals(0, etw("run", "fast-ai", "--out", dir.resolve("out").toString()), err());
        assertTrue(Files.exists(dir.resolve("out/fast-ai.csv")));
        out.reset();
        assertEquals(0, etw("scenarios", "fast-ai"), err());
        assertTrue(out().contains("extends: ai-boom"), out());
    }

    @Test
    void theWorkspaceIsTheLaunchersPropertyOrElseScenariosInTheCurrentFolder(@TempDir Path dir) {
        assertEquals(dir.toAbsolutePath(), CliComponent.workspace(dir.toString()));
        assertEquals(Path.of("scenarios").toAbsolutePath(), CliComponent.workspace(null));
        assertEquals(Path.of("scenarios").toAbsolutePath(), CliComponent.workspace(" "));
    }

    // ------------------------------------------------------------------ concurrent runs (items 15, 16)

    @Test
    void concurrentRunsIntoOneFolderNeverFailOrMix(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.yaml");
        Path b = dir.resolve("b.yaml");
        Files.writeString(a, "name: pair\nextends: baseline\nparameters:\n  etw.models.datacenter:\n    ai_compute_growth_initial: 0.9\n");
        Files.writeString(b, "name: pair\nextends: baseline\nparameters:\n  etw.models.datacenter:\n    ai_compute_growth_initial: 0.3\n");
        Path out = dir.resolve("out");
        List<Thread> threads = new ArrayList<>();
        List<Integer> codes = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Path v = i % 2 == 0 ? a : b;
            Thread t = new Thread(() -> {
                List<InstalledModel> models = ServiceLoader.load(Model.class).stream()
                        .map(p -> InstalledModel.onClasspath(p.get())).toList();
                ScenarioService s = new ScenarioService(() -> List.of(new TeachingScenarios()), null, ScenarioService.Access.LOCAL);
                java.io.PrintStream sink = new PrintStream(java.io.OutputStream.nullOutputStream());
                codes.add(new Cli(() -> models, s, () -> List.of(), sink, sink, false).run(
                        new String[] {"run", v.toString(), "--out", out.toString()}));
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) t.join();
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 0), codes);
        String manifest = Files.readString(out.resolve("pair.manifest.json"));
        assertTrue(manifest.contains("\"csvSha256\": \"" + sha(out.resolve("pair.csv")) + "\""), manifest);
    }

    private static String sha(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    // ------------------------------------------------------------------ quick what-ifs (--set) and --yaml

    @Test
    void setChangesAParameterForOneRunUnderAnotherName(@TempDir Path dir) throws Exception {
        assertEquals(0, etw("run", "baseline", "--out", dir.toString()), err());
        double base = lastValue(dir.resolve("baseline.csv"), "Final Energy|Electricity|Data Centers");
        out.reset();
        assertEquals(0, etw("run", "baseline", "--set", "etw.models.datacenter/pue=1.8", "--out", dir.toString()), err());
        assertTrue(out().contains("Scenario baseline-modified:"), out());
        assertTrue(out().contains("Changed with --set: etw.models.datacenter.pue = 1.8"), out());
        double changed = lastValue(dir.resolve("baseline-modified.csv"), "Final Energy|Electricity|Data Centers");
        assertTrue(changed > base, "a higher PUE raises data-centre electricity: " + changed + " vs " + base);
        assertEquals(base, lastValue(dir.resolve("baseline.csv"), "Final Energy|Electricity|Data Centers"),
                "the unchanged scenario's file is left alone");

        assertEquals(0, etw("run", "baseline", "--set", "pue=1.8", "--as", "hot-servers", "--out", dir.toString()), err());
        assertEquals(changed, lastValue(dir.resolve("hot-servers.csv"), "Final Energy|Electricity|Data Centers"));
    }

    @Test
    void setRefusesUnknownOutOfRangeAndJavaNumbers(@TempDir Path dir) {
        err.reset();
        assertEquals(2, etw("run", "baseline", "--set", "peu=1.3", "--out", dir.toString()));
        assertTrue(err().contains("--set peu: no installed model has this parameter; did you mean 'pue'?"), err());
        err.reset();
        assertEquals(2, etw("run", "baseline", "--set", "pue=1.3f", "--out", dir.toString()));
        assertTrue(err().contains("is not a decimal number"), err());
        err.reset();
        assertEquals(2, etw("run", "baseline", "--set", "pue=99", "--out", dir.toString()));
        assertTrue(err().contains("--set pue=99") && err().contains("outside its allowed range"), err());
    }

    @Test
    void compareWithSetComparesAScenarioWithItsChangedCopy() {
        assertEquals(0, etw("compare", "baseline", "--set", "pue=1.8", "--years", "2050"), err());
        assertTrue(out().contains("baseline") && out().contains("-modified"), out());
        assertTrue(out().contains("diff 2"), out());
    }

    @Test
    void scenariosYamlPrintsTheScenarioAsItRuns() {
        assertEquals(0, etw("scenarios", "ai-boom", "--yaml"), err());
        assertTrue(out().contains("name: ai-boom"), out());
        assertTrue(out().matches("(?s).*ai_compute_growth_initial: \\{[^}]*World: 0.879.*"), "ai-boom's own value: " + out());
        assertTrue(out().contains("regions:"), "the parent's settings are resolved: " + out());
    }

    @Test
    void showPrintsAVariableAndItsChildrenByYearWithTrends() {
        assertEquals(0, etw("show", "baseline", "Secondary Energy|Electricity", "--region", "China", "--every", "10"), err());
        String o = out();
        assertTrue(o.startsWith("baseline, China: Secondary Energy|Electricity and what is directly below it"), o);
        assertTrue(o.contains("(total)") && o.contains("Coal") && o.contains("Solar") && o.contains("TWh/yr"), o);
        assertTrue(o.contains("\n2024 ") && o.contains("\n2030 ") && o.contains("\n2040 ") && o.contains("\n2050 "), o);
        assertFalse(o.contains("\n2034 "), "every 10 years are the round years: " + o);
        assertTrue(o.contains("\ntrend ") && o.matches("(?s).*[▁▂▃▄▅▆▇█]{12}.*"), o);
        assertFalse(o.contains("E-") || o.contains("E+"), "no exponent notation: " + o);
        err.reset();
        assertEquals(2, etw("show", "baseline", "Secondary Energy|Electricty"));
        assertTrue(err().contains("did you mean 'Secondary Energy|Electricity'?"), err());
    }

    // ------------------------------------------------------------------ issue 13: the dotted --set form, trajectories,
    // plausibility warnings, show --years, explain

    @Test
    void setTakesTheDottedModelFormAndTrajectories(@TempDir Path dir) throws Exception {
        assertEquals(0, etw("run", "baseline", "--out", dir.toString()), err());
        double base = lastValue(dir.resolve("baseline.csv"), "Final Energy|Electricity|Data Centers");
        assertEquals(0, etw("run", "baseline", "--set", "etw.models.datacenter.pue=1.2", "--out", dir.toString()), err());
        assertTrue(out().contains("Changed with --set: etw.models.datacenter.pue = 1.2"), out());
        double lower = lastValue(dir.resolve("baseline-modified.csv"), "Final Energy|Electricity|Data Centers");
        assertTrue(lower < base, "a lower PUE lowers data-centre electricity: " + lower + " vs " + base);

        out.reset();
        assertEquals(0, etw("run", "baseline", "--set", "etw.models.datacenter.pue=2024:1.56,2050:1.2", "--set",
                "rebound_elasticity=0.5", "--as", "pue-path", "--out", dir.toString()), err());
        assertTrue(out().contains("etw.models.datacenter.pue = 2024:1.56,2050:1.2"), out());
        assertTrue(Files.readString(dir.resolve("pue-path.manifest.json")).contains("2050"), "the trajectory is recorded");
        assertEquals(lower, lastValue(dir.resolve("pue-path.csv"), "Final Energy|Electricity|Data Centers"), 1e-9,
                "the trajectory reaches 1.2 in 2050, as the constant does");
    }

    @Test
    void setWithAWrongNameListsTheNearestNames(@TempDir Path dir) {
        assertEquals(2, etw("run", "baseline", "--set", "etw.models.datacenter.peu=1.2", "--out", dir.toString()));
        assertTrue(err().contains("model etw.models.datacenter has no parameter 'peu'; did you mean 'pue'?"), err());
        assertTrue(err().contains("Nearest names: etw.models.datacenter.pue, etw.models.datacenter.pue_base"), err());
        err.reset();
        assertEquals(2, etw("run", "baseline", "--set", "etw.models.datacentre.pue=1.2", "--out", dir.toString()));
        assertTrue(err().contains("Nearest names: etw.models.datacenter.pue"), err());
        err.reset();
        assertEquals(2, etw("run", "baseline", "--set", "pue=2030:1.3,2030:1.2", "--out", dir.toString()));
        assertTrue(err().contains("year 2030 is given twice"), err());
        err.reset();
        assertEquals(2, etw("run", "baseline", "--set", "pue=30:1.3", "--out", dir.toString()));
        assertTrue(err().contains("'30:1.3' is not YEAR:VALUE"), err());
    }

    @Test
    void aFullReboundInAiBoomWarnsThatTheResultIsImplausibleAndStillRuns(@TempDir Path dir) throws Exception {
        // to 2050, the sheets' horizon (an earlier supply model stopped this run later in the century)
        Path to2050 = dir.resolve("ai-boom-2050.yaml");
        Files.writeString(to2050, "name: ai-boom\nextends: ai-boom\nyears: {first: 2024, last: 2050}\n");
        assertEquals(0, etw("run", to2050.toString(), "--set", "rebound_elasticity=1.0", "--out", dir.toString()), err());
        String o = out();
        assertTrue(o.contains("Warning: implausible result of etw.models.datacenter: share of Final Energy|Electricity|Data Centers"
                + " in Final Energy|Electricity is "), o);
        assertTrue(o.contains("source: assumption: data centres used about 1.5% of world electricity"), o);
        assertTrue(o.contains("Warning: implausible result of etw.models.datacenter: Final Energy|Electricity|Data Centers grows "), o);
        assertTrue(Files.readString(dir.resolve("ai-boom-modified.manifest.json")).contains("implausible result of"),
                "the warning is in the manifest, which the report and the workbench show");
        assertTrue(Files.exists(dir.resolve("ai-boom-modified.csv")), "a warning never blocks the run");
        out.reset();
        assertEquals(0, etw("run", "baseline", "--out", dir.toString()), err());
        assertFalse(out().contains("implausible"), "the baseline is plausible: " + out());
    }

    @Test
    void showYearsTakesAListOrASpan() {
        assertEquals(0, etw("show", "baseline", "Final Energy|Electricity", "--years", "2030,2050"), err());
        List<String> rows = out().lines().filter(l -> l.matches("\\d{4} .*")).toList();
        assertEquals(2, rows.size(), out());
        assertTrue(rows.get(0).startsWith("2030 ") && rows.get(1).startsWith("2050 "), out());
        assertTrue(out().contains("Residential and Commercial"), "labels are not cut: " + out());
        out.reset();
        assertEquals(0, etw("show", "baseline", "Final Energy|Electricity", "--years", "2024-2030"), err());
        assertEquals(7, out().lines().filter(l -> l.matches("\\d{4} .*")).count(), out());
        assertTrue(out().contains("from 2024 to 2030"), out());
        assertFalse(out().matches("(?s).*\\d[eE][-+]?\\d.*"), "no exponent: " + out());
        err.reset();
        assertEquals(2, etw("show", "baseline", "Final Energy|Electricity", "--years", "2020-2030"));
        assertTrue(err().contains("year 2020 is outside scenario baseline (2024-"), err());
    }

    @Test
    void explainDescribesVariablesAndParametersFromTheModels() {
        assertEquals(0, etw("explain", "Final Energy|Electricity|Data Centers"), err());
        String o = out();
        assertTrue(o.startsWith("Final Energy|Electricity|Data Centers  [TWh/yr]  variable"), o);
        assertTrue(o.contains("written by: etw.models.datacenter"), o);
        assertTrue(o.contains("below it:   AI, Conventional"), o);
        assertTrue(o.contains("plausible:"), o);
        out.reset();
        assertEquals(0, etw("explain", "Final Energy|Electricity"), err());
        assertTrue(out().contains("written by: no model: the sum of what is written below it"), out());
        // renewables reads it too since supply's demand-driven buildout; the order of readers is not the point
        assertTrue(out().lines().anyMatch(l -> l.startsWith("  read by:    ") && l.contains("etw.models.decarbonisation")),
                out());
        out.reset();
        assertEquals(0, etw("explain", "etw.models.datacenter.pue"), err());
        assertTrue(out().startsWith("pue  [1]  parameter of etw.models.datacenter"), out());
        assertTrue(out().contains("source: Uptime Institute"), out());
        err.reset();
        assertEquals(2, etw("explain", "rebound_elastcity"));
        assertTrue(err().contains("Nearest names: rebound_elasticity"), err());
    }
}
