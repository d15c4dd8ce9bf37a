package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.distribution.testsupport.EtwProcesses;

/**
 * The built distribution run as a user runs it: {@code bin/etw} as a process, with its own home (the
 * distribution's lib/ and features/, an empty plugins/) and its own cache folder ({@code ETW_CACHE}).
 */
class DistributionIT {
    /** The distribution under test; ETW_TEST_DIST may name another build of it (to show a test fails on it). */
    private static final Path DIST = Path.of(System.getenv().getOrDefault("ETW_TEST_DIST", "target/etw")).toAbsolutePath();
    private static final long MINUTE_MS = 60_000;

    @TempDir
    Path home;
    @TempDir
    Path cacheDir;
    @TempDir
    Path work;
    private EtwProcesses etw;

    record Result(int code, String out, String err, long millis) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeEach
    void home() throws IOException {
        EtwProcesses.home(DIST, home);
        etw = new EtwProcesses(DIST, work);
    }

    @AfterEach
    void stopLeftovers() {
        etw.close();
    }

    private Process start(List<String> env, String... args) throws IOException {
        ProcessBuilder pb = etw.command(home, cacheDir, List.of(args))
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
        for (int i = 0; i < env.size(); i += 2) pb.environment().put(env.get(i), env.get(i + 1));
        return etw.start(pb);
    }

