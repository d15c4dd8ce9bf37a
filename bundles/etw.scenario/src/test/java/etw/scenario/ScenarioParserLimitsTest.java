package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.scenario.Scenario;

/** Scenario files that loaded and were wrong, and files that took the parser's time or memory (issue 14, items 4 and 11). */
class ScenarioParserLimitsTest {
    @TempDir
    Path dir;

    private static String error(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioParser.parse(text, "f.yaml")).getMessage();
    }

    private static final String BASE = "name: x\nregions: [World, China]\nparameters:\n  m:\n";

    @Test
    void javaNumberSyntaxIsRefused() {
        for (String bad : new String[] {"1.4f", "2d", "0x1.6p0", "1e", "Infinity", "NaN", "-Infinity", ".inf", "1,5", "0x10"}) {
            String m = error(BASE + "    p: " + bad + "\n");
            assertTrue(m.startsWith("f.yaml:5:8: m/p: '" + bad + "' is not a number; write a decimal such as 1.4"), m);
        }
        assertTrue(error(BASE + "    p: 1e999\n").contains("'1e999' is too large"));
    }

    @Test
    void decimalNumbersAreRead() throws Exception {
        Scenario s = ScenarioParser.parse(BASE + "    a: 1_000\n    b: -2\n    c: .5\n    d: 1.5e9\n    e: +3.\n    f: 1E-3\n", "f.yaml");
        var m = s.parameters().get("m");
        assertEquals(1000, m.get("a").forRegion("World").valueAt(2030));
        assertEquals(-2, m.get("b").forRegion("World").valueAt(2030));
        assertEquals(0.5, m.get("c").forRegion("World").valueAt(2030));
        assertEquals(1.5e9, m.get("d").forRegion("World").valueAt(2030));
        assertEquals(3, m.get("e").forRegion("World").valueAt(2030));
        assertEquals(0.001, m.get("f").forRegion("World").valueAt(2030));
    }

    @Test
    void trajectoryYearsAreFourDigitsFrom1900To2300() {
        String m = error(BASE + "    p: {0999: 1, 2050: 2}\n");
        assertTrue(m.startsWith("f.yaml:5:9: m/p: year 0999 is outside 1900 to 2300"), m);
        assertTrue(error(BASE + "    p: {2024: 1, 2301: 2}\n").contains("year 2301 is outside"));
        assertTrue(error(BASE + "    p: {2024: 1, 99: 2}\n").contains("'99' is not a year"));
    }

    @Test
    void duplicateKeysAnywhereNameBothLines() {
        assertTrue(error(BASE + "    p: 1\n    q: 2\n    p: 3\n").startsWith(
                "f.yaml:7:5: 'p' appears twice in parameters of m, on line 5 and line 7"), error(BASE + "    p: 1\n    q: 2\n    p: 3\n"));
        assertTrue(error(BASE + "    p: 1\n  m:\n    q: 2\n").contains("'m' appears twice in parameters, on line 4 and line 6"));
        assertTrue(error(BASE + "    p: {World: 1,\n        World: 2}\n").contains("'World' appears twice in m/p, on line 5 and line 6"));
        assertTrue(error("name: x\nregions: [World]\nexogenous:\n  V: {unit: a, values: 1}\n  V: {unit: a, values: 2}\n")
                .contains("'V' appears twice in exogenous, on line 4 and line 5"));
        assertTrue(error("name: x\nregions: [World]\nuncertainty:\n  m:\n    p: {distribution: uniform, min: 0, max: 1}\n"
                + "    p: {distribution: uniform, min: 0, max: 2}\n").contains("'p' appears twice in uncertainty of m, on line 5 and line 6"));
        assertTrue(error("name: x\nregions: [World]\nname: y\n").contains("'name' appears twice in the scenario, on line 1 and line 3"));
        assertTrue(error("name: x\nregions: [A, B, A]\n").contains("region 'A' is listed twice"));
    }

    @Test
    void aMisspelledRegionNextToStarIsRefusedWithTheNearest() {
        String m = error(BASE + "    p: {Wrold: 1, \"*\": 2}\n");
        assertTrue(m.startsWith("f.yaml:5:9: 'Wrold' is not a region of this scenario") && m.contains("Did you mean 'World'? "
                + "The regions: World, China"), m);
    }

    @Test
    void regionKeysOfAVariantAreCheckedAgainstTheRegionsItInherits() throws Exception {
        ScenarioParser.ParentResolver parent = (n, of) -> Optional.of(new ScenarioParser.Source(
                "name: p\nregions: [World, China]\n", "p.yaml"));
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(
                "name: v\nextends: p\nparameters:\n  m:\n    q: {Chna: 1, \"*\": 2}\n", "v.yaml", parent)).getMessage();
        assertTrue(m.startsWith("v.yaml:5:9: 'Chna' is not a region") && m.contains("Did you mean 'China'?"), m);
        Scenario ok = ScenarioParser.parse("name: v\nextends: p\nparameters:\n  m:\n    q: {China: 1, \"*\": 2}\n", "v.yaml", parent);
        assertEquals(1, ok.parameters().get("m").get("q").forRegion("China").valueAt(2030));
        Scenario narrowed = ScenarioParser.parse("name: v\nextends: p\nregions: [China]\nparameters:\n  m:\n"
                + "    q: {China: 1, South Korea: 3}\n", "v.yaml", parent);
        assertEquals(3, narrowed.parameters().get("m").get("q").forRegion("South Korea").valueAt(2030),
                "without \"*\", values for regions not run are kept for variants (baseline carries South Korea)");
    }

    @Test
    void uncertaintyOfAParameterNotSetIsLegalButItsShapeIsChecked() throws Exception {
        Scenario s = ScenarioParser.parse("name: x\nregions: [World]\nuncertainty:\n  m:\n    never_set: {distribution: uniform, min: 0, max: 1}\n", "f.yaml");
        assertEquals(1, s.uncertainty().get("m").size());
        assertTrue(error("name: x\nregions: [World]\nuncertainty:\n  m: 5\n").startsWith("f.yaml:4:6: uncertainty of m must be a mapping"));
        assertTrue(error("name: x\nregions: [World]\nuncertainty:\n  m:\n    p: 5\n").startsWith("f.yaml:5:8: the distribution of m/p must be a mapping"));
    }

    // ---------------------------------------------------------------- encodings and control characters

    private Path file(byte[] bytes) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.write(f, bytes);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final String TEXT = "name: café\nregions: [World]\n";

    @Test
    void byteOrderMarksAreRead() throws Exception {
        assertEquals("café", ScenarioParser.parse(file(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                TEXT.getBytes(StandardCharsets.UTF_8)))).name());
        assertEquals("café", ScenarioParser.parse(file(concat(new byte[] {(byte) 0xff, (byte) 0xfe},
                TEXT.getBytes(StandardCharsets.UTF_16LE)))).name());
        assertEquals("café", ScenarioParser.parse(file(concat(new byte[] {(byte) 0xfe, (byte) 0xff},
                TEXT.getBytes(StandardCharsets.UTF_16BE)))).name());
        assertEquals("x", ScenarioParser.parse("\uFEFFname: x\nregions: [World]\n", "f.yaml").name());
    }

    @Test
    void binaryAndControlCharactersAreLocated() throws Exception {
        Path f = file(concat("name: x\nregions: [Wor".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 'l', 'd', ']', '\n'}));
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(f)).getMessage();
        assertTrue(m.startsWith(f + ":2:14: not UTF-8 text (byte 0xff at byte 21)"), m);
        Path nul = file("name: x\nregions: [A\0]\n".getBytes(StandardCharsets.UTF_8));
        m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(nul)).getMessage();
        assertTrue(m.startsWith(nul + ":2:12: control character U+0000 (NUL"), m);
        Path utf16 = file(TEXT.getBytes(StandardCharsets.UTF_16LE));
        m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(utf16)).getMessage();
        assertTrue(m.startsWith(utf16 + ":1:2: control character U+0000 (NUL: a binary file, or UTF-16 without a byte-order mark?)"), m);
        assertTrue(error("name: x\u0007\nregions: [A]\n").startsWith("f.yaml:1:8: control character U+0007"));
        assertTrue(error("name: x\r\nregions: [A]\r\nseed: \u001b[31m\r\n").startsWith("f.yaml:3:7: control character U+001B"));
    }

    // ---------------------------------------------------------------- YAML bombs, long values, sizes

    @Test
    void nestingAndAliasesHaveLimitsWithALine() {
        String deep = "[".repeat(30) + "]".repeat(30);
        String m = error("name: x\nregions: [A]\nparameters:\n  m:\n    p: " + deep + "\n");
        assertTrue(m.startsWith("f.yaml:5:") && m.contains("nested more than 20 levels deep (the limit)"), m);
        StringBuilder bomb = new StringBuilder("name: x\nregions: [A]\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 8; i++) bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n");
        m = error(bomb.toString());
        assertTrue(m.startsWith("f.yaml:6:") && m.contains("more than 20 aliases (the limit)"), m);
    }

    /**
     * Seconds of CPU time the current thread spends in {@code task}: what the parser costs, whatever else the
     * (shared, 2-core) machine is doing. Wall time is bounded too, generously, so a hang still fails.
     */
    private static <T> double cpuSeconds(ThrowingSupplier<T> task) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            long t0 = bean.getCurrentThreadCpuTime();
            task.get();
            return (bean.getCurrentThreadCpuTime() - t0) / 1e9;
        });
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Throwable;
    }

    @Test
    void aLongScalarIsRefusedQuickly() {
        String eight = "name: x\nregions: [A]\ndescription: " + "a".repeat(8 * 1024 * 1024) + "\n";
        String three = "name: x\nregions: [A]\ndescription: " + "a".repeat(3 * 1024 * 1024) + "\n";
        double cpu = cpuSeconds(() -> {
            String m = error(eight);
            assertTrue(m.contains("over the limit of 4 MiB"), m);
            m = error(three);
            assertTrue(m.startsWith("f.yaml:3:14: a value of more than 16384 characters without a space (the limit)"), m);
            return m;
        });
        assertTrue(cpu < 2, cpu + " s");
    }

    @Test
    void aLargeButNormalFileParsesInLinearTime() {
        String words = "name: x\nregions: [A]\ndescription: " + "word ".repeat(200_000) + "\n";
        cpuSeconds(() -> ScenarioParser.parse(words, "f.yaml")); // warm up
        double one = cpuSeconds(() -> ScenarioParser.parse(words, "f.yaml"));
        assertTrue(one < 2, "1 MB of words: " + one + " s");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedNamingIt() throws Exception {
        Path big = file(("name: x\nregions: [A]\n" + "# comment line\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8));
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(big)).getMessage();
        assertEquals(big + ": larger than the limit of 4 MiB for a scenario file; use a smaller file", m);
    }

    // ---------------------------------------------------------------- extends

    @Test
    void aLongChainOfExtendsIsTooDeepAndALoopIsALoop() {
        ScenarioParser.ParentResolver chain = (n, of) -> {
            int i = Integer.parseInt(n.substring(1));
            return Optional.of(new ScenarioParser.Source("name: " + n + "\n" + (i < 30 ? "extends: s" + (i + 1) + "\n" : "regions: [A]\n"), n + ".yaml"));
        };
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("name: s0\nextends: s1\n", "s0.yaml", chain)).getMessage();
        assertTrue(m.contains("extends goes too deep (limit 16): s1 -> s2 -> s3") && m.contains("-> s16 -> s17"), m);
        assertTrue(!m.contains("loop"), m);
        ScenarioParser.ParentResolver loop = (n, of) -> Optional.of(new ScenarioParser.Source(
                "name: " + n + "\nextends: " + (n.equals("a") ? "b" : "a") + "\n", n + ".yaml"));
        m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse("name: a\nextends: b\n", "a0.yaml", loop)).getMessage();
        assertTrue(m.contains("scenarios extend each other in a loop: b -> a -> b"), m);
        ScenarioParser.ParentResolver sixteen = (n, of) -> {
            int i = Integer.parseInt(n.substring(1));
            return Optional.of(new ScenarioParser.Source("name: " + n + "\n" + (i < 16 ? "extends: s" + (i + 1) + "\n" : "regions: [A]\n"), n + ".yaml"));
        };
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ScenarioParser.parse("name: s0\nextends: s1\n", "s0.yaml", sixteen));
    }

    // ---------------------------------------------------------------- regions

    private static String regions(int n) {
        return IntStream.range(0, n).mapToObj(i -> "Region " + i).collect(Collectors.joining(", ", "[", "]"));
    }

    @Test
    void regionsHaveALimit() {
        String m = error("name: x\nregions: " + regions(1001) + "\n");
        assertTrue(m.startsWith("f.yaml:2:10: 1001 regions, over the limit of 1000"), m);
        String many = "name: x\nregions: " + regions(20_000) + "\n";
        double cpu = cpuSeconds(() -> {
            String e = error(many);
            assertTrue(e.contains("over the limit of 1000"), e);
            return e;
        });
        assertTrue(cpu < 2, "20,000 regions refused in " + cpu + " s");
    }

    @Test
    void athousandRegionsParseQuickly() {
        String perRegion = IntStream.range(0, 1000).mapToObj(i -> "Region " + i + ": {2024: " + i + ", 2050: 1}")
                .collect(Collectors.joining(", ", "{", ", \"*\": 0}"));
        String text = "name: x\nregions: " + regions(1000) + "\nparameters:\n  m:\n    p: " + perRegion + "\n    q: " + perRegion + "\n";
        cpuSeconds(() -> ScenarioParser.parse(text, "f.yaml")); // warm up
        Scenario[] s = new Scenario[1];
        double cpu = cpuSeconds(() -> s[0] = ScenarioParser.parse(text, "f.yaml"));
        assertEquals(1000, s[0].regions().size());
        assertTrue(cpu < 0.5, "1,000 regions and two per-region values of 1,000 trajectories: " + cpu + " s");
    }
}
