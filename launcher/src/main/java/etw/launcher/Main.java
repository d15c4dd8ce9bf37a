package etw.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The {@code etw} command: boots an embedded Felix with the distribution's features and plugins, hands the
 * arguments to the command-line bundle, and exits with its code.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("etw.home", ".")).toAbsolutePath().normalize();
        Path cache = null;
        int code;
        try {
            cache = Files.createTempDirectory("etw-felix-");
            try (Runtime runtime = Runtime.start(home, cache, System.err)) {
                code = runtime.runCommand(args);
            }
        } catch (LaunchException e) {
            System.err.println("etw: " + e.getMessage());
            code = 3;
        } catch (IOException e) {
            System.err.println("etw: cannot create a framework cache directory: " + e.getMessage());
            code = 3;
        } finally {
            deleteQuietly(cache);
        }
        System.exit(code);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
