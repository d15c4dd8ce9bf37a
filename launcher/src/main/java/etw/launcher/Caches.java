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
 * running workbench or cluster node, and {@code <base>/etw.log} the framework log. A folder whose process is gone
 * (it was killed with -9, or the machine stopped) is deleted by the next {@code etw} that starts, so nothing piles
 * up. One-shot commands use one of {@link #SLOTS} kept caches instead, {@code felix/slot-N}, so that the next
 * command finds its bundles installed (see {@link Slot}).
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

    /** How many kept framework caches there are: as many one-shot commands may run at once and reuse theirs. */
    static final int SLOTS = 4;

    /**
     * A kept framework cache, {@code felix/slot-N}, locked by this process until it ends (the lock file is never
     * deleted, so two processes can never hold one slot). {@code felix/slot-N.bundles} says which bundles the cache
     * holds: the {@link #fingerprint} of the start that installed them, written once that start succeeded and
     * deleted before any other start touches the cache. A start whose fingerprint matches reuses the installed
     * bundles; any other start empties the cache and installs afresh.
     */
    record Slot(Path folder, String fingerprint, boolean reusable, FileChannel lock) implements AutoCloseable {
        /** Frees the slot for another command (the lock also goes with the process). */
        @Override
        public void close() {
            try {
                lock.close();
            } catch (IOException ignored) {
                // the lock goes with the process
            }
        }

        /** The same slot, for a start that installs its bundles afresh. */
        Slot afresh() {
            return new Slot(folder, fingerprint, false, lock);
        }

        private Path mark() {
            return folder.resolveSibling(folder.getFileName() + ".bundles");
        }

        /** The bundles are about to change: until {@link #remember}, the cache is not reusable. */
        void forget() {
            try {
                Files.deleteIfExists(mark());
            } catch (IOException ignored) {
                // then the fingerprint still differs from any start's but this one's, which is about to write it
            }
        }

        /** The start with this fingerprint succeeded: the next start with the same one may reuse its bundles. */
        void remember() {
            try {
                Path tmp = mark().resolveSibling(mark().getFileName() + ".tmp");
                Files.writeString(tmp, fingerprint);
                Files.move(tmp, mark(), java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ignored) {
                // the next start installs afresh
            }
        }
    }

    /**
     * A kept framework cache for a one-shot command whose bundles have this fingerprint: a free slot whose
     * bundles match if there is one, else the first free slot (its bundles are then replaced); null when every
     * slot is in use (the command then uses {@link #frameworkCache()}).
     */
    Slot keptCache(String fingerprint) throws IOException {
        Path felix = Files.createDirectories(base.resolve("felix"));
        removeStale(felix);
        Slot fallback = null;
        for (int n = 0; n < SLOTS; n++) {
            Path folder = felix.resolve("slot-" + n);
            FileChannel channel = null;
            try {
                channel = FileChannel.open(felix.resolve("slot-" + n + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    continue;
                }
            } catch (IOException | OverlappingFileLockException e) {
                if (channel != null) channel.close();
                continue;
            }
            Path mark = folder.resolveSibling(folder.getFileName() + ".bundles");
            boolean matches = Files.isDirectory(folder) && Files.isRegularFile(mark) && fingerprint.equals(readQuietly(mark));
            if (matches) {
                if (fallback != null) fallback.close(); // frees that slot for another command
                return new Slot(folder, fingerprint, true, channel);
            }
            if (fallback == null) fallback = new Slot(folder, fingerprint, false, channel);
            else channel.close();
        }
        return fallback;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return null;
        }
    }

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
