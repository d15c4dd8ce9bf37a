package etw.workbench.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import etw.api.Parameter;
import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Trajectory;

/** Scenario settings in the forms of a scenario file, for the editor: a number, {year: value}, {region: either}. */
final class ValueForms {
    private ValueForms() {
    }

    static Object valueForm(RegionalSeries s, List<String> regionOrder) {
        Map<String, Trajectory> by = s.byRegion();
        if (by.size() == 1 && by.containsKey(RegionalSeries.ALL_REGIONS)) return trajectoryForm(by.get(RegionalSeries.ALL_REGIONS));
        Map<String, Object> m = new LinkedHashMap<>();
        for (String r : regionOrder) if (by.containsKey(r)) m.put(r, trajectoryForm(by.get(r)));
        new TreeMap<>(by).forEach((r, t) -> m.putIfAbsent(r, trajectoryForm(t)));
        return m;
    }

    static Object trajectoryForm(Trajectory t) {
        if (t.isConstant()) return t.valueAt(0);
        Map<String, Object> m = new LinkedHashMap<>();
        t.points().forEach((y, v) -> m.put(Integer.toString(y), v));
        return m;
    }

    static Map<String, Object> distributionForm(Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", d.kind().name().toLowerCase(Locale.ROOT));
        switch (d.kind()) {
            case TRIANGULAR -> m.put("mode", d.a());
            case NORMAL -> {
                m.put("mean", d.a());
                m.put("sd", d.b());
            }
            case LOGNORMAL -> {
                m.put("median", d.a());
                m.put("sigma", d.b());
            }
            default -> { }
        }
        m.put("min", d.min());
        m.put("max", d.max());
        if (d.scale()) m.put("scale", true);
        return m;
    }

    static Responses.ParameterInfo parameter(Parameter p, Object value) {
        return new Responses.ParameterInfo(p.name(), p.unit(), p.defaultValue(), p.min(), p.max(), p.description(),
                p.source(), value);
    }
}
