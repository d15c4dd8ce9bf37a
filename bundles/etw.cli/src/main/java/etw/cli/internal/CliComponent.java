package etw.cli.internal;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import etw.api.scenario.ScenarioLibrary;
import etw.engine.ModelCatalog;
import etw.scenario.ScenarioService;

/**
 * Offers the command line to the launcher. The service types are JDK interfaces on purpose: the launcher lives
 * outside the framework and shares only {@code java.*} with the bundles, so it needs no ETW class to call us.
 * <ul>
 * <li>{@code Function<String[], Integer>}: a one-shot process's command, on its standard streams, in its current
 * folder and the workspace the framework property names; returns the exit code.</li>
 * <li>{@code ToIntFunction<Map<String, Object>>}: a command of a resident process (the launcher's daemon) run for
 * a user elsewhere; returns the exit code. The map gives {@value #ARGS} (String[]), {@value #CWD} (the user's
 * current folder), {@value #WORKSPACE} (absolute), {@value #OUT} and {@value #ERR} (PrintStreams to the user) and
 * {@value #INTERACTIVE} (Boolean: whether the user's standard error is a terminal).</li>
 * </ul>
 */
@Component(service = {Function.class, ToIntFunction.class}, property = "etw.application=cli")
public final class CliComponent implements Function<String[], Integer>, ToIntFunction<Map<String, Object>> {
    /** The framework property the launcher sets to the workspace folder ({@code --workspace DIR}). */
    static final String WORKSPACE = "etw.workspace";
    static final String ARGS = "etw.args";
    static final String CWD = "etw.cwd";
    static final String OUT = "etw.out";
    static final String ERR = "etw.err";
    static final String INTERACTIVE = "etw.interactive";

    private final ModelCatalog catalog;
    private final List<ScenarioLibrary> libraries = new CopyOnWriteArrayList<>();
    private final ScenarioService scenarios;

    @Activate
    public CliComponent(@Reference ModelCatalog catalog, BundleContext context) {
        this.catalog = catalog;
        this.scenarios = new ScenarioService(() -> List.copyOf(libraries), workspace(context.getProperty(WORKSPACE)),
                ScenarioService.Access.LOCAL);
    }

    /** The workspace the launcher names, or else {@code <current folder>/scenarios}. */
    static Path workspace(String property) {
        try {
            if (property != null && !property.isBlank()) return Path.of(property).toAbsolutePath();
        } catch (InvalidPathException e) {
            // falls back to the default below; the launcher checks what the user typed
        }
        return Path.of("scenarios").toAbsolutePath();
    }

    /** Set by the launcher: the plugin jars it could not install or start. */
    private volatile Supplier<List<String>> pluginProblems;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(etw.plugin.problems=true)", service = Supplier.class)
    void setPluginProblems(Supplier<List<String>> problems) {
        this.pluginProblems = problems;
    }

    void unsetPluginProblems(Supplier<List<String>> problems) {
        if (this.pluginProblems == problems) this.pluginProblems = null;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLibrary(ScenarioLibrary library) {
        libraries.add(library);
    }

    void removeLibrary(ScenarioLibrary library) {
        libraries.remove(library);
    }

    @Override
    public Integer apply(String[] args) {
        return new Cli(catalog::models, scenarios, this::problems, System.out, System.err,
                System.console() != null).run(args);
    }

    @Override
    public int applyAsInt(Map<String, Object> context) {
        String[] args = (String[]) context.get(ARGS);
        Path cwd = Path.of((String) context.get(CWD));
        ScenarioService service = new ScenarioService(() -> List.copyOf(libraries), workspace((String) context.get(WORKSPACE)),
                ScenarioService.Access.LOCAL, cwd);
        return new Cli(catalog::models, service, this::problems, (PrintStream) context.get(OUT), (PrintStream) context.get(ERR),
                Boolean.TRUE.equals(context.get(INTERACTIVE)), cwd).run(args);
    }

    /** Plugins the launcher left out, then models the catalog left out. */
    private List<String> problems() {
        List<String> all = new ArrayList<>();
        Supplier<List<String>> launcher = pluginProblems;
        if (launcher != null) all.addAll(launcher.get());
        all.addAll(catalog.problems());
        return all;
    }
}
