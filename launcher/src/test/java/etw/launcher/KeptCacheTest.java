package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot commands keep their framework cache in a slot ({@link Caches.Slot}) so the next command finds its
 * bundles installed. Reuse must never show a stale bundle: a changed feature jar, a removed plugin or a damaged
 * cache gives what a fresh start gives.
 */
class KeptCacheTest {
    private static final List<String> FEATURES = List.of("core");

    @TempDir
    Path dir;
    private Path home;
    private Caches caches;

    @BeforeEach
    void setUp() throws Exception {
        home = dir.resolve("home");
        Files.createDirectories(home.resolve("features/core"));
        Files.createDirectories(home.resolve("plugins"));
        jar("acme.a", "1.0.0");
        TestJars.write(home.resolve("features/core/acme.b.jar"), TestJars.bundle("acme.b"), Map.of());
        System.setProperty("etw.cache", dir.resolve("cache").toString());
        try {
            caches = Caches.locate();
        } finally {
            System.clearProperty("etw.cache");
        }
    }

    private void jar(String name, String version) throws Exception {
        Path file = home.resolve("features/core/" + name + ".jar");
        TestJars.write(file, TestJars.bundle(name, "Bundle-Version", version), Map.of());
        // a rebuilt jar gets a new time; make sure it differs even on a coarse-grained file system
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + version.hashCode()));
    }

    private Runtime start(Caches.Slot slot) throws Exception {
        return Runtime.startKept(home, slot, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), FEATURES,
                Map.of("etw.log", dir.resolve("etw.log").toString()));
    }

    private Caches.Slot slot() throws Exception {
        return caches.keptCache(Runtime.fingerprint(home, FEATURES));
    }

    @Test
    void theSecondCommandReusesTheBundlesTheFirstInstalled() throws Exception {
        try (Caches.Slot first = slot()) {
            assertFalse(first.reusable(), "nothing is installed yet");
            try (Runtime r = start(first)) {
                assertEquals("1.0.0", r.bundleVersion("acme.a"));
            }
        }
        try (Caches.Slot second = slot()) {
            assertTrue(second.reusable(), "the same jars: the installed bundles are reused");
            assertEquals(dir.resolve("cache/felix/slot-0"), second.folder());
            try (Runtime r = start(second)) {
                assertEquals("1.0.0", r.bundleVersion("acme.a"));
                assertNotNull(r.bundleVersion("acme.b"));
            }
        }
        assertFalse(log().contains("starting afresh"), "reused, not installed again: " + log());
    }

    private String log() throws Exception {
        Path file = dir.resolve("etw.log");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void aRebuiltFeatureJarIsInstalledAfresh() throws Exception {
        try (Caches.Slot s = slot(); Runtime r = start(s)) {
            assertEquals("1.0.0", r.bundleVersion("acme.a"));
        }
        jar("acme.a", "2.0.0");
        try (Caches.Slot s = slot()) {
            assertFalse(s.reusable(), "the jar changed: its fingerprint too");
            try (Runtime r = start(s)) {
                assertEquals("2.0.0", r.bundleVersion("acme.a"), "never the bundle of the old jar");
            }
        }
        try (Caches.Slot s = slot()) {
            assertTrue(s.reusable());
        }
    }

    @Test
    void aPluginOfAnEarlierCommandIsGoneWhenItsJarIsRemoved() throws Exception {
        Path plugin = home.resolve("plugins/extra.jar");
        TestJars.write(plugin, TestJars.bundle("acme.extra"), Map.of());
        try (Caches.Slot s = slot(); Runtime r = start(s)) {
            assertEquals(List.of("extra.jar ACTIVE"), r.plugins());
        }
        Files.delete(plugin);
        try (Caches.Slot s = slot()) {
            assertTrue(s.reusable(), "plugins are not part of the kept bundles");
            try (Runtime r = start(s)) {
                assertEquals(List.of(), r.plugins());
                assertNull(r.bundleVersion("acme.extra"));
            }
        }
    }

    @Test
    void aDamagedCacheIsFilledAgain() throws Exception {
        try (Caches.Slot s = slot(); Runtime r = start(s)) {
            assertEquals("1.0.0", r.bundleVersion("acme.a"));
        }
        Path folder = dir.resolve("cache/felix/slot-0");
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) Files.writeString(f, "\0garbage");
        }
        try (Caches.Slot s = slot()) {
            assertTrue(s.reusable(), "the fingerprint matches; the damage is found at start");
            try (Runtime r = start(s)) {
                assertEquals("1.0.0", r.bundleVersion("acme.a"));
                assertNotNull(r.bundleVersion("acme.b"));
            }
        }
        assertTrue(log().contains("did not start; starting afresh"), log());
    }

    @Test
    void twoCommandsAtOnceGetTwoSlots() throws Exception {
        try (Caches.Slot a = slot(); Caches.Slot b = slot()) {
            assertNotNull(a);
            assertNotNull(b);
            assertNotEquals(a.folder(), b.folder());
        }
    }
}
