package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that reuses the remembered system packages exports exactly what a start that computed them did. */
class SystemPackagesTest {
    @TempDir
    Path dir;

    private String exports(Path cache) throws Exception {
        Files.createDirectories(dir.resolve("home/features"));
        Files.createDirectories(cache);
        try (Runtime r = Runtime.start(dir.resolve("home"), cache, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                List.of(), Map.of("etw.log", dir.resolve("etw.log").toString()))) {
            return r.systemExports();
        }
    }

    @Test
    void theRememberedListIsTheComputedOne() throws Exception {
        Path felix = dir.resolve("felix");
        String computed = exports(felix.resolve("1"));
        List<Path> kept;
        try (Stream<Path> s = Files.list(dir)) {
            kept = s.filter(p -> p.getFileName().toString().startsWith("system-packages-")).toList();
        }
        assertEquals(1, kept.size(), "the first start keeps the list");
        assertNotNull(SystemPackages.read(kept.get(0)));
        assertTrue(computed.contains("javax.xml.parsers") && computed.contains("org.osgi.service.log"), computed);
        String reused = exports(felix.resolve("2"));
        assertEquals(computed, reused, "the second start exports the same packages");
    }

    @Test
    void aDamagedListIsComputedAgain() throws Exception {
        Path felix = dir.resolve("felix");
        String computed = exports(felix.resolve("1"));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith("system-packages-")).toList())
                Files.writeString(p, "${broken");
        }
        assertEquals(computed, exports(felix.resolve("2")));
    }
}
