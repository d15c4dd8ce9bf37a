package etw.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature folders every command starts, and how a folder's jars are listed. A class of its own so that a
 * command sent to the daemon does not load the framework's classes to name and stat them.
 */
final class Features {
    static final List<String> BASE = List.of("core", "models", "teaching");

    private Features() {
    }

    /** The jars of a folder, sorted by name: the order they are installed in. */
    static List<Path> jars(Path dir) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.jar")) {
            s.forEach(jars::add);
        }
        jars.sort(null);
        return jars;
    }
}
