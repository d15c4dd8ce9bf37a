package etw.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The JDK packages the system bundle exports, remembered between starts. Felix works them out on every start by
 * expanding its {@code jre-<version>} property lists and parsing the result (about a third of a short command's
 * framework start, measured with JFR); the answer depends only on the JVM, the Felix version and the extra
 * packages. The first start with a given key lets Felix compute it and keeps the system bundle's
 * {@code Export-Package} header in {@code system-packages-<key>.txt} beside the log file (ETW's cache folder); later starts hand it back as
 * {@code org.osgi.framework.system.packages}, so the framework exports exactly the same packages.
 */
final class SystemPackages {
    private static final String MARK = "javax.";

    private SystemPackages() {
    }

    /** Where the list for this JVM, framework and extras lives, in {@code folder}; null if it cannot be named. */
    static Path file(Path folder, String frameworkVersion, String extras) {
        if (folder == null) return null;
        String key = String.join("\n", System.getProperty("java.home", ""), System.getProperty("java.version", ""),
                System.getProperty("java.vm.version", ""), System.getProperty("java.vendor", ""), frameworkVersion, extras);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve("system-packages-" + HexFormat.of().formatHex(h, 0, 12) + ".txt");
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The remembered list, or null if there is none (or it does not look like one: then Felix computes it). */
    static String read(Path file) {
        if (file == null) return null;
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.contains(MARK) && !s.contains("${") && s.indexOf('\n') < 0 ? s : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Keeps the list Felix computed (written whole or not at all); a failure only means computing it next time. */
    static void write(Path file, String exports) {
        if (file == null || exports == null || !exports.contains(MARK) || exports.indexOf('\n') >= 0) return;
        try {
            Path tmp = Files.createTempFile(file.getParent(), "system-packages", ".part");
            Files.writeString(tmp, exports, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // computed again next time
        }
    }
}
