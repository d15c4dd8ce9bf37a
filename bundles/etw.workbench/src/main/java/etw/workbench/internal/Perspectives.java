package etw.workbench.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which perspectives of the page a view belongs to, as Eclipse users know them: {@code explore} (key levers and
 * dashboard), {@code model} (all parameters, results, graph) and {@code plugins} (bundles, models, problems).
 *
 * <p>A view says so with the service property {@value #PROPERTY} (one name, several names separated by commas, or
 * a {@code String[]}), so a plugin adds a view to a perspective without any API of its own:
 *
 * <pre>{@code
 * @Component(property = "etw.workbench.perspective=explore")
 * public final class HydrogenView implements WorkbenchView { ... }
 * }</pre>
 *
 * A view without the property, or naming no known perspective, lands in {@code model}; the workbench's own explore
 * views (ids starting {@code etw.workbench.explore}) land in {@code explore}.
 */
final class Perspectives {
    static final String PROPERTY = "etw.workbench.perspective";
    /** In the order the page offers them. */
    static final List<String> ALL = List.of("explore", "model", "plugins");
    static final String DEFAULT = "model";

    private Perspectives() {
    }

    /** The perspectives of the view {@code id} whose service properties are {@code properties} (null: none). */
    static List<String> of(String id, Map<String, ?> properties) {
        List<String> out = new ArrayList<>();
        Object p = properties == null ? null : properties.get(PROPERTY);
        List<Object> values = new ArrayList<>();
        if (p instanceof Object[] array) values.addAll(List.of(array));
        else if (p instanceof Collection<?> c) values.addAll(c);
        else if (p != null) values.add(p);
        for (Object v : values)
            for (String name : String.valueOf(v).split(",")) {
                String n = name.trim().toLowerCase(java.util.Locale.ROOT);
                if (ALL.contains(n) && !out.contains(n)) out.add(n);
            }
        if (out.isEmpty()) out.add(id != null && id.startsWith("etw.workbench.explore") ? "explore" : DEFAULT);
        out.sort(java.util.Comparator.comparingInt(ALL::indexOf));
        return List.copyOf(out);
    }
}
