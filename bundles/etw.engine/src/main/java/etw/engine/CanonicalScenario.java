package etw.engine;

import java.util.Map;
import java.util.TreeMap;

import etw.api.scenario.Distribution;
import etw.api.scenario.RegionalSeries;
import etw.api.scenario.Scenario;
import etw.api.scenario.Trajectory;

/**
 * The canonical text of a resolved scenario, for hashing: every setting that affects results, with every map
 * sorted and numbers in Java's shortest round-trip form, and nothing of where it came from (file names,
 * comments, positions, the order keys were written in). A scenario read from a file, saved and read back, or
 * built in code hashes the same when it means the same.
 */
final class CanonicalScenario {
    private CanonicalScenario() {
    }

    static String text(Scenario s) {
        StringBuilder b = new StringBuilder();
        b.append("name=").append(s.name()).append('\n');
        b.append("regions=").append(s.regions()).append('\n');
        b.append("years=").append(s.firstYear()).append('-').append(s.lastYear()).append('\n');
        b.append("seed=").append(s.seed()).append('\n');
        b.append("models=").append(s.models()).append('\n');
        b.append("with=").append(s.with().stream().sorted().toList()).append('\n');
        new TreeMap<>(s.parameters()).forEach((model, values) -> new TreeMap<>(values).forEach((p, v) ->
                b.append("parameter ").append(model).append('/').append(p).append('=').append(series(v, s)).append('\n')));
        new TreeMap<>(s.exogenous()).forEach((name, x) ->
                b.append("exogenous ").append(name).append(" [").append(x.unit()).append("]=").append(series(x.values(), s)).append('\n'));
        new TreeMap<>(s.uncertainty()).forEach((model, values) -> new TreeMap<>(values).forEach((p, d) ->
                b.append("uncertain ").append(model).append('/').append(p).append('=').append(distribution(d)).append('\n')));
        return b.toString();
    }

    /** Values per region; values for regions the scenario does not run are left out, as they change nothing. */
    private static String series(RegionalSeries v, Scenario s) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(v.byRegion()).forEach((region, t) -> {
            if (region.equals(RegionalSeries.ALL_REGIONS) || s.regions().contains(region))
                b.append(region).append(':').append(trajectory(t)).append(';');
        });
        return b.append('}').toString();
    }

    private static String trajectory(Trajectory t) {
        StringBuilder b = new StringBuilder("(");
        for (Map.Entry<Integer, Double> e : new TreeMap<>(t.points()).entrySet())
            b.append(e.getKey()).append('=').append(e.getValue()).append(',');
        return b.append(')').toString();
    }

    private static String distribution(Distribution d) {
        return d.kind() + "(a=" + d.a() + ",b=" + d.b() + ",min=" + d.min() + ",max=" + d.max() + ",scale=" + d.scale() + ")";
    }
}
