package etw.engine.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import etw.api.Model;
import etw.engine.InstalledModel;
import etw.engine.ModelCatalog;

/** Follows every {@link Model} service (the whiteboard) and remembers which bundle gave it. */
@Component(service = ModelCatalog.class, immediate = true)
public final class ModelCatalogComponent implements ModelCatalog {
    private final Map<ServiceReference<Model>, InstalledModel> models = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(Model model, ServiceReference<Model> ref) {
        Bundle b = ref.getBundle();
        try {
            model.descriptor();
        } catch (RuntimeException | LinkageError e) {
            System.err.println("etw: ignoring a model of bundle " + (b == null ? "?" : b.getSymbolicName())
                    + ": its descriptor() failed: " + e);
            return;
        }
        models.put(ref, new InstalledModel(model, b == null ? "unknown" : b.getSymbolicName(),
                b == null ? "0" : b.getVersion().toString()));
    }

    void removeModel(ServiceReference<Model> ref) {
        models.remove(ref);
    }

    @Override
    public List<InstalledModel> models() {
        return models.values().stream().sorted(Comparator.comparing(InstalledModel::id)).toList();
    }
}
