package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.distribution.testsupport.EtwProcesses;

/**
 * The daemon as a user meets it: {@code bin/etw} processes with {@code ETW_DAEMON=on}. The first short command
 * runs in its own process and starts the daemon; the next ones run in it, in the user's own folder, with the same
 * output, files and exit codes as a command in its own process; a plugin change retires it.
 */
class DaemonIT {
    private static final Path DIST = Path.of(System.getenv().getOrDefault("ETW_TEST_DIST", "target/etw")).toAbsolutePath();
    private static final String STARTED = "started a background process (a daemon)";

    @TempDir
    Path home;
    @TempDir
    Path work;
    /** Under /tmp: a Unix socket's path has at most about 100 bytes. */
    private Path cache;
    private EtwProcesses etw;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void home() throws IOException {
        EtwProcesses.home(DIST, home);
        etw = new EtwProcesses(DIST, work);
        cache = Files.createTempDirectory(Path.of("/tmp"), "etwd");
    }

    @AfterEach
    void stop() throws Exception {
        etw("on", work, "daemon", "stop");
        etw.close();
        Caches.deleteQuietly(cache);
    }

    private Result etw(String daemon, Path cwd, String... args) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        ProcessBuilder pb = etw.command(home, cache, List.of(args)).directory(cwd.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("ETW_DAEMON", daemon);
        pb.environment().remove("CI");
        Process p = etw.start(pb);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "etw did not end");
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Output without the run's duration, the one thing two runs may print differently. */
    private static String untimed(String out) {
        return out.replaceAll("run in [0-9.,]+ m?s", "run in (time)");
    }

    private Path socket() throws IOException {
        try (Stream<Path> s = Files.list(cache.resolve("daemon"))) {
            return s.filter(p -> p.toString().endsWith(".sock")).findFirst().orElse(null);
        }
    }

