package etw.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file through a temporary file and a rename, so an interrupted write never leaves a half file where a
 * good one was, and a failed one leaves no temporary file behind. Each write has its own temporary file,
 * {@code .<file name>.<pid>.<random>.tmp} beside the target, so concurrent writers (threads or processes) never
 * share one; those of processes that died (kill -9) are removed by {@link #removeStale(Path)}.
 */
final class AtomicFile {
    /** Writes text to a {@link Writer}. */
    @FunctionalInterface
    interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private static final Pattern TEMP = Pattern.compile("\\..+\\.([0-9]{1,19})\\.[0-9a-f]{16}\\.tmp");
    /** The shared temporary name of earlier versions, {@code <file>.tmp}; no process can own it for long. */
    private static final Pattern LEGACY_TEMP = Pattern.compile("[^.].*\\.(csv|json|html)\\.tmp");
    private static final Duration LEGACY_AGE = Duration.ofMinutes(10);

    private AtomicFile() {
    }

    static void write(Path file, Content content) throws IOException {
        Path tmp = temp(file);
        try {
            writeTemp(tmp, content);
            move(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A fresh temporary file name beside {@code file}, unique to this process and this call. */
    static Path temp(Path file) {
        return file.resolveSibling("." + file.getFileName() + "." + ProcessHandle.current().pid() + "."
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /**
     * Writes a new temporary file (it must not exist yet) as UTF-8.
     *
     * @return the SHA-256 (hex) of the bytes written
     */
    static String writeTemp(Path tmp, Content content) throws IOException {
        MessageDigest sha = sha256();
        try (OutputStream file = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             Writer w = new BufferedWriter(new OutputStreamWriter(new DigestOutputStream(file, sha), StandardCharsets.UTF_8))) {
            content.writeTo(w);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static void move(Path tmp, Path file) throws IOException {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Removes temporary files in {@code dir} left by processes that are no longer alive (and temporary files of
     * earlier versions older than ten minutes). Files of live processes, this one included, are kept.
     *
     * @return how many were removed
     */
    static int removeStale(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.tmp")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                Matcher m = TEMP.matcher(name);
                boolean stale;
                if (m.matches()) stale = !alive(m.group(1));
                else if (LEGACY_TEMP.matcher(name).matches()) stale = olderThan(f, LEGACY_AGE);
                else stale = false;
                try {
                    if (stale && Files.deleteIfExists(f)) removed++;
                } catch (IOException e) {
                    // another process removed or holds it; it is not ours to insist on
                }
            }
        } catch (IOException e) {
            // an unreadable folder: the write that follows reports the real problem
        }
        return removed;
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean olderThan(Path f, Duration age) {
        try {
            FileTime t = Files.getLastModifiedTime(f);
            return t.toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
