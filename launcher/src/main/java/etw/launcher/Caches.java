package etw.launcher;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /**
     * This process's empty framework cache folder, after removing the folders of processes that are gone. The
     * process holds a lock on {@code felix/<pid>.lock} while it runs, so a process of another PID namespace
     * sharing the folder (a container) is not taken for dead; the lock goes with the process, even on kill -9.
     */
    Path frameworkCache() throws IOException {
        Path felix = Files.createDirectories(base.resolve("felix"));
        removeStale(felix);
        String pid = Long.toString(ProcessHandle.current().pid());
        Path mine = felix.resolve(pid);
        deleteQuietly(mine); // a folder of an earlier process with our pid
        Files.createDirectories(mine);
        try {
            FileChannel channel = FileChannel.open(felix.resolve(pid + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            heldLock = channel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            // without a lock the folder is still known by its pid
        }
        return mine;
    }

    /** Held until the process ends. */
    private static FileLock heldLock;

    /** Deletes this process's cache folder and its lock. */
    static void release(Path cache) {
        deleteQuietly(cache);
        if (cache == null) return;
        try {
            Files.deleteIfExists(cache.resolveSibling(cache.getFileName() + ".lock"));
        } catch (IOException ignored) {
            // removed by the next etw that starts
        }
    }

    /** Deletes every {@code felix/<pid>} folder (and lock) whose process is no longer running. */
    static void removeStale(Path felix) {
        String self = Long.toString(ProcessHandle.current().pid());
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(felix)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                String pidText = name.endsWith(".lock") ? name.substring(0, name.length() - 5) : name;
                long pid;
                try {
                    pid = Long.parseLong(pidText);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pidText.equals(self) || ProcessHandle.of(pid).isPresent() || lockedByOther(felix.resolve(pidText + ".lock"))) continue;
                if (name.endsWith(".lock")) {
                    Files.deleteIfExists(entry);
                } else {
                    deleteQuietly(entry);
                }
            }
        } catch (IOException | SecurityException e) {
            // another user's folder, or a race with another etw: it is cleaned next time
        }
    }

    /** Whether a live process (maybe of another PID namespace) holds this lock file. */
    private static boolean lockedByOther(Path lock) {
        if (!Files.exists(lock)) return false;
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE); FileLock l = channel.tryLock()) {
            return l == null;
        } catch (IOException | OverlappingFileLockException e) {
            return true;
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
