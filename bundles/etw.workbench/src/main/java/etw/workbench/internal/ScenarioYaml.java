package etw.workbench.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import etw.api.scenario.Scenario;

/**
 * Writes scenarios as files the scenario parser reads back. Values are written in flow style, as JSON, which is
 * valid YAML: numbers, {year: value} and {region: value}.
 */
final class ScenarioYaml {
    private ScenarioYaml() {
    }

    /** The whole scenario, every setting included (used when there is no named scenario to extend). */
    static String write(Scenario s) {
        StringBuilder b = new StringBuilder("# Saved by the ETW workbench.\n");
        b.append("name: ").append(Json.write(s.name())).append('\n');
        if (!s.description().isEmpty()) b.append("description: ").append(Json.write(s.description())).append('\n');
        b.append("regions: ").append(Json.writeYaml(s.regions())).append('\n');
        b.append("years: {first: ").append(s.firstYear()).append(", last: ").append(s.lastYear()).append("}\n");
        b.append("seed: ").append(s.seed()).append('\n');
        if (!s.models().isEmpty()) b.append("models: ").append(Json.writeYaml(s.models())).append('\n');
        Map<String, Object> params = new TreeMap<>();
        s.parameters().forEach((model, values) -> {
            Map<String, Object> m = new TreeMap<>();
            values.forEach((p, v) -> m.put(p, WorkbenchApi.valueForm(v, s.regions())));
            params.put(model, m);
        });
        section(b, "parameters", params);
        if (!s.exogenous().isEmpty()) {
            b.append("exogenous:\n");
            for (Scenario.ExogenousSeries x : new TreeMap<>(s.exogenous()).values())
                b.append("  ").append(Json.write(x.variable())).append(":\n    unit: ").append(Json.write(x.unit()))
                        .append("\n    values: ").append(Json.writeYaml(WorkbenchApi.valueForm(x.values(), s.regions())))
                        .append('\n');
        }
        Map<String, Object> unc = new TreeMap<>();
        s.uncertainty().forEach((model, ds) -> {
            Map<String, Object> m = new TreeMap<>();
            ds.forEach((p, d) -> m.put(p, WorkbenchApi.distributionForm(d)));
            unc.put(model, m);
        });
        section(b, "uncertainty", unc);
        return b.toString();
    }

    /** A section of model id to (parameter name to value), one line per parameter; nothing if empty. */
    static void section(StringBuilder b, String key, Map<String, Object> byModel) {
        if (byModel.isEmpty()) return;
        b.append(key).append(":\n");
        List<String> ids = new ArrayList<>(byModel.keySet());
        for (String id : ids) {
            b.append("  ").append(Json.write(id)).append(":\n");
            Object values = byModel.get(id);
            if (values instanceof Map<?, ?> m) {
                for (Map.Entry<?, ?> e : m.entrySet())
                    b.append("    ").append(Json.write(String.valueOf(e.getKey()))).append(": ")
                            .append(Json.writeYaml(e.getValue())).append('\n');
            } else {
                b.append("    ").append(Json.writeYaml(values)).append('\n'); // not a mapping: the parser says so
            }
        }
    }
}
