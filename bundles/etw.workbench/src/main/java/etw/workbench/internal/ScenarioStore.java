package etw.workbench.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import etw.api.scenario.CannedScenario;
import etw.api.scenario.ScenarioLibrary;
import etw.scenario.ScenarioParser;

/**
 * Where scenarios come from: the canned ones of every installed {@link ScenarioLibrary}, and the files of one
 * folder ({@code <etw.home>/scenarios}). A file is named only by a simple name checked against
 * {@link #FILE_NAME}; no path from a request reaches the file system.
 */
final class ScenarioStore {
    /** The only file names the workbench reads or writes. */
    static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]{1,64}\\.yaml");

    private final Supplier<List<ScenarioLibrary>> libraries;
    private final Path folder; // null: no scenario folder (no etw.home)

    ScenarioStore(Supplier<List<ScenarioLibrary>> libraries, Path folderOrNull) {
        this.libraries = libraries;
        this.folder = folderOrNull == null ? null : folderOrNull.toAbsolutePath().normalize();
    }

    /** One scenario found: its reference (canned name or file name), title, and where to read it. */
    record Entry(String ref, String kind, String title, URL labSheet) {
    }

    /** Canned scenarios by name; the first library wins when two ship the same name. */
    Map<String, CannedScenario> canned() {
        Map<String, CannedScenario> all = new TreeMap<>();
        for (ScenarioLibrary lib : libraries.get()) {
            try {
                for (CannedScenario c : lib.scenarios()) all.putIfAbsent(c.name(), c);
            } catch (RuntimeException | LinkageError e) {
                // a faulty library is left out; the others still list
            }
        }
        return all;
    }

    List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        canned().values().forEach(c -> out.add(new Entry(c.name(), "canned", c.title(), c.labSheet())));
        for (String f : files()) out.add(new Entry(f, "file", f, null));
        return out;
    }

    /** The simple names of the scenario files in the folder, sorted. */
    List<String> files() {
        List<String> names = new ArrayList<>();
        if (folder == null || !Files.isDirectory(folder)) return names;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.yaml")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (FILE_NAME.matcher(n).matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) names.add(n);
            }
        } catch (IOException e) {
            // an unreadable folder lists nothing
        }
        names.sort(null);
        return names;
    }

    /** The text of a scenario by reference, and the name to use for it in messages; empty if there is none. */
    Optional<ScenarioParser.Source> read(String ref) throws ApiException {
        CannedScenario c = canned().get(ref);
        if (c != null) return Optional.of(new ScenarioParser.Source(readUrl(c.location()), "canned:" + c.name()));
        if (!FILE_NAME.matcher(ref).matches()) return Optional.empty();
        Path p = file(ref);
        if (p == null || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
        try {
            return Optional.of(new ScenarioParser.Source(Files.readString(p, StandardCharsets.UTF_8), ref));
        } catch (IOException e) {
            throw ApiException.unprocessable("scenario file " + ref + " cannot be read: " + e.getMessage());
        }
    }

    /** Finds what a scenario {@code extends}: a canned name or a file of the folder, nothing else. */
    ScenarioParser.ParentResolver parents() {
        return (name, variantOf) -> {
            try {
                return read(name);
            } catch (ApiException e) {
                throw new java.io.UncheckedIOException(new IOException(e.getMessage()));
            }
        };
    }

    boolean canSave() {
        return folder != null;
    }

    /**
     * Writes a scenario file atomically.
     *
     * @throws ApiException 400 for a name that is not a simple {@code [a-z0-9-]+.yaml}, 409 if the file exists and
     *                      {@code overwrite} is false
     */
    Path save(String fileName, String text, boolean overwrite) throws ApiException, IOException {
        if (folder == null)
            throw new ApiException(409, "this workbench has no scenario folder to save into (start it with etw workbench)");
        if (fileName == null || !FILE_NAME.matcher(fileName).matches())
            throw ApiException.badRequest("file must be a simple name of lower-case letters, digits and '-' ending in "
                    + ".yaml (at most 64 characters before .yaml), e.g. my-variant.yaml; got "
                    + (fileName == null ? "nothing" : "'" + fileName + "'"));
        Files.createDirectories(folder);
        Path target = file(fileName);
        if (Files.isSymbolicLink(target))
            throw ApiException.badRequest("scenarios/" + fileName + " is a symbolic link; the workbench does not write through links");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !overwrite)
            throw new ApiException(409, "scenarios/" + fileName + " exists; choose another name or save with overwrite");
        Path tmp = Files.createTempFile(folder, ".save-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    /** The file of a checked simple name, inside the folder, or null without a folder. */
    private Path file(String checkedName) {
        if (folder == null) return null;
        Path p = folder.resolve(checkedName).normalize();
        if (!folder.equals(p.getParent())) throw new IllegalStateException("a checked name left the folder: " + checkedName);
        return p;
    }

    static String readUrl(URL url) throws ApiException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ApiException.unprocessable(url + " cannot be read: " + e.getMessage());
        }
    }
}