    private Result finish(Process p, long t0) throws Exception {
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "etw did not end");
        String err = Files.readString(work.resolve("err.txt"));
        Path log = cacheDir.resolve("etw.log");
        if (p.exitValue() == 3 && Files.exists(log)) System.out.println("etw exited with 3; its log:\n" + Files.readString(log));
        return new Result(p.exitValue(), Files.readString(work.resolve("out.txt")), err, (System.nanoTime() - t0) / 1_000_000);
    }

    private Result etw(String... args) throws Exception {
        long t0 = System.nanoTime();
        return finish(start(List.of(), args), t0);
    }

    private void waitForOutput(Process p, String text) throws Exception {
        long t0 = System.currentTimeMillis();
        while (!Files.readString(work.resolve("out.txt")).contains(text)) {
            assertTrue(p.isAlive(), "etw ended before printing " + text + ": " + Files.readString(work.resolve("err.txt")));
            assertTrue(System.currentTimeMillis() - t0 < MINUTE_MS, "etw never printed " + text);
            Thread.sleep(50);
        }
    }

    private static void signal(Process p, String signal) throws Exception {
        assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor());
    }

    /**
     * The throw-away framework caches (and locks) in the cache folder: one per running workbench or node, or per
     * one-shot command that found every kept slot ({@code felix/slot-N}, see {@link Caches.Slot}) in use.
     */
    private List<String> cacheFolders() throws IOException {
        Path felix = cacheDir.resolve("felix");
        if (!Files.isDirectory(felix)) return List.of();
        try (Stream<Path> s = Files.list(felix)) {
            return s.map(f -> f.getFileName().toString()).filter(n -> !n.startsWith("slot-")).sorted().toList();
        }
    }

    /** A slow command: an ensemble long enough to be interrupted. */
    private Process slowEnsemble() throws Exception {
        TestJars.activator(home.resolve("plugins").resolve("ready.jar"), "org.example.ready", "print", "READY-FOR-SIGNALS");
        Process p = start(List.of(), "ensemble", "baseline", "--samples", "50000", "--out", work.resolve("out").toString());
        waitForOutput(p, "READY-FOR-SIGNALS");
        Thread.sleep(300); // the command is running now
        return p;
    }

    @Test
    void sigintDuringARunExitsWith130AndSaysSo() throws Exception {
        long t0 = System.nanoTime();
        Process p = slowEnsemble();
        signal(p, "INT");
        Result r = finish(p, t0);
        assertEquals(130, r.code(), r.err());
        assertTrue(r.err().contains("etw: stopped by Ctrl-C (SIGINT) before the command finished"), r.err());
        assertFalse(Files.exists(work.resolve("out").resolve("baseline.ensemble.csv")));
        assertEquals(List.of(), cacheFolders(), "no throw-away framework cache is left");
    }

    @Test
    void aPluginThatExitsBeforeTheCommandFinishesNeverGivesExitZero() throws Exception {
        TestJars.activator(home.resolve("plugins").resolve("exiter.jar"), "org.example.exiter", "exit", null);
        Result r = etw("run", "baseline", "--out", work.resolve("out").toString());
        assertEquals(Main.EXIT_UNFINISHED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("etw: the command was stopped before it finished (org.example.exiter.Activator called "
                + "System.exit); nothing it did can be trusted"), r.err());
        assertFalse(Files.exists(work.resolve("out").resolve("baseline.csv")));
    }

    @Test
    void aPluginCallingSystemExitDirectlyIsNotInstalled() throws Exception {
        TestJars.write(home.resolve("plugins").resolve("quitter.jar"), TestJars.bundle("org.example.quitter"),
                java.util.Map.of("org/example/quitter/Quitter.class", TestJars.quitter("org/example/quitter/Quitter")));
        Result r = etw("models");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("plugins/quitter.jar: refused: it would stop the whole application (System.exit in "
                + "org.example.quitter.Quitter.quit)"), r.out());
    }

    @Test
    void aComponentThatFailsToActivateIsOneLineOnStderrAndItsStackTraceIsInTheLog() throws Exception {
        TestJars.failingComponent(home.resolve("plugins").resolve("acme.jar"), "acme.Model", "no licence for the acme model");
        Result r = etw("models");
        assertEquals(0, r.code(), r.err());
        Path log = cacheDir.resolve("etw.log");
        List<String> failures = r.errLines().stream().filter(l -> l.contains("acme.Model")).toList();
        assertEquals(List.of("etw: plugin acme.jar: component acme.Model failed to activate: IllegalStateException: "
                + "no licence for the acme model; details in " + log), failures, r.err());
        assertTrue(r.errLines().stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception:") && !l.startsWith("etw: ")),
                "no stack trace on stderr:\n" + r.err());
        String details = Files.readString(log);
        assertTrue(details.contains("IllegalStateException: no licence for the acme model") && details.contains("\tat "), details);
        assertTrue(r.out().contains("plugins/acme.jar: component acme.Model failed to activate"), r.out());
    }

    @Test
    void cacheFoldersOfKilledRunsAreRemovedByTheNextRun() throws Exception {
        long t0 = System.nanoTime();
        Process killed = slowEnsemble(); // a one-shot command: it runs in a kept slot, which kill -9 leaves as it is
        signal(killed, "KILL");
        assertEquals(137, finish(killed, t0).code());

        Process dead = new ProcessBuilder("true").start(); // as a workbench killed with -9 leaves its folder
        dead.waitFor();
        Path stale = Files.createDirectories(cacheDir.resolve("felix").resolve(Long.toString(dead.pid())).resolve("bundle0"));
        Files.writeString(stale.resolve("bundle.info"), "left by a run that was killed");
        assertTrue(cacheFolders().contains(Long.toString(dead.pid())));

        Files.delete(home.resolve("plugins").resolve("ready.jar"));
        Result r = etw("scenarios");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of(), cacheFolders(), "the next run removed the folders of dead processes");
        assertTrue(Files.isRegularFile(cacheDir.resolve("felix/slot-0.bundles")), "and reused or refilled the killed run's slot");
        r = etw("run", "baseline", "--out", work.resolve("after-kill").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(work.resolve("after-kill").resolve("baseline.csv")));
        assertFalse(r.err().contains("ready"), "the plugin removed after the kill is gone: " + r.err());
    }

    @Test
    void aCacheFolderWhoseLockIsHeldIsKeptEvenIfItsPidLooksDead() throws Exception {
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        String pid = Long.toString(dead.pid()); // as a process of another PID namespace (a container) would look
        Files.createDirectories(cacheDir.resolve("felix").resolve(pid));
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(cacheDir.resolve("felix").resolve(pid + ".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock lock = channel.lock()) {
            assertEquals(0, etw("scenarios").code());
            assertEquals(List.of(pid, pid + ".lock"), cacheFolders(), "in use: kept");
        }
        assertEquals(0, etw("scenarios").code());
        assertEquals(List.of(), cacheFolders(), "its lock is free: removed");
    }

    @Test
    void aBusyPortIsOneLineAndExitCode3WithinAboutASecond() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = busy.getLocalPort();
            Result r = etw("workbench", "--port", Integer.toString(port));
            assertEquals(3, r.code(), r.err());
            assertEquals(List.of("etw: port " + port + " is in use; choose another with --port"), r.errLines());
            assertTrue(r.millis() < 8_000, "took " + r.millis() + " ms (Jetty's own failure took over 10 s)");
            System.out.println("busy port reported after " + r.millis() + " ms");
        }
    }

    @Test
    void theWorkspaceOptionIsTakenOutBeforeTheCommandRuns() throws Exception {
        Result r = etw("--workspace", work.resolve("ws").toString(), "scenarios");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("baseline"), r.out());
        r = etw("scenarios", "--workspace=" + work.resolve("ws"));
        assertEquals(0, r.code(), r.err());
        r = etw("--workspace");
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of("etw: --workspace needs a folder: etw --workspace DIR <command> ..."), r.errLines());
    }

    @Test
    void theWorkbenchLeavesTheHomeAloneAndItsCacheGoesWithIt() throws Exception {
        Process p = start(List.of(), "workbench", "--port", "0");
        waitForOutput(p, "ETW workbench at");
        assertFalse(Files.exists(home.resolve("scenarios")), "the workspace is <cwd>/scenarios or --workspace, not the home");
        assertEquals(List.of(Long.toString(p.pid()), p.pid() + ".lock"), cacheFolders());
        signal(p, "TERM");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(List.of(), cacheFolders());
    }

    @Test
    void theScriptBoundsTheHeapAndEtwJavaOptsComeLast() throws Exception {
        Path fakeJava = work.resolve("fake-java");
        Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        long t0 = System.nanoTime();
        Result r = finish(start(List.of("ETW_JAVA", fakeJava.toString()), "run", "baseline"), t0);
        assertTrue(r.out().contains("-Xmx2g") && r.out().contains("-XX:TieredStopAtLevel=1"), r.out());
        t0 = System.nanoTime();
        r = finish(start(List.of("ETW_JAVA", fakeJava.toString()), "ensemble", "baseline"), t0);
        assertFalse(r.out().contains("TieredStopAtLevel"), "a long-running command gets the optimising compiler: " + r.out());
        assertFalse(r.out().contains("SharedArchiveFile"), "another java than the one that wrote lib/etw.jsa starts without it: "
                + r.out());
        t0 = System.nanoTime();
        r = finish(start(List.of("ETW_JAVA", fakeJava.toString(), "ETW_JAVA_OPTS", "-Xmx6g"), "run", "baseline"), t0);
        assertTrue(r.out().indexOf("-Xmx6g") > r.out().indexOf("-Xmx2g"), "the user's bound wins: " + r.out());
    }
}
