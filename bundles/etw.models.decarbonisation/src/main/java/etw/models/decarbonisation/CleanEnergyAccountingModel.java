package etw.models.decarbonisation;


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
 * Clean-electricity procurement and accounting for one consumer (a data-centre fleet, say) on each region's grid:
 * the least-cost portfolio of solar, wind, clean-firm and battery contracts that meets an annual (volumetric), a
 * carbon (emissions) or an hourly (24/7 CFE) target, each solved as a linear programme, compared on cost, over-build
 * ratio, hourly carbon-free-energy (CFE) score, claimed and consequential (grid-induced) emissions over 8,760 hours.
 *
 * <p>Each year and region: the grid's annual totals, as the decarbonisation model writes them, are spread over the
 * hours with the same profiles as the supply model, which gives an hourly grid intensity, carbon-free share and
 * marginal emission rate; the consumer's load is {@code consumer_consumption} times its profile; and the three
 * procurements are solved ({@link Procurement}, ojAlgo embedded in this bundle). The equations are in
 * {@link CleanEnergyMatching} (grid signal, accounting), {@link Procurement} (LPs) and {@link HourlyProfiles}.
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
    private static final int N = STRATEGIES.length;

    private final ModelDescriptor descriptor;

    private final Input total;
    private final Input solar;
    private final Input wind;
    private final Input hydro;
    private final Input nuclear;
    private final Input other;
    private final Input coal;
    private final Input gas;
    private final Input oil;
    private final Input emissions;

    private final Output locationBased;
    private final Output[] claimed = new Output[N];
    private final Output[] gridInduced = new Output[N];
    private final Output[] cfeScore = new Output[N];
    private final Output[] procurement = new Output[N];
    private final Output[] procuredSolar = new Output[N];
    private final Output[] procuredWind = new Output[N];
    private final Output[] procuredFirm = new Output[N];
    private final Output[] batteryPower = new Output[N];
    private final Output[] batteryEnergy = new Output[N];
    private final Output[] cost = new Output[N];
    private final Output[] price = new Output[N];
    private final Output[] overBuild = new Output[N];

    private final Parameter consumption;
    private final Parameter annualTarget;
    private final Parameter carbonTarget;
    private final Parameter cfeTarget;
    private final Parameter pledgedSolar;
    private final Parameter solarPrice;
    private final Parameter windPrice;
    private final Parameter firmPrice;
    private final Parameter batteryPowerCost;
    private final Parameter batteryEnergyCost;
    private final Parameter batteryRoundTrip;
    private final Parameter batteryDuration;
    private final Parameter maxFossilFactor;
    private final Parameter loadSwing;

    private final ProfileParameters shape;

    private final Spares<CleanEnergyMatching> spares = new Spares<>(CleanEnergyMatching::new);

    public CleanEnergyAccountingModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder(ID,
                "Clean-electricity procurement: least-cost annual, carbon and hourly 24/7 matching");
        b.description("Hourly (8,760 h) profiles as in the supply model. Grid signal from the annual totals: residual "
                + "r_h = max(0, G g_h - S s_h - W w_h - (hydro + nuclear + other)/8760); fossil_h = (coal + gas + oil) "
                + "r'_h / sum r, with r' the residual without the consumer's pledged solar (pledged_solar_in_grid); EF = "
                + "min(emissions / fossil, max_fossil_intensity); average intensity I_h = (fossil_h EF + rest/8760) / "
                + "(G g_h); grid carbon-free share cfe_h = 1 - fossil_h / (G g_h); marginal rate m_h = EF where fossil "
                + "runs, else 0. Consumer load L_h = E l_h. Each strategy is a least-cost LP (ojAlgo) over contracts "
                + "for solar S, wind W, flat clean firm F (TWh/yr, priced per MWh) and, for the hourly target, a battery "
                + "(power GW, energy = battery_duration x power, priced per kW-yr and kWh-yr): annual S + W + F >= annual_target E; carbon "
                + "sum (S s_h + W w_h + F/8760) I_h >= carbon_target sum L_h I_h; hourly: 1 - sum (1 - cfe_h) q_h / "
                + "sum L_h >= cfe_target over all 8,760 h, q_h the load left to the grid after the portfolio and its "
                + "battery, solved by Kelley's cutting-plane method (a four-variable master LP, one full-year dispatch "
                + "per cut). S >= pledged solar in every target. Each "
                + "portfolio is then run over 8,760 h (greedy battery): CFE = 1 - sum (1 - cfe_h) q_h / sum L_h; "
                + "over-build = (S + W + F) / E; claimed: annual max(0, E - S - W - F) Ibar, carbon max(0, sum L I - "
                + "sum n I), hourly sum q_h I_h; grid-induced (consequential) = sum (L_h - n_h) m_h, n_h the "
                + "portfolio's output. Mt = TWh x g/kWh / 1000.");

        total = b.input("Secondary Energy|Electricity", "TWh/yr", "Grid generation, spread over the hours by the grid demand profile");
        solar = b.input("Secondary Energy|Electricity|Solar", "TWh/yr", "Grid solar generation, spread by the solar profile");
        wind = b.input("Secondary Energy|Electricity|Wind", "TWh/yr", "Grid wind generation, spread by the wind profile");
        hydro = b.input("Secondary Energy|Electricity|Hydro", "TWh/yr", "Hydropower, flat in time");
        nuclear = b.input("Secondary Energy|Electricity|Nuclear", "TWh/yr", "Nuclear, flat in time");
        other = b.input("Secondary Energy|Electricity|Other", "TWh/yr", "Bioenergy, oil and other, flat in time");
        coal = b.input("Secondary Energy|Electricity|Coal", "TWh/yr", "Coal generation (with gas and oil: the fossil generation timed by the hourly residual)");
        gas = b.input("Secondary Energy|Electricity|Gas", "TWh/yr", "Gas generation");
        oil = b.input("Secondary Energy|Electricity|Oil", "TWh/yr", "Oil-fired peaking generation");
        emissions = b.input("Emissions|CO2|Energy|Supply|Electricity", "Mt CO2/yr",
                "Power-sector emissions the hourly grid intensity adds up to");

        locationBased = b.output(EMISSIONS_ROOT + "Location-Based", "Mt CO2/yr",
                "Emissions of the consumer's consumption at each hour's average grid intensity, before any procurement");
        for (Strategy s : STRATEGIES) {
            int i = s.ordinal();
            String label = s.label();
            String lower = label.toLowerCase();
            claimed[i] = b.output(EMISSIONS_ROOT + label + "|Claimed", "Mt CO2/yr",
                    "Market-based emissions the consumer reports under " + lower);
            gridInduced[i] = b.output(EMISSIONS_ROOT + label + "|Grid-Induced", "Mt CO2/yr",
                    "Consequential emissions under " + lower + ": the consumer's load minus its contracts' output, hour "
                            + "by hour, at the grid's marginal emission rate (negative: its contracts avoid more than its "
                            + "load causes)");
            cfeScore[i] = b.output("CFE Score|Consumer|" + label, "1",
                    "Share of the consumer's load met in its hour by carbon-free supply under " + lower
                            + " (its contracts, its battery, and the grid's own carbon-free share of what it draws), over 8,760 h");
            procurement[i] = b.output("Procurement|Consumer|" + label, "TWh/yr",
                    "Contracted clean supply under " + lower + " (solar + wind + clean firm)");
            procuredSolar[i] = b.output("Procurement|Consumer|" + label + "|Solar", "TWh/yr",
                    "Contracted solar under " + lower);
            procuredWind[i] = b.output("Procurement|Consumer|" + label + "|Wind", "TWh/yr",
                    "Contracted wind under " + lower);
            procuredFirm[i] = b.output("Procurement|Consumer|" + label + "|Clean Firm", "TWh/yr",
                    "Contracted flat clean-firm supply (geothermal, nuclear) under " + lower);
            batteryPower[i] = b.output("Capacity|Consumer|" + label + "|Battery", "GW",
                    "Contracted battery power under " + lower);
            batteryEnergy[i] = b.output("Storage Capacity|Consumer|" + label + "|Battery", "GWh",
                    "Contracted battery energy under " + lower);
            cost[i] = b.output("Cost|Consumer|" + label, "million USD/yr",
                    "Annual cost of the least-cost portfolio under " + lower + " (gross: surplus sold back earns nothing)");
            price[i] = b.output("Price|Consumer|" + label, "USD/MWh",
                    "Portfolio cost per MWh the consumer uses under " + lower);
            overBuild[i] = b.output("Over-build Ratio|Consumer|" + label, "1",
                    "Contracted clean supply over consumption under " + lower);
        }

        consumption = b.parameter("consumer_consumption", "TWh/yr", 24, 0, MAX_CONSUMPTION,
                "Annual electricity consumption of the consumer (a data-centre fleet, say)",
                "Google 2024 Environmental Report: its data centres used about 24 TWh in 2023 (as quoted by "
                        + "DatacenterDynamics, July 2024); a large hyperscale operator");
        annualTarget = b.parameter("annual_target", "1", 1, 0, 1,
                "Share of the annual consumption the annual strategy matches with certificates (volumetric)",
                "assumption: the usual '100% renewable' claim (RE100) covers all annual MWh");
        carbonTarget = b.parameter("carbon_target", "1", 1, 0, 1,
                "Share of the consumption's emissions (at each hour's average intensity) that the carbon strategy's "
                        + "contracts displace",
                "assumption: 'carbon matching' as Amazon describes it balances all emissions (MIT Technology Review, July 2024)");
        cfeTarget = b.parameter("cfe_target", "1", 0.9, 0, 1,
                "Hourly CFE score the 24/7 strategy is sized to reach",
                "assumption: Google pursues 24/7 carbon-free energy by 2030 (MIT Technology Review, July 2024); "
                        + "0.9 rather than 1 because the last hours need disproportionate firm supply or storage");
        pledgedSolar = b.parameter("pledged_solar_in_grid", "TWh/yr", 0, 0, MAX_CONSUMPTION * 10,
                "Solar generation the grid inputs already contain because the consumer contracted it (a pledge a "
                        + "scenario builds into the renewables model): taken out of the grid the consumer is matched "
                        + "against, and a floor on its contracted solar, so it is counted once",
                "assumption: 0, no pledge in the grid; a scenario that builds pledged solar sets it to the same amount");
        solarPrice = b.parameter("solar_ppa_price", "USD/MWh", 61, 10, 300,
                "Price of contracted utility-scale solar",
                "Lazard, Levelized Cost of Energy+ (June 2024), LCOE v17.0: utility-scale solar PV unsubsidised "
                        + "29-92 USD/MWh; midpoint");
        windPrice = b.parameter("wind_ppa_price", "USD/MWh", 50, 10, 300,
                "Price of contracted onshore wind",
                "Lazard, Levelized Cost of Energy+ (June 2024), LCOE v17.0: onshore wind unsubsidised 27-73 USD/MWh; "
                        + "midpoint");
        firmPrice = b.parameter("clean_firm_price", "USD/MWh", 182, 20, 400,
                "Price of contracted flat clean-firm supply (new nuclear, geothermal)",
                "Lazard, Levelized Cost of Energy+ (June 2024), LCOE v17.0: new nuclear unsubsidised 142-222 USD/MWh; "
                        + "midpoint. Geothermal (64-106) is cheaper but available at few sites; set it here to study "
                        + "a buyer who can contract it");
        batteryPowerCost = b.parameter("battery_power_cost", "USD/kW-yr", 44, 0, 500,
                "Annualised cost of battery power (inverter and grid connection)",
                "assumption derived from Cole & Karmakar, NREL, Cost Projections for Utility-Scale Battery Storage: "
                        + "2023 Update: 4-h system 326 USD/kWh in 2030 (mid), i.e. 1,304 USD/kW, a quarter of it "
                        + "taken as power-related (326 USD/kW); 15-year life at 7% real (capital recovery 0.110) plus "
                        + "2.5%/yr fixed O&M: 326 x 0.135 = 44");
        batteryEnergyCost = b.parameter("battery_energy_cost", "USD/kWh-yr", 33, 0, 500,
                "Annualised cost of battery energy capacity",
                "assumption derived from the same NREL 2023 update: the other three quarters, 245 USD/kWh, "
                        + "x 0.135 = 33");
        batteryRoundTrip = b.parameter("battery_round_trip", "1", 0.85, 0.5, 1,
                "Round-trip efficiency of the contracted battery",
                "Cole & Karmakar, NREL, Cost Projections for Utility-Scale Battery Storage: 2023 Update: 85%");
        batteryDuration = b.parameter("battery_duration", "h", 4, 1, 100,
                "Energy of the contracted battery per unit of power (hours at full output)",
                "Cole & Karmakar, NREL, Cost Projections for Utility-Scale Battery Storage: 2023 Update: the "
                        + "reference system is 4 h; longer durations stand for long-duration storage at battery prices");
        maxFossilFactor = b.parameter("max_fossil_intensity", "g CO2/kWh", 1060, 300, 2000,
                "Largest emission factor placed on hourly fossil generation; emissions beyond it are spread flat",
                "assumption: no fossil plant emits more than coal; the decarbonisation model's ef_coal default");
        shape = new ProfileParameters(b);
        loadSwing = b.parameter("load_daily_swing", "1", 0.05, 0, 0.9,
                "Daily swing of the consumer's load, peaking in the afternoon",
                "assumption: data-centre load is nearly flat; cooling adds a few percent in the afternoon");
        // opt-in: three LPs a region-year for one consumer answer a narrower question than the grid
        b.optIn();
        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        CleanEnergyMatching m = spares.take();
        try {
            for (int r = 0; r < ctx.regionCount(); r++) step(ctx, r, m);
        } finally {
            spares.give(m);
        }
    }

    private void step(StepContext ctx, int r, CleanEnergyMatching m) {
        m.profiles(new Shape(ctx.get(shape.solarDaylight, r), ctx.get(shape.solarSeasonal, r), ctx.get(shape.windSeasonal, r),
                ctx.get(shape.windDiurnal, r), ctx.get(shape.windVariability, r), ctx.get(shape.windPersistence, r),
                shape.windSeed(ctx, r), ctx.get(loadSwing, r), ctx.get(shape.gridDailySwing, r),
                ctx.get(shape.gridSeasonalSwing, r)));
        m.grid(ctx.get(total, r), ctx.get(solar, r), ctx.get(wind, r),
                ctx.get(hydro, r) + ctx.get(nuclear, r) + ctx.get(other, r),
                ctx.get(coal, r) + ctx.get(gas, r) + ctx.get(oil, r), ctx.get(emissions, r), ctx.get(maxFossilFactor, r),
                ctx.get(pledgedSolar, r));
        m.consumer(ctx.get(consumption, r), ctx.get(annualTarget, r), ctx.get(carbonTarget, r), ctx.get(cfeTarget, r),
                new Procurement.Costs(ctx.get(solarPrice, r), ctx.get(windPrice, r), ctx.get(firmPrice, r),
                        ctx.get(batteryPowerCost, r), ctx.get(batteryEnergyCost, r), ctx.get(batteryRoundTrip, r),
                        ctx.get(batteryDuration, r)));

        ctx.set(locationBased, r, m.consumptionEmissions());
        for (Strategy s : STRATEGIES) {
            int i = s.ordinal();
            Procurement.Portfolio p = m.portfolio(s);
            ctx.set(claimed[i], r, m.claimedEmissions(s));
            ctx.set(gridInduced[i], r, m.gridInducedEmissions(s));
            ctx.set(cfeScore[i], r, m.cfeScore(s));
            ctx.set(procurement[i], r, p.energy());
            ctx.set(procuredSolar[i], r, p.solar());
            ctx.set(procuredWind[i], r, p.wind());
            ctx.set(procuredFirm[i], r, p.firm());
            ctx.set(batteryPower[i], r, p.batteryGw());
            ctx.set(batteryEnergy[i], r, p.batteryGwh());
            ctx.set(cost[i], r, p.cost());
            ctx.set(price[i], r, m.price(s));
            ctx.set(overBuild[i], r, m.overBuild(s));
        }
    }
}
