package etw.models.decarbonisation;

import etw.api.ModelDescriptor;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * The parameters that shape the synthetic hourly profiles of {@link HourlyProfiles} (grid demand, solar, wind),
 * declared alike by the supply model and the clean-energy accounting so that both see the same weather year.
 */
final class ProfileParameters {
    final Parameter gridDailySwing;
    final Parameter gridSeasonalSwing;
    final Parameter solarDaylight;
    final Parameter solarSeasonal;
    final Parameter windSeasonal;
    final Parameter windDiurnal;
    final Parameter windVariability;
    final Parameter windPersistence;
    final Parameter windSeed;

    ProfileParameters(ModelDescriptor.Builder b) {
        gridDailySwing = b.parameter("grid_daily_swing", "1", 0.15, 0, 0.9,
                "Daily swing of grid demand, peaking in the evening",
                "assumption: typical evening peak about 15% above the daily mean");
        gridSeasonalSwing = b.parameter("grid_seasonal_swing", "1", 0.1, 0, 0.9,
                "Seasonal swing of grid demand, peaking in winter",
                "assumption: heating lifts winter demand about 10% above the annual mean");
        solarDaylight = b.parameter("solar_daylight_hours", "h", 12, 6, 18,
                "Length of the daily solar half-sine, centred on noon",
                "assumption: the annual mean day length is about 12 h at every latitude");
        solarSeasonal = b.parameter("solar_seasonal_amplitude", "1", 0.3, 0, 0.9,
                "Seasonal swing of daily solar yield: a summer day yields (1 + a)/(1 - a) times a winter day",
                "assumption: about 1.9 between summer and winter, between the tropics (~1.2) and northern Europe (~5)");
        windSeasonal = b.parameter("wind_seasonal_amplitude", "1", 0.2, 0, 0.9,
                "Seasonal swing of wind output, peaking in winter",
                "assumption: northern-hemisphere wind fleets produce more in winter");
        windDiurnal = b.parameter("wind_diurnal_amplitude", "1", 0.1, 0, 0.9,
                "Daily swing of wind output, peaking at night",
                "assumption: onshore hub-height winds are stronger at night");
        windVariability = b.parameter("wind_variability", "1", 0.5, 0, 2,
                "Standard deviation of the random (weather) term of wind output, relative to its mean",
                "assumption: hourly output of a regional wind fleet varies by about half its mean");
        windPersistence = b.parameter("wind_persistence", "1", 0.97, 0, 0.999,
                "Hour-to-hour autocorrelation of the random wind term (AR(1) coefficient)",
                "assumption: weather systems last days, so hourly fleet output changes slowly");
        windSeed = b.parameter("wind_seed", "1", 1, 0, 2147483647,
                "Seed of the deterministic pseudo-random wind series (integer part used)",
                "assumption: any fixed seed; changing it changes the weather year, not the trend");
    }

    /** The seed of region {@code r}'s wind series this year (the parameter's integer part). */
    long windSeed(StepContext ctx, int r) {
        return (long) Math.floor(ctx.get(windSeed, r));
    }
}
