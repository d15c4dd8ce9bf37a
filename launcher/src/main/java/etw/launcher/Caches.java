package etw.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * ETW's one place for files it may throw away: {@code <base>/felix/<pid>} holds the framework cache of each
 * running {@code etw} process, and {@code <base>/etw.log} the framework log. A folder whose process is gone (it was
 * killed with -9, or the machine stopped) is deleted by the next {@code etw} that starts, so nothing piles up.
 * <p>
 * The base is {@code $ETW_CACHE} (or {@code -Detw.cache}), else {@code $XDG_CACHE_HOME/etw}, else
 * {@code ~/.cache/etw}, else {@code <java.io.tmpdir>/etw-<user>}.
 */
final class Caches {
    private final Path base;

    private Caches(Path base) {
        this.base = base;
    }

    static Caches locate() {
        String explicit = System.getProperty("etw.cache", System.getenv("ETW_CACHE"));
        if (explicit != null && !explicit.isBlank()) return new Caches(Path.of(explicit).toAbsolutePath().normalize());
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path home = Path.of(System.getProperty("user.home", ""));
        for (Path candidate : new Path[] {
                xdg != null && !xdg.isBlank() ? Path.of(xdg).resolve("etw") : null,
                home.toString().isEmpty() ? null : home.resolve(".cache").resolve("etw")}) {
            if (candidate == null) continue;
            try {
                Files.createDirectories(candidate);
                if (Files.isWritable(candidate)) return new Caches(candidate.toAbsolutePath().normalize());
            } catch (IOException | SecurityException e) {
                // try the next place
            }
        }
        return new Caches(Path.of(System.getProperty("java.io.tmpdir"), "etw-" + System.getProperty("user.name", "user")));
    }

    Path base() {
        return base;
    }

    Path logFile() {
        return base.resolve("etw.log");
    }

    /** This process's empty framework cache folder, after removing the folders of processes that are gone. */
    Path frameworkCache() throws IOException {
        Path felix = Files.createDirectories(base.resolve("felix"));
        removeStale(felix);
        Path mine = felix.resolve(Long.toString(ProcessHandle.current().pid()));
        deleteQuietly(mine); // a folder of an earlier process with our pid
        return Files.createDirectories(mine);
    }

    /** Deletes every {@code felix/<pid>} folder whose process is no longer running. */
    static void removeStale(Path felix) {
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(felix)) {
            for (Path dir : dirs) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) deleteQuietly(dir);
            }
        } catch (IOException | SecurityException e) {
            // another user's folder, or a race with another etw: it is cleaned next time
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // removed by the next etw that starts
        }
    }
}
