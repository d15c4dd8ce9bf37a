package etw.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

import etw.api.scenario.CannedScenario;
import etw.api.scenario.Scenario;
import etw.api.scenario.ScenarioLibrary;

/**
 * The one place scenarios are found, read and saved, for the CLI and the workbench alike: the canned scenarios
 * of every installed {@link ScenarioLibrary}, the scenarios saved in the workspace folder, and (from the
 * command line only) scenario files named by path.
 *
 * <p>A reference is resolved in this order: a canned name; a workspace name ({@code my-variant} or
 * {@code my-variant.yaml}); with {@link Access#LOCAL}, a path. An {@code extends:} resolves the same way, a
 * relative path against the variant's folder. With {@link Access#REMOTE} (requests over HTTP), a reference, an
 * {@code extends:} and an exogenous {@code file:} may only name something inside the workspace: no absolute
 * path, no {@code ..}, no symbolic link leading out; and no message quotes a file's content.
 *
 * <pre>
 * ScenarioService scenarios = new ScenarioService(libraries, Path.of(context.getProperty("etw.workspace")), Access.LOCAL);
 * Scenario s = scenarios.load("baseline");
 * scenarios.save("my-variant", s.toBuilder("my-variant").seed(7).build(), false);
 * </pre>
 *
 * Thread-safe: every call reads the libraries and the folder afresh.
 */
public final class ScenarioService {
    /** Who is asking: the user at the command line, or a request over HTTP. */
    public enum Access {
        /** The CLI: paths the user names are read. */
        LOCAL,
        /** HTTP: only canned scenarios and what is inside the workspace. */
        REMOTE
    }

    /**
     * A scenario that can be named.
     *
     * @param name     what to call it: {@code baseline}, or a saved scenario's name (without {@code .yaml})
     * @param kind     {@code "canned"} or {@code "workspace"}
     * @param title    one line for listings
     * @param parent   what it {@code extends}, or {@code ""}
     * @param labSheet a canned scenario's lab sheet (Markdown), or null
     */
    public record Entry(String name, String kind, String title, String parent, URL labSheet) {
    }

    private final Supplier<List<ScenarioLibrary>> libraries;
    private final Workspace workspace;
    private final Access access;
    /** LOCAL: the folder relative file names resolve against (the user's current folder). */
    private final Path base;
    private volatile List<String> warnings = List.of();

    /**
     * @param libraries      the installed scenario libraries (asked on every call)
     * @param workspaceOrNull the folder saved scenarios and data files live in, or null for none
     * @param access         {@link Access#LOCAL} for the CLI, {@link Access#REMOTE} for HTTP
     */
    public ScenarioService(Supplier<List<ScenarioLibrary>> libraries, Path workspaceOrNull, Access access) {
        this(libraries, workspaceOrNull, access, Path.of(""));
    }

    /**
     * @param base the folder a relative file name is relative to (the user's current folder; a resident
     *        process serving several users' commands cannot take its own)
     * @see #ScenarioService(Supplier, Path, Access)
     */
    public ScenarioService(Supplier<List<ScenarioLibrary>> libraries, Path workspaceOrNull, Access access, Path base) {
        this.libraries = libraries;
        this.workspace = workspaceOrNull == null ? null : new Workspace(workspaceOrNull);
        this.access = access;
        this.base = base.toAbsolutePath();
    }

    /** The canned scenarios, then the saved ones, each sorted by name. */
    public List<Entry> list() {
        List<Entry> out = new ArrayList<>();
        for (CannedScenario c : canned().values()) {
            String parent = "";
            try {
                parent = ScenarioParser.topKey(read(c), "extends");
            } catch (ScenarioException e) {
                // listed without a parent; loading it says what is wrong
            }
            out.add(new Entry(c.name(), "canned", c.title(), parent, c.labSheet()));
        }
        if (workspace != null) {
            for (String name : workspace.names()) {
                String title = name;
                String parent = "";
                try {
                    ScenarioParser.Loaded l = ScenarioParser.load(workspace.scenario(name), name + ".yaml");
                    parent = ScenarioParser.topKey(l.text(), "extends");
                    String d = ScenarioParser.topKey(l.text(), "description").strip();
                    if (!d.isEmpty()) title = Names.token(d.replaceAll("\\s+", " "), 100);
                } catch (ScenarioException | NoSuchFileException | RuntimeException e) {
                    // listed by name; loading it says what is wrong
                }
                out.add(new Entry(name, "workspace", title, parent, null));
            }
        }
        return out;
    }

