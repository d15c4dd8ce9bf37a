package etw.models.decarbonisation;

import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;
import etw.models.decarbonisation.CleanEnergyMatching.Shape;
import etw.models.decarbonisation.CleanEnergyMatching.Strategy;

/**
 * Corporate clean-electricity accounting for one consumer (a data-centre operator, say) on each region's grid:
 * annual certificate matching, carbon matching and hourly 24/7 matching, compared on claimed and grid-induced
 * emissions and the hourly carbon-free-energy (CFE) score, over 8,760 hours a year.
 *
 * <p>Each year and region: the grid's annual totals (generation, solar, wind, hydro, nuclear, other, coal, gas and
 * emissions, as the decarbonisation model writes them) are spread over the hours with deterministic profiles, which
 * gives an hourly grid intensity whose year adds up to the annual emissions; the consumer's load is
 * {@code consumer_consumption} times its profile; and the three strategies size their contracted clean supply. The
 * equations are in {@link CleanEnergyMatching} (strategies, grid intensity) and {@link HourlyProfiles} (profiles).
 *
 * <p>Stateless: the hourly buffers are scratch space borrowed for the length of a step from a one-slot pool (a
 * concurrent run that finds the slot empty makes its own) and fully overwritten before use, so a result depends only
 * on the step's inputs, parameters, year and region.
 *
 * <p>The emissions outputs sit under their own root, {@code Consumer Emissions|CO2|...}, not under
 * {@code Emissions|CO2}: they are alternative accountings of part of the power sector's emissions, and the engine
 * (and IAMC aggregation checks) would otherwise add them into the {@code Emissions|CO2} total.
 */
@Component(service = Model.class)
public final class CleanEnergyAccountingModel implements Model {

    /** Model id. */
    public static final String ID = "etw.models.decarbonisation.accounting";
    /** Root of the emissions outputs. */
    public static final String EMISSIONS_ROOT = "Consumer Emissions|CO2|";

    private static final double MAX_CONSUMPTION = 1e4;
    private static final Strategy[] STRATEGIES = Strategy.values();

    private final ModelDescriptor descriptor;

    private final Input total;
    private final Input solar;
    private final Input wind;
    private final Input hydro;
    private final Input nuclear;
    private final Input other;
    private final Input coal;
    private final Input gas;
    private final Input emissions;

    private final Output locationBased;
    private final Output[] claimed = new Output[3];
    private final Output[] gridInduced = new Output[3];
    private final Output[] cfeScore = new Output[3];
    private final Output[] procurement = new Output[3];

    private final Parameter consumption;
    private final Parameter cfeTarget;
    private final Parameter hourlySolarShare;
    private final Parameter carbonCap;
    private final Parameter maxFossilFactor;
    private final Parameter loadSwing;

    private final ProfileParameters shape;

    private final AtomicReference<CleanEnergyMatching> spare = new AtomicReference<>();

    public CleanEnergyAccountingModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder(ID,
                "Clean-electricity accounting: annual, carbon and hourly 24/7 matching");
        b.description("Hourly (8,760 h) profiles: solar half-sine over daylight with a seasonal amplitude, wind = "
                + "seasonal + diurnal cosines + seeded AR(1), consumer load and grid demand with daily (and seasonal) "
                + "swings, each summing to 1. Grid: residual r_h = max(0, G g_h - S s_h - W w_h - (hydro + nuclear + "
                + "other)/8760); fossil_h = (coal + gas) r_h / sum r; EF = min(emissions / (coal + gas), "
                + "max_fossil_intensity); I_h = (fossil_h EF + rest/8760) / (G g_h), rest = emissions not explained by "
                + "fossil, so the hours add up to the annual emissions. Consumer load L_h = E l_h. Annual matching: "
                + "P_h = E s_h. Carbon matching: P_h = k s_h with sum P_h I_h = sum L_h I_h (k <= cap E). Hourly "
                + "matching: P_h = x (t E/8760 + (1-t) E (alpha s_h + (1-alpha) w_h)), x smallest with CFE = t. "
                + "CFE = sum min(L_h, P_h) / sum L_h. Claimed: annual max(0, E - sum P) Ibar; carbon max(0, "
                + "sum L I - sum P I); hourly sum max(0, L_h - P_h) I_h. Grid-induced = sum L_h I_h - sum P_h I_h. "
                + "Mt = TWh x g/kWh / 1000.");

        total = b.input("Secondary Energy|Electricity", "TWh/yr", "Grid generation, spread over the hours by the grid demand profile");
        solar = b.input("Secondary Energy|Electricity|Solar", "TWh/yr", "Grid solar generation, spread by the solar profile");
        wind = b.input("Secondary Energy|Electricity|Wind", "TWh/yr", "Grid wind generation, spread by the wind profile");
        hydro = b.input("Secondary Energy|Electricity|Hydro", "TWh/yr", "Hydropower, flat in time");
        nuclear = b.input("Secondary Energy|Electricity|Nuclear", "TWh/yr", "Nuclear, flat in time");
        other = b.input("Secondary Energy|Electricity|Other", "TWh/yr", "Bioenergy, oil and other, flat in time");
        coal = b.input("Secondary Energy|Electricity|Coal", "TWh/yr", "Coal generation (with gas: the fossil generation timed by the hourly residual)");
        gas = b.input("Secondary Energy|Electricity|Gas", "TWh/yr", "Gas generation");
        emissions = b.input("Emissions|CO2|Energy|Supply|Electricity", "Mt CO2/yr",
                "Power-sector emissions the hourly grid intensity adds up to");

