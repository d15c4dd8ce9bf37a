package etw.workbench.internal;

import org.osgi.service.component.annotations.Component;

import etw.workbench.WorkbenchView;

/**
 * Explore: the scenario's key levers (its levers file, {@code GET /api/levers/{name}}) beside a small-multiples
 * dashboard of the headline results, each chart with hover values and a table; and the difference of the variant
 * from its parent, in absolute terms and in percent. Its files are {@code /web/views/explore/}.
 */
@Component(service = WorkbenchView.class)
public final class ExploreView extends BuiltinViews.Builtin {
    public ExploreView() {
        super("explore", "Explore", 15, "main");
    }
}