    /** Canned scenarios by name, sorted; the first library wins when two ship one name (see {@link #warnings()}). */
    public Map<String, CannedScenario> canned() {
        Map<String, CannedScenario> all = new TreeMap<>();
        List<String> found = new ArrayList<>();
        for (ScenarioLibrary lib : libraries.get()) {
            List<CannedScenario> offered;
            try {
                offered = lib.scenarios();
            } catch (RuntimeException | LinkageError e) {
                found.add("scenario library " + lib.getClass().getName() + " failed and is skipped: " + e);
                continue;
            }
            for (CannedScenario c : offered)
                if (all.putIfAbsent(c.name(), c) != null)
                    found.add("two libraries ship a scenario named '" + c.name() + "'; using the first");
        }
        warnings = List.copyOf(found);
        return Collections.unmodifiableMap(all);
    }

    /** What went wrong while listing the canned scenarios the last time: failed libraries, duplicate names. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * Reads a scenario by reference.
     *
     * @param ref a canned name, a workspace name (with or without {@code .yaml}), or (LOCAL only) a path
     * @throws ScenarioNotFoundException if nothing has that name (the message lists what there is)
     * @throws ScenarioException         if it cannot be read or parsed (file:line:column in the message)
     */
    public Scenario load(String ref) throws ScenarioException {
        return ScenarioParser.parse(find(ref), resolver());
    }

    /**
     * Parses posted or typed scenario text; its {@code extends:} and {@code file:} resolve per the access (REMOTE:
     * inside the workspace only; LOCAL: relative to the workspace, or the current folder without one).
     *
     * @param sourceName what to call the text in messages
     */
    public Scenario parse(String text, String sourceName) throws ScenarioException {
        String checked = ScenarioText.check(text, sourceName, Limits.MAX_SCENARIO_BYTES);
        Path dir = workspace != null ? workspace.folder() : access == Access.LOCAL ? base : null;
        return ScenarioParser.parse(new ScenarioParser.Loaded(checked, sourceName, null, null, dir), resolver());
    }

