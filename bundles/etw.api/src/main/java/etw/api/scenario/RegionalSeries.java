package etw.api.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A value set in a scenario: one trajectory for all regions, or one per region (with an optional fallback for
 * the regions not named). Used for parameter settings and exogenous data. Immutable.
 *
 * @param byRegion trajectories by region name; the key {@link #ALL_REGIONS} applies to regions not named
 * @param origin   where the value was written, as {@code file:line:column}, for error messages; may be empty
 */
public record RegionalSeries(Map<String, Trajectory> byRegion, String origin) {
    /** Key of the trajectory that applies to every region not named. */
    public static final String ALL_REGIONS = "*";

    public RegionalSeries {
        byRegion = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(byRegion)));
        if (byRegion.isEmpty()) throw new IllegalArgumentException("a regional series needs at least one value");
        origin = origin == null ? "" : origin;
    }

    public static RegionalSeries of(Trajectory forAllRegions, String origin) {
        return new RegionalSeries(Map.of(ALL_REGIONS, forAllRegions), origin);
    }

    public static RegionalSeries constant(double value) {
        return of(Trajectory.constant(value), "");
    }

    /** The trajectory for a region: its own, else the all-regions one, else null. */
    public Trajectory forRegion(String region) {
        Trajectory t = byRegion.get(region);
        return t != null ? t : byRegion.get(ALL_REGIONS);
    }
}
