package etw.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import etw.api.scenario.ScenarioLibrary;
import etw.engine.ModelCatalog;

/**
 * Offers the command line to the launcher. The service type is a JDK interface on purpose: the launcher lives
 * outside the framework and shares only {@code java.*} with the bundles, so it needs no ETW class to call us.
 * It takes the arguments and returns the exit code.
 */
@Component(service = Function.class, property = "etw.application=cli")
public final class CliComponent implements Function<String[], Integer> {
    private final ModelCatalog catalog;
    private final List<ScenarioLibrary> libraries = new CopyOnWriteArrayList<>();

    @org.osgi.service.component.annotations.Activate
    public CliComponent(@Reference ModelCatalog catalog) {
        this.catalog = catalog;
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
        return new Cli(catalog::models, () -> List.copyOf(libraries), this::problems, System.out, System.err,
                System.console() != null).run(args);
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