    /** Waits for the daemon's socket: it boots the framework and warms up in the background. */
    private Path awaitDaemon() throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < end) {
            if (Files.isDirectory(cache.resolve("daemon")) && socket() != null) return socket();
            Thread.sleep(200);
        }
        throw new AssertionError("the daemon did not come up; its log:\n" + logs());
    }

    private String logs() throws IOException {
        StringBuilder b = new StringBuilder();
        if (!Files.isDirectory(cache.resolve("daemon"))) return "(no daemon folder)";
        try (Stream<Path> s = Files.list(cache.resolve("daemon"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".log")).toList()) b.append(Files.readString(p));
        }
        return b.toString();
    }

    private int served() throws Exception {
        Result status = etw("on", work, "daemon", "status");
        var m = java.util.regex.Pattern.compile("(\\d+) command\\(s\\) served").matcher(status.out());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    @Test
    void commandsInTheDaemonGiveWhatTheirOwnProcessGivesInTheUsersFolder() throws Exception {
        Result first = etw("on", work, "scenarios");
        assertEquals(0, first.code(), first.err());
        assertTrue(first.err().contains(STARTED), first.err());
        awaitDaemon();
        assertEquals(0, served(), "warming up is not serving");

        Result listed = etw("on", work, "scenarios");
        assertEquals(0, listed.code(), listed.err());
        assertEquals(first.out(), listed.out());
        assertFalse(listed.err().contains(STARTED), listed.err());

        // relative paths are the user's: --out, a scenario file and the workspace, from another folder
        Path elsewhere = Files.createDirectories(work.resolve("class").resolve("group-1"));
        Files.writeString(elsewhere.resolve("mine.yaml"), "name: mine\nextends: baseline\n");
        Result inDaemon = etw("on", elsewhere, "run", "mine.yaml", "--out", "out");
        assertEquals(0, inDaemon.code(), inDaemon.err());
        Result own = etw("off", elsewhere, "run", "mine.yaml", "--out", "own");
        assertEquals(0, own.code(), own.err());
        assertEquals(untimed(own.out().replace("own/", "out/")), untimed(inDaemon.out()));
        assertArrayEquals(Files.readAllBytes(elsewhere.resolve("own").resolve("mine.csv")),
                Files.readAllBytes(elsewhere.resolve("out").resolve("mine.csv")), "the same numbers, bit for bit");
        assertTrue(served() >= 2, "the commands ran in the daemon");

        Result saved = etw("on", elsewhere, "--workspace", "ws", "scenarios");
        assertEquals(0, saved.code(), saved.err());
        Files.createDirectories(elsewhere.resolve("ws"));
        Files.writeString(elsewhere.resolve("ws").resolve("variant.yaml"), "name: variant\nextends: ai-boom\n");
        saved = etw("on", elsewhere, "--workspace", "ws", "scenarios");
        assertTrue(saved.out().contains("variant"), saved.out());

        // exit codes and messages are those of the command
        Result wrong = etw("on", work, "run", "no-such-scenario");
        Result wrongOwn = etw("off", work, "run", "no-such-scenario");
        assertEquals(wrongOwn.code(), wrong.code());
        assertEquals(wrongOwn.err(), wrong.err());
        Result typo = etw("on", work, "run", "baseline", "--set", "etw.models.datacenter.peu=1.2");
        assertEquals(etw("off", work, "run", "baseline", "--set", "etw.models.datacenter.peu=1.2").err(), typo.err());
        assertTrue(typo.code() != 0);
    }

    @Test
    void aChangedPluginRetiresTheDaemonAndTheCommandRunsInItsOwnProcess() throws Exception {
        etw("on", work, "models");
        Path socket = awaitDaemon();
        TestJars.write(home.resolve("plugins").resolve("example.plugin.jar"), TestJars.bundle("org.example.plugin"), java.util.Map.of());
        Result r = etw("on", work, "models");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("plugin example.plugin.jar installed"), "the plugin is seen at once: " + r.err());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(socket) && System.nanoTime() < end) Thread.sleep(100);
        assertFalse(Files.exists(socket), "the stale daemon left");
        // the next daemon starts with the plugin, and every command it serves says it is there
        Path next = awaitDaemon();
        assertTrue(Files.exists(next));
        Result again = etw("on", work, "models");
        assertTrue(again.err().contains("plugin example.plugin.jar installed"), again.err());
    }

    @Test
    void aFailingPluginComponentIsReportedByEveryCommandTheDaemonServes() throws Exception {
        TestJars.failingComponent(home.resolve("plugins").resolve("acme.jar"), "acme.Model", "no licence for the acme model");
        String line = "etw: plugin acme.jar: component acme.Model failed to activate: IllegalStateException: no licence for the acme model";
        Result own = etw("on", work, "models");
        assertTrue(own.err().contains(line), own.err());
        awaitDaemon();
        for (String command : List.of("models", "scenarios")) {
            Result r = etw("on", work, command);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains(line), command + ": " + r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith(line)).count(), "once: " + r.err());
        }
        assertTrue(served() >= 2);
    }

    @Test
    void aUserWhoLeavesMidCommandLeavesTheDaemonServing() throws Exception {
        etw("on", work, "scenarios");
        awaitDaemon();
        int before = served();
        for (int i = 0; i < 3; i++) {
            ProcessBuilder pb = etw.command(home, cache, List.of("compare", "baseline", "ai-boom", "net-zero-2050"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("ETW_DAEMON", "on");
            pb.environment().remove("CI");
            Process p = etw.start(pb);
            Thread.sleep(250 + 100L * i); // the client's JVM starts, connects, and the daemon is at work
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        }
        Result after = etw("on", work, "run", "baseline", "--out", "out");
        assertEquals(0, after.code(), after.err());
        assertTrue(after.out().contains("Scenario baseline"), after.out());
        assertTrue(served() > before, "served by the daemon");
    }

    @Test
    void stopAndStatusSayWhatThereIs() throws Exception {
        Result none = etw("on", work, "daemon", "status");
        assertEquals(0, none.code());
        assertTrue(none.out().contains("no daemon is running"), none.out());
        etw("on", work, "explain", "pue");
        Path socket = awaitDaemon();
        Result status = etw("on", work, "daemon", "status");
        assertTrue(status.out().contains("running (pid"), status.out());
        Result stop = etw("on", work, "daemon", "stop");
        assertEquals(0, stop.code(), stop.err());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (Files.exists(socket) && System.nanoTime() < end) Thread.sleep(100);
        assertFalse(Files.exists(socket));
        assertTrue(etw("on", work, "daemon", "status").out().contains("no daemon is running"));
        Result off = etw("off", work, "explain", "pue");
        assertFalse(off.err().contains(STARTED), "ETW_DAEMON=off starts none");
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(cache.resolve("daemon"))) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertFalse(names.stream().anyMatch(n -> n.endsWith(".sock")), names.toString());
    }
}
