package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.scenario.CannedScenario;
import etw.api.scenario.Scenario;
import etw.api.scenario.ScenarioLibrary;

class ScenarioServiceTest {
    @TempDir
    Path workspace;

    /** The teaching library's nine scenarios, as a library would offer them. */
    static ScenarioLibrary teaching() {
        return () -> {
            List<CannedScenario> list = new ArrayList<>();
            try {
                for (Path f : ScenarioWriterTest.cannedFiles()) {
                    String name = f.getFileName().toString().replace(".yaml", "");
                    Path sheet = f.resolveSibling(name + ".md");
                    list.add(new CannedScenario(name, "title of " + name, f.toUri().toURL(),
                            Files.exists(sheet) ? sheet.toUri().toURL() : null));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return list;
        };
    }

    private ScenarioService service(ScenarioService.Access access) {
        return new ScenarioService(() -> List.of(teaching()), workspace, access);
    }

    @Test
    void loadsCannedScenariosAndTheirParents() throws Exception {
        ScenarioService s = service(ScenarioService.Access.LOCAL);
        Scenario boom = s.load("ai-boom");
        assertEquals("ai-boom", boom.name());
        assertEquals(List.of("canned:ai-boom", "canned:baseline"), boom.files().keySet().stream().sorted().toList(),
                "the files read: the variant and what it extends");
        assertTrue(s.text("baseline").orElseThrow().contains("name: baseline"));
        assertEquals(9, s.canned().size());
    }

    @Test
    void savedVariantsAreListedWithTheirParent() throws Exception {
        ScenarioService s = service(ScenarioService.Access.REMOTE);
        Scenario boom = s.load("ai-boom");
        Path full = s.save("my-baseline", s.load("baseline"), false);
        assertEquals(workspace.resolve("my-baseline.yaml"), full);
        s.saveVariant("my-boom", "baseline", boom.toBuilder("my-boom").seed(9).build(), false);
        List<ScenarioService.Entry> list = s.list();
        assertEquals(11, list.size());
        ScenarioService.Entry first = list.get(0);
        assertEquals(new ScenarioService.Entry("ai-boom", "canned", "title of ai-boom", "baseline", first.labSheet()), first);
        ScenarioService.Entry mine = list.stream().filter(e -> e.name().equals("my-boom")).findFirst().orElseThrow();
        assertEquals("workspace", mine.kind());
        assertEquals("baseline", mine.parent());
        assertEquals(9, s.load("my-boom").seed());
        assertEquals(9, s.load("my-boom.yaml").seed());
        ScenarioWriterTest.assertSameMeaning(s.load("baseline"), s.load("my-baseline")); // the file name is not the scenario name
    }

    @Test
    void aSavedAndReloadedBaselineWritesTheSameCanonicalText() throws Exception {
        ScenarioService s = service(ScenarioService.Access.LOCAL);
        Scenario baseline = s.load("baseline");
        s.save("baseline-copy", baseline, false);
        Scenario back = s.load("baseline-copy");
        assertEquals(ScenarioWriter.write(baseline), ScenarioWriter.write(back), "so the manifest hash is the same");
    }

    @Test
    void savingRefusesBadNamesAndExistingFiles() throws Exception {
        ScenarioService s = service(ScenarioService.Access.REMOTE);
        Scenario b = Scenario.builder("x").build();
        for (String bad : new String[] {"../x", "/tmp/x", "X", "", "a b", "a".repeat(65), "x.yml"})
            assertTrue(assertThrows(ScenarioException.class, () -> s.save(bad, b, false)).getMessage()
                    .startsWith("a scenario name is 1 to 64 lower-case letters"), bad);
        s.save("x", b, false);
        assertThrows(ScenarioExistsException.class, () -> s.save("x", b, false));
        s.save("x", b.toBuilder("x").seed(5).build(), true);
        assertEquals(5, s.load("x").seed());
        try (var files = Files.list(workspace)) {
            assertEquals(List.of("x.yaml"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
        ScenarioService none = new ScenarioService(List::of, null, ScenarioService.Access.REMOTE);
        assertTrue(assertThrows(ScenarioException.class, () -> none.save("x", b, false)).getMessage().contains("no workspace"));
    }

    @Test
    void unknownNamesListWhatThereIs() throws Exception {
        ScenarioService s = service(ScenarioService.Access.REMOTE);
        s.save("mine", Scenario.builder("mine").build(), false);
        String m = assertThrows(ScenarioNotFoundException.class, () -> s.load("nope")).getMessage();
        assertTrue(m.startsWith("no scenario named 'nope'. Canned: ai-boom, ai-efficiency") && m.contains("saved: mine"), m);
        assertThrows(ScenarioNotFoundException.class, () -> s.load("/etc/passwd"), "REMOTE reads no paths");
        assertThrows(ScenarioNotFoundException.class, () -> s.load("../x.yaml"));
    }

    @Test
    void remoteTextMayExtendOnlyNamesAndReadOnlyWorkspaceFiles() throws Exception {
        ScenarioService s = service(ScenarioService.Access.REMOTE);
        String m = assertThrows(ScenarioException.class, () -> s.parse("name: v\nextends: /etc/passwd\n", "request")).getMessage();
        assertTrue(m.startsWith("request:2:10: '/etc/passwd' is not a canned or saved scenario name"), m);
        Scenario v = s.parse("name: v\nextends: baseline\nseed: 3\n", "request");
        assertEquals(3, v.seed());
        assertEquals(6, v.regions().size());
    }

    @Test
    void localLoadsPathsAndResolvesRelativeParents() throws Exception {
        Path dir = Files.createDirectories(workspace.resolve("elsewhere"));
        Files.writeString(dir.resolve("parent.yaml"), "name: parent\nregions: [A]\nseed: 4\n");
        Files.writeString(dir.resolve("child.yaml"), "name: child\nextends: parent.yaml\n");
        ScenarioService s = service(ScenarioService.Access.LOCAL);
        Scenario child = s.load(dir.resolve("child.yaml").toString());
        assertEquals(4, child.seed());
        assertEquals(2, child.files().size());
        assertFalse(child.files().values().stream().anyMatch(String::isEmpty));
        ScenarioService remote = service(ScenarioService.Access.REMOTE);
        assertThrows(ScenarioNotFoundException.class, () -> remote.load(dir.resolve("child.yaml").toString()));
    }

    @Test
    void aFailingLibraryIsAWarning() {
        Supplier<List<ScenarioLibrary>> libs = () -> List.of(() -> {
            throw new IllegalStateException("broken");
        }, teaching(), teaching());
        ScenarioService s = new ScenarioService(libs, null, ScenarioService.Access.LOCAL);
        assertEquals(9, s.canned().size());
        assertEquals(10, s.warnings().size(), s.warnings().toString());
        assertTrue(s.warnings().get(0).contains("failed and is skipped"));
    }

}
