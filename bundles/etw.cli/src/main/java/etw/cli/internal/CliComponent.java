package etw.cli.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLibrary(ScenarioLibrary library) {
        libraries.add(library);
    }

    void removeLibrary(ScenarioLibrary library) {
        libraries.remove(library);
    }

    @Override
    public Integer apply(String[] args) {
        return new Cli(catalog::models, () -> List.copyOf(libraries), System.out, System.err, System.console() != null).run(args);
    }
}
