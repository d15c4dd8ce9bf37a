package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;

class ScenarioParserTest {
    private static final String FULL = """
            name: demo
            description: A test scenario.
            regions: [World, China]
            years: {first: 2024, last: 2040}
            seed: 42
            models: [m1, m2]
            parameters:
              m1:
                pue: 1.4
                base: {World: 62, China: 15}
                growth: {2024: 0.45, 2040: 0.1}
                mixed: {World: {2024: 1, 2030: 2}, "*": 10}
            exogenous:
              Population:
                unit: million
                values: {2024: 8100, 2050: 9700}
            """;

    @Test
    void readsEveryPart() throws Exception {
        Scenario s = ScenarioParser.parse(FULL, "demo.yaml");
        assertEquals("demo", s.name());
        assertEquals(List.of("World", "China"), s.regions());
        assertEquals(2024, s.firstYear());
        assertEquals(2040, s.lastYear());
        assertEquals(42, s.seed());
        assertEquals(List.of("m1", "m2"), s.models());
        assertEquals(FULL, s.text());
        var m1 = s.parameters().get("m1");
        assertEquals(1.4, m1.get("pue").forRegion("China").valueAt(2030));
        assertEquals(15, m1.get("base").forRegion("China").valueAt(2030));
        assertEquals(0.275, m1.get("growth").forRegion("World").valueAt(2032), 1e-12);
        assertEquals(1.5, m1.get("mixed").forRegion("World").valueAt(2027), 1e-12);
        assertEquals(10, m1.get("mixed").forRegion("China").valueAt(2027));
        assertEquals("demo.yaml:9:10", m1.get("pue").origin());
        Scenario.ExogenousSeries pop = s.exogenous().get("Population");
        assertEquals("million", pop.unit());
        assertEquals(8900, pop.values().forRegion(RegionalSeries.ALL_REGIONS).valueAt(2037), 1e-9);
    }

    @Test
    void defaultsYearsAndSeed() throws Exception {
        Scenario s = ScenarioParser.parse("name: x\nregions: [World]\n", "x.yaml");
        assertEquals(2024, s.firstYear());
        assertEquals(2050, s.lastYear());
        assertEquals(List.of(), s.models());
    }

