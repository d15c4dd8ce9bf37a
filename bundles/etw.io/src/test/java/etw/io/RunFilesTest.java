package etw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;

class RunFilesTest {
    /** A result of scenario {@code name} whose values and manifest both say which variant it is. */
    static Result result(String name, String variant, double value) {
        Scenario s = Scenario.builder(name).regions(List.of("World", "China")).years(2024, 2100).build();
        List<Result.VariableInfo> vars = new ArrayList<>();
        double[][] values = new double[40][];
        for (int v = 0; v < values.length; v++) {
            vars.add(new Result.VariableInfo(String.format("Final Energy|Electricity|V%02d", v), "TWh/yr", "m"));
            values[v] = new double[2 * s.yearCount()];
            java.util.Arrays.fill(values[v], value + v);
        }
        return new Result(s, vars, values, new RunManifest("run-" + variant, name, "sha-" + variant,
                Map.of("scenarios/" + name + ".yaml", "f00d"), Map.of("b", "1.0"),
                Map.of("m", "b"), List.of("plugin.x (b 1.0)"), Map.of("m/variant", variant), 1, "now",
                List.of("plugin.y left out: unit \"mW\" unknown")));
    }

    @Test
    void csvAndManifestArePairedByTheCsvHashAndRunId(@TempDir Path dir) throws Exception {
        RunFiles.Written w = RunFiles.write(result("pair", "a", 1), dir);
        assertEquals(dir.resolve("pair.csv"), w.csv());
        assertEquals(dir.resolve("pair.manifest.json"), w.manifest());
        assertEquals(sha(w.csv()), w.csvSha256());
        String json = Files.readString(w.manifest());
        assertTrue(json.contains("\"runId\": \"run-a\""), json);
        assertTrue(json.contains("\"csvSha256\": \"" + sha(w.csv()) + "\""), json);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(".pair.lock", "pair.csv", "pair.manifest.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    @Test
    void aNameOutsideTheRuleWritesNothing(@TempDir Path dir) throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String bad : List.of("../x", "/tmp/etw-abs", "", "\u001b[31mred"))
            assertThrows(IllegalArgumentException.class, () -> RunFiles.write(result(bad, "a", 1), out), bad);
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(dir, out), files.toList());
        }
        assertFalse(Files.exists(Path.of("/tmp/etw-abs.csv")));
    }

    @Test
    void nanIsNeverWritten(@TempDir Path dir) throws Exception {
        Result r = result("nan", "a", 1);
        double[] series = r.series(3, 1);
        assertEquals(4.0, series[0]);
        Result bad = new Result(r.scenario(), r.variables(), poison(r, 3, 1, 2030), r.manifest());
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> RunFiles.write(bad, dir));
        assertEquals("Final Energy|Electricity|V03", e.variable());
        assertEquals("China", e.region());
        assertEquals(2030, e.year());
        assertTrue(e.getMessage().contains("NaN for Final Energy|Electricity|V03 in China, 2030"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(p -> !p.getFileName().toString().endsWith(".lock")).count(), "nothing written");
        }
    }

    private static double[][] poison(Result r, int v, int region, int year) {
        double[][] values = new double[r.variables().size()][];
        for (int i = 0; i < values.length; i++) {
            double[] all = new double[r.regions().size() * r.scenario().yearCount()];
            for (int k = 0; k < r.regions().size(); k++)
                System.arraycopy(r.series(i, k), 0, all, k * r.scenario().yearCount(), r.scenario().yearCount());
            values[i] = all;
        }
        values[v][region * r.scenario().yearCount() + (year - r.firstYear())] = Double.NaN;
        return values;
    }

    @Test
    void staleTemporaryFilesOfDeadProcessesAreRemovedAndLiveOnesKept(@TempDir Path dir) throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long dead = p.pid();
        Path stale = Files.writeString(dir.resolve(".pair.csv." + dead + ".0123456789abcdef.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".pair.csv." + ProcessHandle.current().pid() + ".0123456789abcdef.tmp"), "busy");
        Path legacy = Files.writeString(dir.resolve("pair.csv.tmp"), "old");
        Files.setLastModifiedTime(legacy, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path notOurs = Files.writeString(dir.resolve("notes.tmp"), "user's");
        RunFiles.write(result("pair", "a", 1), dir);
        assertFalse(Files.exists(stale), "a dead process's temporary file is removed");
        assertFalse(Files.exists(legacy), "an old shared temporary file is removed");
        assertTrue(Files.exists(live), "a live process's temporary file is kept");
        assertTrue(Files.exists(notOurs), "other files are kept");
    }

    /**
     * Ten writers at once, two variants of one name, ten rounds: no write fails, and the pair left is always one
     * run's CSV with that run's manifest.
     */
    @Test
    void concurrentWritersNeverFailAndNeverLeaveAMixedPair(@TempDir Path dir) throws Exception {
        Result a = result("pair", "a", 1);
        Result b = result("pair", "b", 1000);
        Pattern variant = Pattern.compile("\"m/variant\": \"([ab])\"");
        Pattern recorded = Pattern.compile("\"csvSha256\": \"([0-9a-f]{64})\"");
        int failures = 0;
        int mixed = 0;
        for (int round = 0; round < 10; round++) {
            CountDownLatch start = new CountDownLatch(1);
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Result r = i % 2 == 0 ? a : b;
                Thread t = new Thread(() -> {
                    try {
                        start.await();
                        RunFiles.write(r, dir);
                    } catch (Throwable e) {
                        errors.add(e);
                    }
                });
                t.start();
                threads.add(t);
            }
            start.countDown();
            for (Thread t : threads) t.join();
            failures += errors.size();
            String json = Files.readString(dir.resolve("pair.manifest.json"));
            String csv = Files.readString(dir.resolve("pair.csv"));
            Matcher v = variant.matcher(json);
            Matcher h = recorded.matcher(json);
            assertTrue(v.find() && h.find(), json);
            boolean csvIsA = csv.contains(",1.0,1.0,");
            if (!h.group(1).equals(sha(dir.resolve("pair.csv"))) || csvIsA != v.group(1).equals("a")) mixed++;
        }
        assertEquals(0, failures, "failed writes");
        assertEquals(0, mixed, "mixed pairs");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".tmp")).count(), "temporary files left");
        }
    }

    static String sha(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
