package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.Model;
import etw.api.scenario.CannedScenario;
import etw.engine.InstalledModel;
import etw.io.Headlines;
import etw.scenario.ScenarioService;
import etw.scenarios.teaching.TeachingScenarios;

/** The canned scenarios' levers files, resolved against the real models, and the rules of the format. */
class LeversTest {
    private static final List<InstalledModel> MODELS = ServiceLoader.load(Model.class).stream()
            .map(p -> InstalledModel.onClasspath(p.get())).toList();

    private static LeversResource resource(Path workspace) {
        return new LeversResource(new RequestScenarios(() -> MODELS, new ScenarioService(() -> List.of(new TeachingScenarios()),
                workspace, ScenarioService.Access.REMOTE), true));
    }

    @Test
    void everyCannedScenarioNamesSixToTenLeversThatAllResolve(@TempDir Path dir) throws Exception {
        for (CannedScenario c : new TeachingScenarios().scenarios()) {
            LeversResource.Answer a = resource(dir).levers(c.name());
            assertEquals(List.of(), a.problems(), c.name());
            assertEquals(c.name(), a.from(), c.name() + " has its own levers file");
            assertEquals(c.name() + ".levers.yaml", a.file());
            assertTrue(a.levers().size() >= 6 && a.levers().size() <= 10, c.name() + ": " + a.levers().size() + " levers");
            for (LeversResource.LeverInfo l : a.levers()) {
                assertFalse(l.label().isBlank(), l.id());
                assertFalse(l.description().isBlank(), l.id());
                assertFalse(l.source().isBlank(), c.name() + "/" + l.id() + " says where its range comes from");
                assertFalse(l.targets().isEmpty());
            }
            assertEquals(Headlines.VARIABLES, a.headlines());
        }
    }

    @Test
    void aSavedVariantTakesItsParentsLevers(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("my-variant.yaml"), "name: my-variant\nextends: ai-boom\nparameters:\n"
                + "  etw.models.datacenter: {pue: 1.3}\n");
        Files.writeString(dir.resolve("deeper.yaml"), "name: deeper\nextends: my-variant\n");
        LeversResource.Answer a = resource(dir).levers("deeper");
        assertEquals("ai-boom", a.from());
        assertEquals("my-variant", a.parent());
        assertTrue(a.levers().stream().anyMatch(l -> l.id().equals("ai-growth")));
        assertThrows(ApiException.class, () -> resource(dir).levers("no-such-scenario"));
    }

    @Test
    void aTargetTheModelsDoNotHaveLeavesItsLeverOutAndSaysWhy() throws Exception {
        String text = """
                levers:
                  - id: good
                    label: Good
                    unit: "%"
                    min: 0
                    max: 100
                    targets: [{parameter: etw.models.electrification/heat_pump_share, op: set, at: 2050, convert: 0.01}]
                  - id: typo
                    label: Typo
                    min: 0
                    max: 1
                    targets: [{parameter: etw.models.datacenter/peu, op: set}]
                  - id: too-wide
                    label: Too wide
                    unit: "%"
                    min: 0
                    max: 200
                    targets: [{parameter: etw.models.electrification/heat_pump_share, op: set, convert: 0.01}]
                """;
        List<Levers.Lever> parsed = Levers.parse(text, "x.levers.yaml");
        assertEquals(3, parsed.size());
        assertEquals(1.0, parsed.get(0).step(), 1e-12, "step defaults to a hundredth of the range");
        assertNull(parsed.get(1).targets().get(0).at());
        Path dir = Files.createTempDirectory("levers");
        var resolve = LeversResource.class.getDeclaredMethod("resolve", List.class, List.class);
        resolve.setAccessible(true);
        List<String> problems = new java.util.ArrayList<>();
        @SuppressWarnings("unchecked")
        List<LeversResource.LeverInfo> levers = (List<LeversResource.LeverInfo>) resolve.invoke(resource(dir), parsed, problems);
        assertEquals(List.of("good"), levers.stream().map(LeversResource.LeverInfo::id).toList());
        assertEquals("%", levers.get(0).unit());
        assertEquals(1.0, levers.get(0).targets().get(0).max());
        assertTrue(problems.get(0).contains("has no parameter peu (did you mean pue?)"), problems.toString());
        assertTrue(problems.get(1).contains("outside its declared range 0 to 1"), problems.toString());
    }

    @Test
    void errorsNameFileLineAndColumnAndWhatIsAllowed() {
        var e = assertThrows(Levers.LeversException.class, () -> Levers.parse("""
                levers:
                  - id: a
                    label: A
                    min: 0
                    max: 1
                    colour: red
                    targets: [{parameter: m/p}]
                """, "f.levers.yaml"));
        assertEquals("f.levers.yaml:6:5: 'colour' is not a key of a lever; the keys are id, label, description, unit, min, "
                + "max, step, source, targets", e.getMessage());
        e = assertThrows(Levers.LeversException.class, () -> Levers.parse("""
                levers:
                  - {id: a, label: A, min: 0, max: 1, targets: [{parameter: m/p, op: scale, at: 2050}]}
                """, "f.levers.yaml"));
        assertTrue(e.getMessage().startsWith("f.levers.yaml:2:") && e.getMessage().endsWith("'at' goes with op set only"), e.getMessage());
        e = assertThrows(Levers.LeversException.class, () -> Levers.parse("""
                levers:
                  - {id: a, label: A, min: 0, max: 1, targets: [{parameter: pue}]}
                """, "f.levers.yaml"));
        assertTrue(e.getMessage().contains("must be model/parameter, e.g. etw.models.datacenter/pue"), e.getMessage());
        e = assertThrows(Levers.LeversException.class, () -> Levers.parse("""
                levers:
                  - {id: a, label: A, min: 2, max: 1, targets: [{parameter: m/p}]}
                  """, "f.levers.yaml"));
        assertTrue(e.getMessage().contains("max (1.0) must be larger than min (2.0)"), e.getMessage());
        e = assertThrows(Levers.LeversException.class, () -> Levers.parse("levers: [{id: a, label: A, min: x, max: 1, "
                + "targets: [{parameter: m/p}]}]", "f.levers.yaml"));
        assertTrue(e.getMessage().contains("'min' must be a number, got 'x'"), e.getMessage());
        e = assertThrows(Levers.LeversException.class, () -> Levers.parse("levers: [{id: a, label: A, min: 0, max: 1, "
                + "targets: [{parameter: m/p}]}, {id: a, label: B, min: 0, max: 1, targets: [{parameter: m/p}]}]", "f.levers.yaml"));
        assertTrue(e.getMessage().contains("a second lever with id 'a'"), e.getMessage());
    }

    @Test
    void theSiblingOfAScenarioFileIsItsLeversFile() throws Exception {
        assertEquals("file:/x/scenarios/baseline.levers.yaml",
                LeversResource.sibling(new java.net.URL("file:/x/scenarios/baseline.yaml")).toString());
        assertNull(LeversResource.sibling(new java.net.URL("file:/x/scenarios/baseline.txt")));
    }
}