    private static String error(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioParser.parse(text, "f.yaml")).getMessage();
    }

    @Test
    void malformedYamlGivesFileLineAndColumn() {
        String m = error("name: x\nregions: [World\nyears: {first: 2024}\n");
        assertTrue(m.startsWith("f.yaml:3:6: not valid YAML"), m);
    }

    @Test
    void structuralMistakesAreLocated() {
        assertTrue(error("name: x\nregion: [World]\n").startsWith("f.yaml:2:1: unknown key 'region' in the scenario; allowed:"),
                error("name: x\nregion: [World]\n"));
        assertTrue(error("regions: [World]\n").startsWith("f.yaml:1:1: missing 'name:'"));
        assertTrue(error("").contains("the scenario file is empty"));
        assertTrue(error("name: x\nregions: World\n").startsWith("f.yaml:2:10: regions must be a non-empty list"));
        assertTrue(error("name: x\nregions: [A, A]\n").contains("region 'A' is listed twice"));
        assertTrue(error("name: x\nregions: [A]\nyears: {first: 2050, last: 2024}\n").startsWith("f.yaml:3:8: years must satisfy"));
        assertTrue(error("name: x\nregions: [A]\nseed: lots\n").contains("seed: 'lots' is not a whole number"));
    }

    @Test
    void badValuesAreLocated() {
        String base = "name: x\nregions: [World]\nparameters:\n  m:\n";
        assertTrue(error(base + "    p: high\n").startsWith("f.yaml:5:8: m/p: 'high' is not a number"));
        assertTrue(error(base + "    p: {2024: 1, World: 2}\n").startsWith("f.yaml:5:18: m/p: 'World' is not a year"));
        assertTrue(error(base + "    p: {World: 1, 2024: 2}\n").contains("mixes years and regions"));
        assertTrue(error(base + "    p: {2024: 1, 2024: 2}\n").contains("'2024' appears twice in m/p, on line 5 and line 5"));
        assertTrue(error(base + "    p: {}\n").contains("m/p is empty"));
        assertTrue(error("name: x\nregions: [World]\nexogenous:\n  V:\n    values: 1\n").contains("missing 'unit:'"));
    }

    @Test
    void aVariantOverridesOnlyWhatItSays() throws Exception {
        ScenarioParser.ParentResolver parents = (name, variantOf) -> name.equals("demo")
                ? java.util.Optional.of(new ScenarioParser.Source(FULL, "demo.yaml")) : java.util.Optional.empty();
        Scenario v = ScenarioParser.parse("name: variant\nextends: demo\nyears: {first: 2024, last: 2050}\n"
                + "parameters:\n  m1:\n    pue: 1.2\n  m3:\n    x: 5\n", "variant.yaml", parents);
        assertEquals("variant", v.name());
        assertEquals(List.of("World", "China"), v.regions(), "inherited");
        assertEquals(2050, v.lastYear(), "overridden");
        assertEquals(42, v.seed(), "inherited");
        assertEquals(1.2, v.parameters().get("m1").get("pue").forRegion("World").valueAt(2030), "overridden");
        assertEquals(15, v.parameters().get("m1").get("base").forRegion("China").valueAt(2030), "inherited");
        assertEquals(5, v.parameters().get("m3").get("x").forRegion("World").valueAt(2030), "added");
        assertTrue(v.exogenous().containsKey("Population"), "inherited");
        assertTrue(v.text().contains("name: demo") && v.text().contains("name: variant"), "the hash covers both files");
    }

    @Test
    void anUnknownParentOrALoopIsLocated() {
        String m = assertThrows(ScenarioException.class,
                () -> ScenarioParser.parse("name: v\nextends: nope\n", "v.yaml", ScenarioParser.ParentResolver.NONE)).getMessage();
        assertTrue(m.startsWith("v.yaml:2:10: unknown parent scenario 'nope'"), m);
        ScenarioParser.ParentResolver loop = (name, of) -> java.util.Optional.of(
                new ScenarioParser.Source("name: " + name + "\nextends: " + (name.equals("a") ? "b" : "a") + "\n", name + ".yaml"));
        m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("name: a\nextends: b\n", "a0.yaml", loop)).getMessage();
        assertTrue(m.contains("scenarios extend each other in a loop: b -> a -> b"), m);
    }

    @Test
    void readsUncertaintyDistributions() throws Exception {
        Scenario s = ScenarioParser.parse("name: e\nregions: [World]\nuncertainty:\n  m:\n"
                + "    a: {distribution: uniform, min: 0.2, max: 0.8}\n"
                + "    b: {distribution: triangular, min: 0.3, mode: 0.5, max: 0.7}\n"
                + "    c: {distribution: normal, mean: 1.5, sd: 0.1, min: 1.1, max: 2}\n"
                + "    d: {distribution: lognormal, median: 2.6, sigma: 0.2, min: 1.5, max: 5}\n"
                + "    e: {distribution: uniform, min: 0.8, max: 1.2, scale: true}\n", "e.yaml");
        var u = s.uncertainty().get("m");
        assertEquals(etw.api.scenario.Distribution.Kind.UNIFORM, u.get("a").kind());
        assertEquals(0.5, u.get("b").a());
        assertEquals(0.1, u.get("c").b());
        assertEquals(2.6, u.get("d").a());
        assertEquals("e.yaml:5:8", u.get("a").origin());
        assertTrue(u.get("e").scale());
        assertTrue(!u.get("a").scale());
    }

    @Test
    void badDistributionsAreLocated() {
        String base = "name: e\nregions: [World]\nuncertainty:\n  m:\n";
        assertTrue(error(base + "    a: {distribution: beta, min: 0, max: 1}\n").startsWith("f.yaml:5:23: m/a: unknown distribution 'beta'"));
        assertTrue(error(base + "    a: {distribution: uniform, min: 0}\n").contains("missing 'max:'"));
        assertTrue(error(base + "    a: {distribution: uniform, min: 0, max: 1, sd: 2}\n").contains("'sd' does not apply to a uniform"));
        assertTrue(error(base + "    a: {distribution: triangular, min: 0, mode: 2, max: 1}\n").contains("triangular mode 2.0 outside [0.0, 1.0]"));
        assertTrue(error(base + "    a: {distribution: uniform, min: 1, max: 0}\n").contains("min 1.0 > max 0.0"));
    }

    @Test
    void aMissingFileSaysSo() {
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(Path.of("no/such.yaml"))).getMessage();
        assertTrue(m.startsWith("no/such.yaml: no such file"), m);
    }

    /** A top-level key read from the parser's events, stopping early, as composing the whole document reads it. */
    @Test
    void aTopKeyIsReadWithoutComposingTheWholeDocument() throws Exception {
        assertEquals("baseline", ScenarioParser.topKey("name: x\nextends: baseline\nparameters: {a: {b: 1}}\n", "extends"));
        assertEquals("baseline", ScenarioParser.topKey("name: x\nparameters:\n  m:\n    extends: other\n    p: [1, 2]\nextends: baseline\n", "extends"),
                "a nested key of the same name is not the top-level one");
        assertEquals("", ScenarioParser.topKey("name: x\nparameters: {extends: inner}\n", "extends"));
        assertEquals("", ScenarioParser.topKey("name: x\nextends: {a: 1}\n", "extends"), "not a scalar");
        assertEquals("baseline", ScenarioParser.topKey("{name: x, extends: baseline}", "extends"), "flow style");
        assertEquals("", ScenarioParser.topKey("", "extends"));
        assertEquals("", ScenarioParser.topKey("- a\n- b\n", "extends"));
        assertEquals("Two words", ScenarioParser.topKey("description: >\n  Two\n  words\nextends: baseline\n", "description").strip());
        assertEquals("baseline", ScenarioParser.topKey("base: &b baseline\nextends: *b\n", "extends"), "an alias: composed");
        assertThrows(ScenarioException.class, () -> ScenarioParser.topKey("name: [x\nextends: baseline\n", "extends"),
                "invalid before the key: the composed document's error");
    }
}
