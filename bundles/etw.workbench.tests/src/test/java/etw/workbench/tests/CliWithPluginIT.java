package etw.workbench.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14's "done when": {@code etw run baseline}, run as a user runs it from the built distribution, gives the
 * same numbers with a heat-pump plugin in {@code plugins/} as without it and says the plugin was not used; named
 * with {@code --with}, the plugin joins and says so.
 */
class CliWithPluginIT {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private Path home() throws IOException {
        Path dist = Path.of(System.getProperty("etw.distribution", "../../launcher/target/etw")).toAbsolutePath().normalize();
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("bin"));
        Files.copy(dist.resolve("bin/etw"), home.resolve("bin/etw"));
        Files.createSymbolicLink(home.resolve("lib"), dist.resolve("lib"));
        try (Stream<Path> files = Files.walk(dist.resolve("features"))) {
            for (Path f : files.toList()) {
                Path to = home.resolve("features").resolve(dist.resolve("features").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(home.resolve("plugins"));
        return home;
    }

    private Run etw(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/etw").toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt"), err = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "etw ended");
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aPluginInPluginsDoesNotChangeBaselineAndTheRunSaysItWasNotUsed() throws Exception {
        Path home = home();
        Run plain = etw(home, "run", "baseline", "--out", dir.resolve("plain").toString());
        assertEquals(0, plain.code(), plain.err());

        // a heat-pump plugin that declares it joins by default: still not in a canned scenario, which lists its models
        String source = TestPlugins.model("heat", "HeatPumps", "Final Energy|Electricity|Heat Pumps", "TWh/yr",
                "", "").replace("descriptor = b.build();", "descriptor = b.joinsByDefault().build();")
                .replace("ctx.set(out, r, 1.0)", "ctx.set(out, r, 500.0)");
        Path jar = TestPlugins.build(dir.resolve("build"), "heat", "HeatPumps", source);
        Files.copy(jar, home.resolve("plugins/heat.jar"));

        Run plugged = etw(home, "run", "baseline", "--out", dir.resolve("plugged").toString());
        assertEquals(0, plugged.code(), plugged.err());
        assertTrue(plugged.out().contains("\nPlugins: none\n"), plugged.out());
        assertTrue(plugged.out().contains("\nNot used: test.heat (test.heat 1.0.0)"), plugged.out());
        assertEquals(Files.readString(dir.resolve("plain/baseline.csv")), Files.readString(dir.resolve("plugged/baseline.csv")),
                "baseline's numbers are the same with the plugin installed");
        assertFalse(Files.readString(dir.resolve("plugged/baseline.manifest.json")).contains("test.heat"));

        Run with = etw(home, "run", "baseline", "--with", "test.heat", "--out", dir.resolve("with").toString());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().contains("\nPlugins: test.heat"), with.out());
        assertFalse(Files.readString(dir.resolve("plain/baseline.csv")).equals(Files.readString(dir.resolve("with/baseline.csv"))));
        assertTrue(Files.readString(dir.resolve("with/baseline.manifest.json")).contains("test.heat"));
    }
}
