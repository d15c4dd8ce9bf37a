package etw.workbench;

import java.net.URL;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view of the web workbench, contributed as an OSGi service (a Declarative Services {@code @Component}), as a
 * view is contributed to an Eclipse workbench. The workbench lists every registered view under
 * {@code GET /api/views}, serves the view's files under {@code /views/<id>/<path>} from {@link #resource(String)},
 * and the page loads the view's {@link #module() JavaScript module} when the view is first shown. A view that
 * arrives or leaves while the page is open appears or disappears on its next refresh.
 *
 * <p>The module is a plain ES module (no build step) whose default export has a {@code mount} function:
 *
 * <pre>{@code
 * export default {
 *   mount(element, workbench) {             // element: the view's empty <div>
 *     workbench.on('results', r => { ... }); // every new run of the current scenario
 *     workbench.api('/api/models').then(models => { ... });
 *   }
 * };
 * }</pre>
 *
 * {@code workbench} offers {@code api(path, body?)} (a call to the JSON API, with the access token when one is
 * needed), {@code on(event, listener)} for {@code 'scenario'}, {@code 'results'} and {@code 'models'}, and
 * {@code state} (the current scenario, overrides and results). The built-in views are contributed the same way.
 *
 * <p>Example, in a plugin bundle with {@code web/view.js} among its resources:
 *
 * <pre>{@code
 * @Component
 * public final class HydrogenView implements WorkbenchView {
 *     public String id() { return "acme.hydrogen.view"; }
 *     public String title() { return "Hydrogen"; }
 *     public URL resource(String path) { return getClass().getResource("/web/" + path); }
 * }
 * }</pre>
 */
@ConsumerType
public interface WorkbenchView {
    /** Unique id, beginning with the contributing bundle's symbolic name; letters, digits, '.', '-' and '_' only. */
    String id();

    /** The view's tab label. */
    String title();

    /** Position among the views of its area: lower comes first. The built-in views use 10 to 40. */
    default int order() {
        return 100;
    }

    /** Where the page puts the view: {@code "side"} (beside the scenario editor) or {@code "main"}. */
    default String area() {
        return "main";
    }

    /** Path of the view's ES module, relative to the view's files; {@code view.js} by default. */
    default String module() {
        return "view.js";
    }

    /**
     * One of the view's files, or null if it has none of that name. {@code path} is relative, checked by the
     * workbench to contain no {@code ..}, {@code //} or backslash before this is called.
     */
    URL resource(String path);
}
