package etw.workbench.internal;

import java.net.URL;

import org.osgi.service.component.annotations.Component;

import etw.workbench.WorkbenchView;

/**
 * The workbench's own views, contributed as {@link WorkbenchView} services like any plugin's: each serves its
 * files from {@code /web/views/<name>/} of this bundle, and names its perspectives with the service property
 * {@code etw.workbench.perspective} as a plugin's view does (see {@link Perspectives}).
 */
final class BuiltinViews {
    private BuiltinViews() {
    }

    abstract static class Builtin implements WorkbenchView {
        private final String name;
        private final String title;
        private final int order;
        private final String area;

        Builtin(String name, String title, int order, String area) {
            this.name = name;
            this.title = title;
            this.order = order;
            this.area = area;
        }

        @Override
        public String id() {
            return "etw.workbench." + name;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public String area() {
            return area;
        }

        @Override
        public URL resource(String path) {
            return BuiltinViews.class.getResource("/web/views/" + name + "/" + path);
        }
    }

    /** The parameters of the current scenario as forms: sliders, per-region values, trajectories. */
    @Component(service = WorkbenchView.class, property = "etw.workbench.perspective=model")
    public static final class ScenarioView extends Builtin {
        public ScenarioView() {
            super("scenario", "Scenario", 10, "side");
        }
    }

    /** The installed models, their bundles, inputs, outputs and parameters. */
    @Component(service = WorkbenchView.class, property = {"etw.workbench.perspective=model", "etw.workbench.perspective=plugins"})
    public static final class ModelsView extends Builtin {
        public ModelsView() {
            super("models", "Models", 20, "side");
        }
    }

    /** Charts per variable and region, stacked children, ensemble bands, a second scenario to compare. */
    @Component(service = WorkbenchView.class, property = "etw.workbench.perspective=model")
    public static final class ResultsView extends Builtin {
        public ResultsView() {
            super("results", "Results", 10, "main");
        }
    }

    /** Validation errors and plausibility warnings of the current run, grouped by the place each concerns. */
    @Component(service = WorkbenchView.class, property = {"etw.workbench.perspective=explore", "etw.workbench.perspective=model", "etw.workbench.perspective=plugins"})
    public static final class ProblemsView extends Builtin {
        public ProblemsView() {
            super("problems", "Problems", 30, "side");
        }
    }

    /** The current scenario's wiring: models and the variables between them, lags marked. */
    @Component(service = WorkbenchView.class, property = "etw.workbench.perspective=model")
    public static final class GraphView extends Builtin {
        public GraphView() {
            super("graph", "Graph", 20, "main");
        }
    }

    /** The model and plugin bundles: state, version, models, why one was left out; start and stop from this machine. */
    @Component(service = WorkbenchView.class, property = "etw.workbench.perspective=plugins")
    public static final class PluginsView extends Builtin {
        public PluginsView() {
            super("plugins", "Plugins", 10, "main");
        }
    }
}
