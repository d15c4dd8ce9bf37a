package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's launcher with a real Felix: plugins dropped into and removed from plugins/ while it runs
 * (Apache Felix FileInstall), plugins installed once for a one-shot command, and plugins that are broken in the
 * ways authors break them.
 */
class PluginsIT {
    private static final Path DIST = Path.of("target", "etw");
    private static final String DATACENTER = "etw.models.datacenter";

    @TempDir
    Path home;
    @TempDir
    Path cache;
    private Path plugins;
    private Path datacenterJar;
    private Runtime runtime;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    /** What the last command printed on standard error. */
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A home with the distribution's features, except the data-centre model, which a test drops in as a plugin. */
    @BeforeEach
    void setUp() throws Exception {
        for (String feature : Runtime.BASE_FEATURES) {
            Path to = Files.createDirectories(home.resolve("features").resolve(feature));
            try (Stream<Path> jars = Files.list(DIST.resolve("features").resolve(feature))) {
                for (Path jar : jars.toList()) {
                    if (jar.getFileName().toString().startsWith(DATACENTER)) datacenterJar = jar;
                    else Files.copy(jar, to.resolve(jar.getFileName()));
                }
            }
        }
        assertTrue(datacenterJar != null, "the models feature has the data-centre bundle");
        plugins = Files.createDirectories(home.resolve("plugins"));
        runtime = Runtime.start(home, cache, new PrintStream(log, true, StandardCharsets.UTF_8), Runtime.BASE_FEATURES,
                Map.of("etw.log", home.resolve("etw.log").toString()), 100);
    }

    @AfterEach
    void tearDown() {
        runtime.close();
    }

