package etw.engine;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The models installed right now, as a service: it follows Model services as bundles come and go.
 */
@ProviderType
public interface ModelCatalog {
    /** A snapshot of the installed models, sorted by model id. */
    List<InstalledModel> models();

    /**
     * Models that were offered but left out because their declaration is invalid (a failing descriptor, a unit
     * that is not understood), one line each naming the bundle, the model and the reason.
     */
    List<String> problems();
}