        locationBased = b.output(EMISSIONS_ROOT + "Location-Based", "Mt CO2/yr",
                "Emissions of the consumer's consumption at each hour's grid intensity, before any procurement");
        for (Strategy s : Strategy.values()) {
            int i = s.ordinal();
            String label = s.label();
            claimed[i] = b.output(EMISSIONS_ROOT + label + "|Claimed", "Mt CO2/yr",
                    "Market-based emissions the consumer reports under " + label.toLowerCase());
            gridInduced[i] = b.output(EMISSIONS_ROOT + label + "|Grid-Induced", "Mt CO2/yr",
                    "Consumption emissions minus the emissions the contracted supply displaces, hour by hour, under "
                            + label.toLowerCase() + " (negative: it displaces more than the consumption causes)");
            cfeScore[i] = b.output("CFE Score|Consumer|" + label, "1",
                    "Share of the consumer's load met in the same hour by its contracted clean supply under "
                            + label.toLowerCase());
            procurement[i] = b.output("Procurement|Consumer|" + label, "TWh/yr",
                    "Contracted clean supply under " + label.toLowerCase());
        }

        consumption = b.parameter("consumer_consumption", "TWh/yr", 24, 0, MAX_CONSUMPTION,
                "Annual electricity consumption of the consumer (a data-centre operator, say)",
                "Google 2024 Environmental Report: its data centres used about 24 TWh in 2023 (as quoted by "
                        + "DatacenterDynamics, July 2024); a large hyperscale operator");
        cfeTarget = b.parameter("cfe_target", "1", 0.9, 0, 1,
                "Hourly CFE score the 24/7 strategy is sized to reach",
                "assumption: Google pursues 24/7 carbon-free energy by 2030 (MIT Technology Review, July 2024); "
                        + "0.9 rather than 1 because the last hours need disproportionate firm supply or storage");
        hourlySolarShare = b.parameter("hourly_solar_share", "1", 0.5, 0, 1,
                "Solar share of the variable (solar plus wind) part of the 24/7 portfolio; the rest is wind",
                "assumption: an even split, no source");
        carbonCap = b.parameter("carbon_matching_cap", "1", 5, 1, 20,
                "Largest carbon-matching procurement as a multiple of consumption; beyond it the claim does not "
                        + "balance and the rest is reported as claimed emissions",
                "assumption: keeps the solar needed finite when solar hours are nearly fossil-free");
        maxFossilFactor = b.parameter("max_fossil_intensity", "g CO2/kWh", 1060, 300, 2000,
                "Largest emission factor placed on hourly fossil generation; emissions beyond it are spread flat",
                "assumption: no fossil plant emits more than coal; the decarbonisation model's ef_coal default");
        shape = new ProfileParameters(b);
        loadSwing = b.parameter("load_daily_swing", "1", 0.05, 0, 0.9,
                "Daily swing of the consumer's load, peaking in the afternoon",
                "assumption: data-centre load is nearly flat; cooling adds a few percent in the afternoon");
        // opt-in: 8,760 hours a year for one consumer is costly and answers a narrower question than the grid
        b.optIn();
        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        CleanEnergyMatching m = spare.getAndSet(null);
        if (m == null) m = new CleanEnergyMatching();
        try {
            for (int r = 0; r < ctx.regionCount(); r++) step(ctx, r, m);
        } finally {
            spare.set(m);
        }
    }

    private void step(StepContext ctx, int r, CleanEnergyMatching m) {
        m.profiles(new Shape(ctx.get(shape.solarDaylight, r), ctx.get(shape.solarSeasonal, r), ctx.get(shape.windSeasonal, r),
                ctx.get(shape.windDiurnal, r), ctx.get(shape.windVariability, r), ctx.get(shape.windPersistence, r),
                shape.windSeed(ctx, r), ctx.get(loadSwing, r), ctx.get(shape.gridDailySwing, r),
                ctx.get(shape.gridSeasonalSwing, r)));
        m.grid(ctx.get(total, r), ctx.get(solar, r), ctx.get(wind, r),
                ctx.get(hydro, r) + ctx.get(nuclear, r) + ctx.get(other, r),
                ctx.get(coal, r) + ctx.get(gas, r), ctx.get(emissions, r), ctx.get(maxFossilFactor, r));
        m.consumer(ctx.get(consumption, r), ctx.get(cfeTarget, r), ctx.get(hourlySolarShare, r), ctx.get(carbonCap, r));

        ctx.set(locationBased, r, m.consumptionEmissions());
        for (Strategy s : STRATEGIES) {
            int i = s.ordinal();
            ctx.set(claimed[i], r, m.claimedEmissions(s));
            ctx.set(gridInduced[i], r, m.gridInducedEmissions(s));
            ctx.set(cfeScore[i], r, m.cfeScore(s));
            ctx.set(procurement[i], r, m.procurement(s));
        }
    }
}