    /** The YAML of a canned or saved scenario, as written; empty if there is none of that name. */
    public Optional<String> text(String ref) throws ScenarioException {
        CannedScenario c = canned().get(ref);
        if (c != null) return Optional.of(read(c));
        String name = Workspace.scenarioName(ref);
        if (name == null || workspace == null || workspace.scenario(name) == null) return Optional.empty();
        try {
            return Optional.of(ScenarioParser.load(workspace.scenario(name), name + ".yaml").text());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Saves a scenario into the workspace as {@code <name>.yaml}, in canonical form ({@link ScenarioWriter}),
     * atomically. The text is parsed back before it is written, so a saved scenario always loads.
     *
     * @param name {@code [a-z0-9-]{1,64}}, optionally followed by {@code .yaml}
     * @return the file written
     * @throws ScenarioExistsException if it exists and {@code overwrite} is false
     * @throws ScenarioException       for a bad name, no workspace, or a failed write
     */
    public Path save(String name, Scenario scenario, boolean overwrite) throws ScenarioException {
        return write(name, ScenarioWriter.write(scenario), overwrite);
    }

    /**
     * Saves a scenario as a variant of {@code parentRef}: {@code extends: parentRef} and only what differs
     * ({@link ScenarioWriter#writeVariant}); in full if it cannot be written as a variant of it.
     */
    public Path saveVariant(String name, String parentRef, Scenario scenario, boolean overwrite) throws ScenarioException {
        Scenario parent = load(parentRef);
        String text = ScenarioWriter.writeVariant(scenario, parentRef, parent).orElseGet(() -> ScenarioWriter.write(scenario));
        return write(name, text, overwrite);
    }

    private Path write(String name, String text, boolean overwrite) throws ScenarioException {
        String checked = name == null ? null : Workspace.scenarioName(name);
        if (checked == null)
            throw new ScenarioException("a scenario name is 1 to 64 lower-case letters, digits and '-', such as my-variant; got '"
                    + Names.token(name) + "'");
        if (workspace == null) throw new ScenarioException("there is no workspace folder to save into (start etw with --workspace DIR)");
        parse(text, checked + ".yaml");
        return workspace.save(checked, text, overwrite);
    }

    // ---------------------------------------------------------------- resolution

    private ScenarioParser.Loaded find(String ref) throws ScenarioException {
        CannedScenario c = canned().get(ref);
        if (c != null) return canned(c);
        boolean looksLikeFile = ref.endsWith(".yaml") || ref.endsWith(".yml") || ref.contains("/") || ref.contains("\\");
        if (access == Access.LOCAL && looksLikeFile) {
            Optional<ScenarioParser.Loaded> file = path(base, ref, ref);
            if (file.isPresent()) return file.get();
        }
        String name = Workspace.scenarioName(ref);
        if (name != null && workspace != null && workspace.scenario(name) != null) return saved(name);
        if (access == Access.LOCAL && looksLikeFile)
            throw new ScenarioNotFoundException(ref + ": no such file. Give the path of a scenario file, or the name "
                    + "of a canned or saved scenario (etw scenarios lists them).");
        throw new ScenarioNotFoundException("no scenario named '" + Names.token(ref) + "'. Canned: "
                + (canned().isEmpty() ? "(none installed)" : String.join(", ", canned().keySet()))
                + (workspace == null ? "" : "; saved: " + (workspace.names().isEmpty() ? "(none)" : Names.list(workspace.names(), 30)))
                + (access == Access.LOCAL ? ". To run a file, give its path ending in .yaml." : "."));
    }

    /** LOCAL: the scenario file at {@code ref} (relative to {@code dir}), called {@code name}, or empty if there is none. */
    private static Optional<ScenarioParser.Loaded> path(Path dir, String ref, String name) throws ScenarioException {
        Path p;
        try {
            p = dir.resolve(ref);
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioParser.load(p, name));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private ScenarioParser.Loaded canned(CannedScenario c) throws ScenarioException {
        byte[] bytes = bytes(c.location());
        String source = "canned:" + c.name();
        return new ScenarioParser.Loaded(ScenarioText.decode(bytes, source), source, source, ScenarioText.sha256(bytes), null);
    }

    private ScenarioParser.Loaded saved(String name) throws ScenarioException {
        Path file = workspace.scenario(name);
        try {
            return ScenarioParser.load(file, access == Access.REMOTE ? name + ".yaml" : file.toString());
        } catch (NoSuchFileException e) {
            throw new ScenarioNotFoundException(name + ".yaml is no longer in the workspace");
        }
    }

    private static String read(CannedScenario c) throws ScenarioException {
        return ScenarioText.decode(bytes(c.location()), "canned:" + c.name());
    }

    private static byte[] bytes(URL url) throws ScenarioException {
        try (InputStream in = url.openStream()) {
            byte[] b = in.readNBytes(Limits.MAX_SCENARIO_BYTES + 1);
            if (b.length > Limits.MAX_SCENARIO_BYTES)
                throw new ScenarioException(url + ": larger than the limit of " + Limits.mib(Limits.MAX_SCENARIO_BYTES));
            return b;
        } catch (IOException e) {
            throw new ScenarioException(url + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** LOCAL: a parent scenario file named relative to its variant's folder (or the current folder). */
    private Optional<ScenarioParser.Loaded> parentFile(Path dir, String ref) throws ScenarioException {
        if (dir == null) return path(base, ref, ref);
        try {
            return path(dir, ref, Path.of(ref).isAbsolute() ? ref : dir.resolve(ref).toString());
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private ScenarioParser.Resolver resolver() {
        return new ScenarioParser.Resolver() {
            @Override
            public Optional<ScenarioParser.Loaded> parent(String ref, ScenarioParser.Loaded variant) throws ScenarioException {
                CannedScenario c = canned().get(ref);
                if (c != null) return Optional.of(canned(c));
                if (access == Access.LOCAL && variant.dir() != null) {
                    Optional<ScenarioParser.Loaded> file = parentFile(variant.dir(), ref);
                    if (file.isPresent()) return file;
                }
                String name = Workspace.scenarioName(ref);
                if (name != null && workspace != null && workspace.scenario(name) != null) return Optional.of(saved(name));
                if (access == Access.REMOTE) {
                    if (name == null)
                        throw new ScenarioException("'" + Names.token(ref) + "' is not a canned or saved scenario name; over the "
                                + "workbench, extends names a canned scenario or one saved in the workspace");
                    return Optional.empty();
                }
                return parentFile(variant.dir(), ref);
            }

            @Override
            public Path dataFile(String name, ScenarioParser.Loaded scenario) throws ScenarioException {
                if (scenario.name().startsWith("canned:"))
                    throw new ScenarioException("a canned scenario cannot read files; put the data inline under 'values:'");
                if (access == Access.REMOTE) {
                    if (workspace == null) throw new ScenarioException("this workbench has no workspace folder, so scenarios cannot read files");
                    return workspace.dataFile(name);
                }
                return (scenario.dir() == null ? base : scenario.dir()).resolve(name);
            }
        };
    }
}