    /** Runs a command in the running framework and returns what it printed on standard output. */
    private String etw(int expectedCode, String... args) throws Exception {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        err.reset();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(expectedCode, runtime.runCommand(args), String.join(" ", args) + "\n" + err + "\n" + log);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private long waitUntilModels(boolean contains, String text) throws Exception {
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < 10_000_000_000L) {
            if (etw(0, "models").contains(text) == contains) return (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(50);
        }
        throw new AssertionError("etw models " + (contains ? "never showed " : "kept showing ") + text + "\n" + log);
    }

    @Test
    void aDroppedJarIsInstalledAndARemovedOneTakesItsModelsAway() throws Exception {
        assertTrue(!etw(0, "models").contains(DATACENTER + ":"));
        Files.copy(datacenterJar, plugins.resolve("datacenter.jar"));
        long shown = waitUntilModels(true, DATACENTER + ":");
        System.out.println("plugin visible in etw models after " + shown + " ms");
        etw(0, "run", "baseline", "--out", home.resolve("out").toString());

        Files.delete(plugins.resolve("datacenter.jar"));
        long gone = waitUntilModels(false, DATACENTER + ":");
        System.out.println("plugin gone from etw models after " + gone + " ms");
        etw(2, "run", "baseline", "--out", home.resolve("out").toString());
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("'etw.models.datacenter'") && message.contains("not installed"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void brokenPluginsAreNamedWithTheReasonAndEverythingElseRuns() throws Exception {
        Files.writeString(plugins.resolve("notes.jar"), "this is not a jar");
        writeJar(plugins.resolve("plain-library.jar"), Map.of("Created-By", "someone"));
        writeJar(plugins.resolve("unresolvable.jar"), Map.of("Bundle-ManifestVersion", "2",
                "Bundle-SymbolicName", "org.example.unresolvable", "Import-Package", "com.example.nowhere"));
        long t0 = System.nanoTime();
        String models;
        do {
            Thread.sleep(100);
            models = etw(0, "models");
        } while (!(models.contains("unresolvable.jar") && log.toString(StandardCharsets.UTF_8).contains("unresolvable.jar did not start"))
                && System.nanoTime() - t0 < 10_000_000_000L);
        assertTrue(models.contains("plugins/notes.jar: is not a readable jar"), models);
        assertTrue(models.contains("plugins/plain-library.jar: is not an OSGi bundle (its manifest has no Bundle-SymbolicName)"), models);
        assertTrue(models.contains("plugins/unresolvable.jar: did not start:") && models.contains("com.example.nowhere"), models);
        assertTrue(models.contains("etw.models.decarbonisation:"), "the installed models carry on: " + models);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("plugin unresolvable.jar did not start"), log.toString());
        etw(0, "scenarios");

        Files.delete(plugins.resolve("notes.jar"));
        waitUntilModels(false, "notes.jar");
    }

    /** Drops a consumer and the provider of the package it imports, which sorts after it. */
    private void consumerAndLaterSortingProvider(Path dir) throws IOException {
        TestJars.write(dir.resolve("a-consumer.jar"), TestJars.bundle("org.example.consumer",
                "Import-Package", "org.example.shared;version=\"[1,2)\""), Map.of());
        TestJars.write(dir.resolve("z-provider.jar"), TestJars.bundle("org.example.provider",
                "Export-Package", "org.example.shared;version=1.0.0"), Map.of());
    }

    @Test
    void aPluginNeedingALaterSortingJarStartsWhenBothAreDroppedIn() throws Exception {
        consumerAndLaterSortingProvider(plugins);
        long t0 = System.nanoTime();
        while (!(runtime.plugins().contains("a-consumer.jar ACTIVE") && runtime.plugins().contains("z-provider.jar ACTIVE"))
                && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(50);
        assertEquals(List.of("a-consumer.jar ACTIVE", "z-provider.jar ACTIVE"), runtime.plugins(), log.toString());
        assertEquals(List.of(), runtime.problems());
    }

    @Test
    void aPluginNeedingALaterSortingJarStartsInAOneShotCommand() throws Exception {
        Path oneShotHome = Files.createDirectories(home.resolve("one-shot"));
        Files.createSymbolicLink(oneShotHome.resolve("features"), home.resolve("features"));
        consumerAndLaterSortingProvider(Files.createDirectories(oneShotHome.resolve("plugins")));
        try (Runtime once = Runtime.start(oneShotHome, Files.createDirectories(cache.resolve("one-shot")),
                new PrintStream(log, true, StandardCharsets.UTF_8), Runtime.BASE_FEATURES, Map.of())) {
            assertEquals(List.of("a-consumer.jar ACTIVE", "z-provider.jar ACTIVE"), once.plugins(), log.toString());
            assertEquals(List.of(), once.problems());
        }
    }

    @Test
    void aPluginWithAMissingImportNamesThePackage() throws Exception {
        Path oneShotHome = Files.createDirectories(home.resolve("one-shot"));
        Files.createSymbolicLink(oneShotHome.resolve("features"), home.resolve("features"));
        TestJars.write(Files.createDirectories(oneShotHome.resolve("plugins")).resolve("lonely.jar"),
                TestJars.bundle("org.example.lonely", "Import-Package", "com.example.nowhere"), Map.of());
        try (Runtime once = Runtime.start(oneShotHome, Files.createDirectories(cache.resolve("one-shot")),
                new PrintStream(log, true, StandardCharsets.UTF_8), Runtime.BASE_FEATURES, Map.of())) {
            assertEquals(List.of("plugins/lonely.jar: did not start: it needs package com.example.nowhere, which no installed "
                    + "bundle provides (add the jar that has it to plugins/)"), once.problems());
        }
    }

    @Test
    void aPluginWhoseActivatorThrowsDidNotStartWithTheAuthorsMessage() throws Exception {
        Path oneShotHome = Files.createDirectories(home.resolve("one-shot"));
        Files.createSymbolicLink(oneShotHome.resolve("features"), home.resolve("features"));
        TestJars.activator(Files.createDirectories(oneShotHome.resolve("plugins")).resolve("thrower.jar"), "org.example.thrower",
                "throw", "no database at db.example.org");
        try (Runtime once = Runtime.start(oneShotHome, Files.createDirectories(cache.resolve("one-shot")),
                new PrintStream(log, true, StandardCharsets.UTF_8), Runtime.BASE_FEATURES, Map.of())) {
            assertEquals(List.of("plugins/thrower.jar: did not start: IllegalStateException: no database at db.example.org"),
                    once.problems());
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains(
                "etw: warning: plugin thrower.jar did not start: IllegalStateException: no database at db.example.org"), log.toString());
        assertTrue(!log.toString(StandardCharsets.UTF_8).contains("\tat "), log.toString());
    }

    @Test
    void aPluginCallingSystemExitIsRefusedWithItsReason() throws Exception {
        TestJars.write(plugins.resolve("quitter.jar"), TestJars.bundle("org.example.quitter"),
                Map.of("org/example/quitter/Quitter.class", TestJars.quitter("org/example/quitter/Quitter")));
        long t0 = System.nanoTime();
        while (runtime.problems().isEmpty() && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(50);
        assertEquals(List.of("plugins/quitter.jar: refused: it would stop the whole application (System.exit in "
                + "org.example.quitter.Quitter.quit); a plugin must throw an exception instead of exiting"), runtime.problems());
        assertEquals(List.of(), runtime.plugins(), "never installed");
        assertTrue(etw(0, "models").contains("plugins/quitter.jar: refused"));
    }

    @Test
    void aComponentThatFailsToActivateIsOneLineNamingThePluginAndTheStackTraceGoesToTheLog() throws Exception {
        TestJars.failingComponent(plugins.resolve("acme.jar"), "acme.Model", "no licence for the acme model");
        String expected = "plugins/acme.jar: component acme.Model failed to activate: IllegalStateException: no licence for the acme model";
        long t0 = System.nanoTime();
        while (!runtime.problems().contains(expected) && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(50);
        assertEquals(List.of(expected), runtime.problems(), log.toString());
        String console = log.toString(StandardCharsets.UTF_8);
        assertTrue(console.contains("etw: plugin acme.jar: component acme.Model failed to activate: IllegalStateException: "
                + "no licence for the acme model; details in " + home.resolve("etw.log")), console);
        assertTrue(!console.contains("\tat "), "no stack trace on the console: " + console);
        String file = Files.readString(home.resolve("etw.log"));
        assertTrue(file.contains("no licence for the acme model") && file.contains("\tat "), file);

        Files.delete(plugins.resolve("acme.jar"));
        t0 = System.nanoTime();
        while (!runtime.problems().isEmpty() && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(50);
        assertEquals(List.of(), runtime.problems(), "gone with its jar");
    }

    @Test
    void aCopyOfADistributionBundleIsRefusedAndDeletingItLeavesTheDistributionAlone() throws Exception {
        Path renewables;
        try (Stream<Path> jars = Files.list(home.resolve("features").resolve("models"))) {
            renewables = jars.filter(j -> j.getFileName().toString().startsWith("etw.models.renewables")).findFirst().orElseThrow();
        }
        Files.copy(renewables, plugins.resolve("renewables-copy.jar"));
        long t0 = System.nanoTime();
        while (runtime.problems().isEmpty() && System.nanoTime() - t0 < 10_000_000_000L) Thread.sleep(50);
        assertEquals(1, runtime.problems().size(), runtime.problems().toString());
        assertTrue(runtime.problems().get(0).startsWith("plugins/renewables-copy.jar: not installed: bundle etw.models.renewables "),
                runtime.problems().toString());
        assertTrue(runtime.problems().get(0).contains("is already installed from the distribution"), runtime.problems().toString());
        Files.delete(plugins.resolve("renewables-copy.jar"));
        Thread.sleep(500);
        assertTrue(etw(0, "models").contains("etw.models.renewables:"));
        assertEquals(List.of(), runtime.problems());
    }

    private static void writeJar(Path file, Map<String, String> headers) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> m.getMainAttributes().putValue(k, v));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
    }
}
