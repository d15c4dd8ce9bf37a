package etw.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The workspace folder: saved scenarios ({@code <name>.yaml}, name {@code [a-z0-9-]{1,64}}) and the data files
 * scenarios read. Files are named by checked names only, and a file reached through a symbolic link that leaves
 * the folder is refused.
 */
final class Workspace {
    static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

    private final Path folder;

    Workspace(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    Path folder() {
        return folder;
    }

    /** The name without {@code .yaml}, or null if it is not a valid scenario name. */
    static String scenarioName(String ref) {
        String n = ref.endsWith(".yaml") ? ref.substring(0, ref.length() - ".yaml".length()) : ref;
        return NAME.matcher(n).matches() ? n : null;
    }

    /** The saved scenario names, sorted. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(folder)) return names;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.yaml")) {
            for (Path p : s) {
                String n = scenarioName(p.getFileName().toString());
                if (n != null && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) names.add(n);
            }
        } catch (IOException e) {
            // an unreadable folder lists nothing
        }
        names.sort(null);
        return names;
    }

    /** The file of a saved scenario (a checked name), or null if there is none. */
    Path scenario(String name) {
        Path p = folder.resolve(name + ".yaml");
        return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? p : null;
    }

    /**
     * A data file named relative to the folder: no absolute path, no {@code ..}, and its real path (links
     * followed) inside the folder.
     */
    Path dataFile(String name) throws ScenarioException {
        String hint = "; over the workbench, a scenario reads only files inside the workspace folder, named relative to it (e.g. data/h2.csv)";
        Path rel;
        try {
            rel = Path.of(name);
        } catch (RuntimeException e) {
            throw new ScenarioException("'" + Names.token(name) + "' is not a file name" + hint);
        }
        if (name.isEmpty() || rel.isAbsolute() || name.startsWith("/") || name.startsWith("\\") || name.contains(":"))
            throw new ScenarioException("'" + Names.token(name) + "' is an absolute path" + hint);
        for (Path part : rel)
            if (part.toString().equals("..")) throw new ScenarioException("'" + Names.token(name) + "' leaves the folder with '..'" + hint);
        Path p = folder.resolve(rel).normalize();
        if (!p.startsWith(folder)) throw new ScenarioException("'" + Names.token(name) + "' is outside the workspace" + hint);
        try {
            Path real = p.toRealPath();
            if (!real.startsWith(folder.toRealPath()))
                throw new ScenarioException("'" + Names.token(name) + "' is a link to a file outside the workspace" + hint);
            return real;
        } catch (NoSuchFileException e) {
            throw new ScenarioException("'" + Names.token(name) + "': no such file in the workspace folder");
        } catch (IOException e) {
            throw new ScenarioException("'" + Names.token(name) + "' cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Writes {@code <name>.yaml} atomically: readers see the old file or the new one, never part of one. */
    Path save(String name, String text, boolean overwrite) throws ScenarioException {
        Path target = folder.resolve(name + ".yaml");
        try {
            Files.createDirectories(folder);
            if (Files.isSymbolicLink(target))
                throw new ScenarioException(name + ".yaml is a symbolic link; scenarios are not written through links");
            if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS))
                throw new ScenarioExistsException("a scenario named '" + name + "' is already saved; choose another name or overwrite it");
            Path tmp = Files.createTempFile(folder, "." + name + "-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                if (overwrite) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.createLink(target, tmp); // atomic, and fails if another save got there first
                }
            } catch (FileAlreadyExistsException e) {
                throw new ScenarioExistsException("a scenario named '" + name + "' is already saved; choose another name or overwrite it");
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new ScenarioException(name + ".yaml could not be written (" + e.getClass().getSimpleName() + ")");
        }
    }
}
