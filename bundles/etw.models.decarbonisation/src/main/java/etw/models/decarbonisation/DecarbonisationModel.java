package etw.models.decarbonisation;


import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.SoftRange;
import etw.api.SoftRange;
import etw.api.StepContext;
import etw.models.support.StageStock;

/**
 * Decarbonisation pathway of the power sector: an hourly (8,760 h) balance of supply and demand per region and
 * year, its CO2 emissions, carbon intensity and cumulative emissions.
 *
 * <p>Each year and region (energy in TWh/yr, power in GW; the hourly rules are in {@link HourlyBalance}):
 * <pre>
 * required generation  R = demand * (1 + loss_factor), spread over the hours by the grid demand profile g_h
 * solar, wind          S s_h, W w_h: this year's generation (renewables model) times its normalised hourly
 *                      profile, so the year's energy is the annual figure and the 2024 calibration stays
 * firm clean           nuclear + other_generation, flat in time; nuclear = nuclear_generation * survival(year - first
 *                      year; nuclear_lifetime, nuclear_mean_age) + N_nuc * nuclear_capacity_factor * 8.76, N_nuc the
 *                      reactors built since the first year (nuclear_additions, GW/yr) aged in a StageStock (mean life
 *                      nuclear_lifetime); Capacity|Electricity|Nuclear = the first-year fleet's nuclear_generation /
 *                      (nuclear_capacity_factor * 8.76) * survival + N_nuc
 * hydro                hydro_generation / 12 a month, dispatched into the month's highest residual hours within
 *                      hydro_capacity; a budget the month cannot use is spilled
 * storage              batteries (battery_power, battery_energy, battery_efficiency) then pumped hydro (pumped_*):
 *                      charged from surplus, discharged into deficit, greedy in time order, empty on 1 January;
 *                      then batteries hold the year's residual peak down to P, the lowest level that every window
 *                      from one day's lowest residual hour to the next's can hold with the power and energy the
 *                      surplus pass left free: in each window whose peak is above P, charged from the dispatchable
 *                      fleet in the valley (up to P) and discharged into the hours above P, the stored energy in
 *                      [0, battery energy] every hour and back to the surplus pass's at the end of the window
 *                      (charge * round trip = discharge)
 * fleet                K_f = &lt;f&gt;_capacity * survival(year - first year) + N_f (f = coal, gas, oil, clean_firm);
 *                      survival: vintages evenly spread between age 0 and 2 &lt;f&gt;_mean_age, each retiring at
 *                      &lt;f&gt;_lifetime; coal is 0 from coal_phase_out_year on. N_f, capacity built since the first year,
 *                      ages through the six stages of {@link StageStock} (a discrete Erlang survival curve with mean
 *                      &lt;f&gt;_lifetime), read back with lag 1, plus this year's additions
 * batteries            B = battery stock built since the first year (StageStock, mean life battery_lifetime); power
 *                      battery_power + B, energy battery_energy + B * battery_duration_new. After the balance with
 *                      last year's stock: each day's shiftable energy m_d = min(curtailed * round trip, residual);
 *                      an extra GWh pays on the days with m_d above it, each worth v = short-run cost of the plant
 *                      at the margin at the mean residual level, against the annualised cost
 *                      k * 1e6 * crf(discount_rate, battery_lifetime), k the Wright's-law cost
 *                      battery_cost_base * (cumulative / first-year energy)^log2(1 - battery_learning_rate): the
 *                      energy added e* is the m_d exceeded on (annual cost / 1000 v) days; while the firm fleet
 *                      falls short of peak residual * (1 + reserve_margin) by G GW, the peak must drop by
 *                      x = G / (1 + reserve_margin), and a GWh lowers it by its capacity credit
 *                      q = min(1 / duration, x sqrt(battery_efficiency) / S(peak - x)) GW, S(l) the energy above
 *                      the level l on the day that has the most (HourlyBalance.shaveEnergy): it earns a capacity
 *                      value (1 + reserve_margin) q P a year (P the annualised fixed cost per available kW of the
 *                      cheapest firm plant allowed), for the x / q GWh that close the gap: e* is then the larger of
 *                      the above and min(x / q, x / q when the capacity value alone pays, else the m_d exceeded on
 *                      (annual cost - capacity value) / 1000 v days); power e* / duration, at most battery_build_max,
 *                      50% of the fleet and 1.25 times last year's additions (or 1% of peak residual load);
 *                      storage re-runs (after the fleet is sized, once more with the valley charging limited to the
 *                      available fleet if that fleet falls short of the levels the batteries charged to)
 * clean firm, economic from the second year: the screening curve's crossover h* = (clean_firm_capex
 *                      crf(discount_rate, clean_firm_lifetime) + clean_firm_fixed_om) / (c_base - c_clean) hours a
 *                      year (c_base the cheapest fossil's short-run cost); capacity up to the residual load exceeded
 *                      in h* hours is added, at most clean_firm_build_max a year
 * reliability          need = peak residual load (after the shaving, P) * (1 + reserve_margin) - available
 *                      fleet (incl. the clean firm just added); fossil additions min(need, firm_build_max), the rest
 *                      by clean firm within
 *                      clean_firm_build_max; only what both limits forbid can go unmet. The fossil additions are
 *                      split by the screening curve (fossil_build_choice 1): among the fuels with
 *                      &lt;f&gt;_build_share &gt; 0, each takes the band of running hours h where fixed_f /
 *                      availability_f + c_f h / 1000 is the lowest, its optimal capacity is the slice of the
 *                      residual load duration curve (above the clean firm fleet, peak plus reserve at 0 h) in its
 *                      band, and the additions go to the fuels in proportion to max(0, optimal - available);
 *                      with fossil_build_choice 0, in proportion to &lt;f&gt;_build_share
 * dispatch             available A_f = K_f * &lt;f&gt;_availability; short-run cost
 *                      c_f = &lt;f&gt;_fuel_price / &lt;f&gt;_efficiency + carbon_price * ef_&lt;f&gt; / 1000 [USD/MWh];
 *                      each hour first the must-run blocks &lt;f&gt;_must_run * (first-year fleet left) * availability,
 *                      then the rest of A_f, cheapest first; the hour's price is the marginal plant's c_f (VoLL
 *                      when demand goes unmet, 0 when clean supply or storage is at the margin)
 * market values        solar and wind: their generation-weighted hourly price (read by the renewables model)
 * system cost          (sum_f K_f (capex_f crf + fixed_om_f) + sum_f G_f fuel_f + battery energy k crf + solar and
 *                      wind generation * their levelised cost + (hydro + nuclear + other) legacy_clean_cost) /
 *                      (R - unmet)  [USD/MWh]; carbon payments are transfers and left out
 * invariants           each hour and the year close to 1e-6 relative; shares of supply in [0, 1]; dispatchable
 *                      capacity factors within availability; solar and wind within physical limits. A violation
 *                      stops the run naming the model, region, year (and hour)
 * representative days  representative_days 12: the same on 12 x 24 h (HourlyProfiles.representativeDays), each
 *                      hour standing for 730 / 24 real hours; its error against 8,760 h is in RepresentativeDaysTest
 * unmet demand         residual left after the last fuel (reported, never hidden as fossil)
 * curtailment          surplus left after storage, plus spilled hydro
 * emissions [Mt CO2]   E = (coal ef_coal + gas ef_gas + oil ef_oil + other ef_other) / 1000
 * total generation     T = solar + wind + hydro + nuclear + other + coal + gas + oil - curtailment
 *                        = R - unmet + storage losses + energy left in storage
 * carbon intensity     I = E * 1000 / T  [g CO2/kWh] (0 when T = 0)
 * cumulative [Gt CO2]  C(t) = C(t-1) + E / 1000, with C(t-1) = 0 in the first year
 * </pre>
 * Solar, wind, hydro, nuclear and other are reported gross (what the plants could give); curtailment is what the
 * system could not use, so the children of {@code Secondary Energy|Electricity} add up to {@code T + curtailment}.
 * The must-run blocks stand for what a single-node merit order cannot see (heat-led CHP, contracts and
 * self-scheduling, plants behind transmission limits, a World node that mixes regions with different fuel prices):
 * they are calibrated so that 2024 coal and gas generation match the published figures. "Other" includes oil
 * run as part of the 2024 mix, so it emits ({@code ef_other}); {@code Secondary Energy|Electricity|Oil} is
 * oil-fired peaking beyond that, dispatched by merit order.
 *
 * <p>Units: TWh times g/kWh is 10^9 g = 10^-3 Mt, hence the division by 1000; USD/t times g/kWh / 1000 is
 * USD/MWh. The model is stateless: the hourly buffers are scratch space borrowed for one step, and the
 * cumulative total is an output read back with a lag of one year.
 */
@Component(service = Model.class)
public final class DecarbonisationModel implements Model {

    private static final double MAX_GENERATION = 1e5;
    private static final double MAX_GW = 1e4;
    private static final double MAX_GWH = 1e6;
    /**
     * Most battery power added in a year as a share of the fleet (assumption: grid batteries grew about 50-80% a
     * year worldwide in 2020-2024, BloombergNEF and IEA, Batteries and Secure Energy Transitions 2024).
     */
    static final double BATTERY_RAMP = 0.5;
    /**
     * Most growth of the year's battery additions over last year's (assumption: 25% a year, about the 20-25% a year
     * that World solar and wind additions grew on average over 2014-2024 (IRENA, Renewable Capacity Statistics
     * 2025), as for economic solar and wind additions in the renewables model; factories, supply chains and grid connections grow at
     * a finite pace, so additions cannot jump from tens to hundreds of GW in a year even when the fleet is large.
     * With 50%, and solar and wind built on economics, China's fossil generation fell 15.8% in a year, with 30% 10.03%).
     */
    static final double BATTERY_ADDITIONS_GROWTH = 0.25;
    /** Additions allowed even with no fleet yet, as a share of peak residual load (assumption). */
    static final double BATTERY_FLOOR = 0.01;

    private final ModelDescriptor descriptor;

    private final Input demand;
    private final Input solar;
    private final Input wind;
    private final Input previousCumulative;

    private final Output total;
    private final Output hydro;
    private final Output nuclear;
    private final Output other;
    private final Output coal;
    private final Output gas;
    private final Output oil;
    private final Output curtailment;
    private final Output unmet;
    private final Output storageDischarge;
    private final Output storageLosses;
    private final Output peakResidual;
    private final Output emissions;
    private final Output intensity;
    private final Output cumulative;

    private final Parameter lossFactor;
    private final Parameter hydroGeneration;
    private final Parameter nuclearGeneration;
    private final Parameter otherGeneration;
    private final Parameter hydroCapacity;
    private final Parameter batteryPower;
    private final Parameter batteryBuildMax;
    private final Parameter batteryDurationNew;
    private final Parameter batteryLifetime;
    private final Input previousBatteryCumulative;
    private final Input previousBatteryAdditions;
    private final Input solarCost;
    private final Input windCost;
    private final Input solarCapacity;
    private final Input windCapacity;
    private final Output batteryCapacity;
    private final Output batteryNew;
    private final Output batteryAdditions;
    private final Output peakSurplus;
    private final Parameter batteryEnergy;
    private final Parameter batteryEfficiency;
    private final Parameter pumpedPower;
    private final Parameter pumpedEnergy;
    private final Parameter pumpedEfficiency;
    private final Parameter[] capacity = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] availability = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] mustRun = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] fuelPrice = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] efficiency = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] emissionFactor = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] lifetime = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] meanAge = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] buildShare = new Parameter[HourlyBalance.FUELS];
    private final Parameter coalPhaseOut;
    private final Parameter reserveMargin;
    private final Parameter firmBuildMax;
    private final Parameter buildChoice;
    private final Parameter nuclearLifetime;
    private final Parameter nuclearMeanAge;
    private final Parameter nuclearFactor;
    private final Parameter nuclearAdditions;
    private final StageStock nuclearStock;
    private final Output nuclearCapacityOut;
    private final Output nuclearNewOut;
    private final Output nuclearAdditionsOut;
    private final StageStock[] newStock = new StageStock[HourlyBalance.FUELS];
    private final StageStock batteryStock;
    private final Parameter[] capex = new Parameter[HourlyBalance.FUELS];
    private final Parameter[] fixedOm = new Parameter[HourlyBalance.FUELS];
    private final Parameter cleanBuildMax;
    private final Parameter discountRate;
    private final Parameter voll;
    private final Parameter legacyCost;
    private final Parameter batteryCostBase;
    private final Parameter batteryLearningRate;
    private final Parameter representativeDays;
    private final Output cleanGeneration;
    private final Output solarValue;
    private final Output windValue;
    private final Output systemCost;
    private final Output meanPrice;
    private final Output fossilEnergyCost;
    private final Output batteryCost;
    private final Output batteryCumulative;
    private final Output batteryEnergyOut;
    private final Output[] capacityOut = new Output[HourlyBalance.FUELS];
    private final Output[] newCapacityOut = new Output[HourlyBalance.FUELS];
    private final Output[] additionsOut = new Output[HourlyBalance.FUELS];
    private final Parameter carbonPrice;
    private final Parameter efOther;

    private final ProfileParameters shape;

    private final Spares<Workspace> spares = new Spares<>(Workspace::new);

    public DecarbonisationModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("etw.models.decarbonisation",
                "Decarbonisation: hourly electricity balance, supply mix and emissions");
        b.description("Hourly (8,760 h) balance per region and year. Required generation R = demand * (1 + "
                + "loss_factor) shaped by the grid demand profile; solar and wind = annual generation times their "
                + "hourly profiles; nuclear and other flat; hydro = hydro_generation / 12 a month into the month's "
                + "highest residual hours within hydro_capacity (unusable budget spilled); batteries then pumped hydro "
                + "charged from surplus and discharged into deficit, greedy in time order (round-trip efficiency split "
                + "evenly between charge and discharge, empty on 1 January), then batteries hold the year's residual "
                + "peak down to the lowest level every day can hold, charging from the dispatchable fleet in the "
                + "valley before each day's peak (within the power and energy the surplus left free); fossil by "
                + "merit order on short-run cost "
                + "fuel_price / efficiency + carbon_price * ef / 1000 [USD/MWh], first each fuel's must-run block "
                + "must_run * surviving first-year capacity * availability, then the rest of capacity * availability, "
                + "cheapest first (clean firm, the fourth plant type, runs first at its low short-run cost). Capacity = "
                + "capacity * survival (vintages evenly spread from 0 to 2 mean_age, retiring at lifetime; coal 0 from "
                + "coal_phase_out_year) + capacity built since the first year, aged through six stages of a discrete "
                + "Erlang survival curve with mean lifetime. Additions: batteries where the daily shiftable surplus, "
                + "valued at the marginal plant's short-run cost, pays for their annualised Wright's-law cost "
                + "(battery_cost_base, battery_learning_rate); clean firm where the screening curve puts it below "
                + "the cheapest fossil (capex, fixed O&M, discount_rate), up to clean_firm_build_max a year; then "
                + "for reliability, peak residual * (1 + reserve_margin) - available fleet, by fossil up to "
                + "firm_build_max (split among the fuels allowed by build_share > 0 by the screening curve: each fuel "
                + "takes the band of running hours where its annualised cost per available kW is lowest, and new "
                + "capacity goes where the optimal capacity in a band exceeds the fleet; fossil_build_choice 0 splits "
                + "by the build shares instead) and the rest by clean firm within its build rate. Batteries also "
                + "earn a capacity value while the fleet is short of the peak (the fixed cost of the cheapest firm "
                + "plant allowed, times the peak a GWh can shave), and their additions grow at most 50% a year. "
                + "Nuclear: nuclear_generation of the "
                + "first-year fleet retires along the survival curve of nuclear_lifetime and nuclear_mean_age; "
                + "reactors built later (nuclear_additions) add nuclear_capacity_factor * 8.76 TWh per GW. The "
                + "hourly price is the marginal plant's cost (value_of_lost_load when unmet): market values of "
                + "solar and wind feed the renewables model; the system cost per MWh (annualised capital, fixed, fuel "
                + "and legacy costs over demand met; carbon payments excluded) is Price|Secondary Energy|Electricity. "
                + "representative_days 12 balances twelve representative days instead of 8,760 hours. Every hour "
                + "must close to 1e-6 and shares and capacity factors stay physical, or the run stops. The "
                + "residual left is unmet demand, the surplus left plus spilled hydro is curtailment. Emissions [Mt] = "
                + "(coal ef_coal + gas ef_gas + oil ef_oil + other ef_other) / 1000; total generation T = the sum of "
                + "the sources - curtailment; carbon intensity = emissions * 1000 / T; cumulative emissions [Gt CO2] = "
                + "last year's + emissions / 1000.");

        demand = b.input("Final Energy|Electricity", "TWh/yr",
                "Total final electricity demand (normally the aggregate of all demand variables below it)");
        solar = b.input("Secondary Energy|Electricity|Solar", "TWh/yr", "Solar generation before curtailment");
        wind = b.input("Secondary Energy|Electricity|Wind", "TWh/yr", "Wind generation before curtailment");
        previousCumulative = b.laggedInput("Cumulative Emissions|CO2|Energy|Supply|Electricity", "Gt CO2", 1, 0.0,
                "Last year's cumulative power-sector CO2 emissions (own output); 0 before the first year");

        total = b.output("Secondary Energy|Electricity", "TWh/yr",
                "Generation delivered: required generation minus unmet demand, plus storage losses");
        hydro = b.output("Secondary Energy|Electricity|Hydro", "TWh/yr",
                "Hydropower generation available (the year's budget; spilled water is counted in curtailment)");
        nuclear = b.output("Secondary Energy|Electricity|Nuclear", "TWh/yr", "Nuclear generation (flat in time)");
        other = b.output("Secondary Energy|Electricity|Other", "TWh/yr",
                "Generation from bioenergy, oil run as part of the base mix and other sources (flat in time)");
        coal = b.output("Secondary Energy|Electricity|Coal", "TWh/yr", "Coal generation dispatched by merit order");
        gas = b.output("Secondary Energy|Electricity|Gas", "TWh/yr", "Gas generation dispatched by merit order");
        oil = b.output("Secondary Energy|Electricity|Oil", "TWh/yr",
                "Oil-fired peaking dispatched by merit order (beyond the oil inside 'Other')");
        curtailment = b.output("Secondary Energy|Electricity|Curtailment", "TWh/yr",
                "Clean supply the hourly balance could not use or store, including spilled hydro (read by the "
                        + "renewables model with a lag of one year)");
        unmet = b.output("Secondary Energy|Electricity|Unmet Demand", "TWh/yr",
                "Demand no supply, storage or available fossil capacity could meet in its hour");
        storageDischarge = b.output("Storage|Electricity|Discharge", "TWh/yr",
                "Electricity given back to the grid by batteries and pumped hydro");
        storageLosses = b.output("Storage|Electricity|Losses", "TWh/yr",
                "Round-trip losses of batteries and pumped hydro");
        peakResidual = b.output("Peak Residual Load|Electricity", "GW",
                "Highest hourly load left after clean supply, hydro and storage: what dispatchable capacity must cover");
        emissions = b.output("Emissions|CO2|Energy|Supply|Electricity", "Mt CO2/yr",
                "CO2 emissions from electricity generation (coal, gas, oil and the oil part of other)");
        intensity = b.output("Carbon Intensity|Electricity", "g CO2/kWh",
                "CO2 emitted per kWh of electricity generated");
        cumulative = b.output("Cumulative Emissions|CO2|Energy|Supply|Electricity", "Gt CO2",
                "Power-sector CO2 emitted from the first year of the scenario up to and including this year");

        lossFactor = b.parameter("loss_factor", "1", 0.11, 0, 0.5,
                "Transmission and distribution losses and power-plant own use, as a fraction of final demand",
                "assumption: covers grid losses and own use; makes the 2024 final demand of about 27,775 TWh match "
                        + "the 30,830 TWh generated in Ember, Global Electricity Review 2025");
        hydroGeneration = b.parameter("hydro_generation", "TWh/yr", 4409, 0, MAX_GENERATION,
                "Hydropower energy budget of the year, spread evenly over the months (read every year; may be a "
                        + "trajectory)",
                "Ember, Global Electricity Review 2025: hydro 14.3% of 30,830 TWh generated in 2024");
        nuclearGeneration = b.parameter("nuclear_generation", "TWh/yr", 2775, 0, MAX_GENERATION,
                "Generation of the first-year nuclear fleet before it retires, flat in time (read every year; a "
                        + "trajectory stands for uprates, restarts or a changing capacity factor); the fleet retires "
                        + "along the survival curve of nuclear_lifetime and nuclear_mean_age, reactors built later are "
                        + "nuclear_additions",
                "Ember, Global Electricity Review 2025: nuclear 9.0% of 30,830 TWh generated in 2024");
        nuclearLifetime = b.parameter("nuclear_lifetime", "yr", 60, 20, 100,
                "Operating life of nuclear reactors: the first-year fleet retires at this age (vintages evenly spread "
                        + "between 0 and twice nuclear_mean_age), reactors built later around it (mean of the StageStock "
                        + "survival curve)",
                "DOMAIN.md: nuclear 40-60 y, often extended; 60 y is the design life of Generation III reactors and the "
                        + "licence term of most US reactors after their first renewal (US NRC, License Renewal, 40 + 20 "
                        + "years; subsequent renewals to 80 years are granted case by case)");
        nuclearMeanAge = b.parameter("nuclear_mean_age", "yr", 32, 0, 60,
                "Capacity-weighted mean age of the first-year nuclear fleet; vintages are taken as evenly spread "
                        + "between 0 and twice this age",
                "World Nuclear Industry Status Report 2024: mean age of the world's operating reactors about 32 years "
                        + "in mid-2024 (rounded)");
        nuclearFactor = b.parameter("nuclear_capacity_factor", "1", 0.84, 0.3, 0.95,
                "Capacity factor of nuclear reactors: converts the first-year generation into capacity and gives "
                        + "the output of reactors built later",
                "derived: Ember, Global Electricity Review 2025, 2,768 TWh of nuclear generation in 2024, over about "
                        + "377 GW(e) in operation at end-2024 (IAEA, Power Reactor Information System) times 8.76 "
                        + "TWh/GW-yr: 0.84");
        nuclearAdditions = b.parameter("nuclear_additions", "GW/yr", 0, 0, 200,
                "Nuclear reactors connected to the grid in the year (read every year; may be a trajectory): committed "
                        + "and policy-driven builds, on top of the clean firm plants the model builds by economics or "
                        + "for reliability",
                "assumption: none unless a scenario names its pipeline (IAEA, Power Reactor Information System: about "
                        + "60 GW(e) under construction worldwide in 2024, half of it in China)");
        nuclearStock = new StageStock(b, "Nuclear", "GW");
        nuclearCapacityOut = b.output("Capacity|Electricity|Nuclear", "GW",
                "Nuclear capacity: the first-year fleet left after age retirement (nuclear_generation / "
                        + "(nuclear_capacity_factor * 8.76) * survival) plus reactors built since the first year");
        nuclearNewOut = b.output("Capacity|Electricity|Nuclear|New", "GW",
                "Nuclear reactors built since the first year (nuclear_additions), net of retirements");
        nuclearAdditionsOut = b.output("Capacity Additions|Electricity|Nuclear", "GW/yr",
                "Nuclear reactors connected this year (nuclear_additions)");
        otherGeneration = b.parameter("other_generation", "TWh/yr", 1757, 0, MAX_GENERATION,
                "Generation from bioenergy, oil and other sources, flat in time (read every year; may be a trajectory)",
                "assumption: the remainder after the 2024 shares of solar (6.9%), wind (8.1%), hydro (14.3%), "
                        + "nuclear (9.0%), coal (34%) and gas (22%) in Ember, Global Electricity Review 2025, "
                        + "about 5.7% of 30,830 TWh");
        hydroCapacity = b.parameter("hydro_capacity", "GW", 1280, 0, MAX_GW,
                "Hydropower turbine capacity (excluding pumped storage): the most hydro can give in one hour",
                "estimate: about 1,280 GW of hydropower excluding pumped storage at end-2024, IRENA, Renewable "
                        + "Capacity Statistics 2025 (rounded; check the table before relying on it)");
        batteryPower = b.parameter("battery_power", "GW", 150, 0, MAX_GW,
                "Grid-scale battery power: the most batteries can charge or discharge in one hour",
                "estimate: about 150 GW of grid-scale batteries worldwide at end-2024 (IEA, Batteries and Secure "
                        + "Energy Transitions, 2024, had about 85 GW at end-2023 and record additions since)");
        batteryBuildMax = b.parameter("battery_build_max", "GW/yr", 1e4, 0, 1e4,
                "Most battery power that can be added in a year (0: no new batteries)",
                "assumption: no limit by default");
        batteryDurationNew = b.parameter("battery_duration_new", "h", 4, 1, 24,
                "Energy per unit of power of batteries built after the first year",
                "NREL Annual Technology Baseline 2024: the 4-hour utility-scale battery is the reference system");
        batteryLifetime = b.parameter("battery_lifetime", "yr", 15, 5, 40,
                "Mean calendar life of batteries built after the first year (survival curve of StageStock)",
                "DOMAIN.md: Li-ion calendar life 10-20 y (the middle)");
        previousBatteryCumulative = b.laggedInput("Cumulative Capacity|Electricity|Storage|Battery", "GWh", 1, 0.0,
                "Last year's cumulative installed battery energy (own output), drives learning");
        previousBatteryAdditions = b.laggedInput("Capacity Additions|Electricity|Storage|Battery", "GW/yr", 1, 0.0,
                "Last year's battery additions (own output): this year's may grow at most BATTERY_ADDITIONS_GROWTH");
        batteryStock = new StageStock(b, "Battery", "GW");
        batteryCostBase = b.parameter("battery_cost_base", "USD/kWh", 165, 10, 2000,
                "Installed cost of a turnkey grid battery system per kWh of storage in the first year",
                "BloombergNEF, Energy Storage System Cost Survey 2024: global average turnkey energy storage system "
                        + "price 165 USD/kWh in 2024 (down 40% from 2023)");
        batteryLearningRate = b.parameter("battery_learning_rate", "1", 0.18, 0, 0.5,
                "Fall in battery system cost per doubling of cumulative installed battery energy (Wright's law)",
                "assumption: 18% per doubling, near the learning rates reported for Li-ion packs (Ziegler & Trancik, "
                        + "Energy Environ. Sci. 2021: about 20% per doubling of cumulative production)");
        batteryCost = b.output("Capital Cost|Electricity|Storage|Battery", "USD/kWh",
                "Installed cost of new grid batteries (Wright's law on cumulative installed battery energy)");
        batteryCumulative = b.output("Cumulative Capacity|Electricity|Storage|Battery", "GWh",
                "Cumulative installed battery energy (first-year fleet plus all additions, retirements not "
                        + "subtracted); drives the learning curve");
        batteryEnergyOut = b.output("Energy Capacity|Electricity|Storage|Battery", "GWh",
                "Battery energy: the first-year fleet (battery_energy) plus batteries built since");
        batteryCapacity = b.output("Capacity|Electricity|Storage|Battery", "GW",
                "Battery power: the first-year fleet (battery_power) plus batteries built since");
        batteryNew = b.output("Capacity|Electricity|Storage|Battery|New", "GW",
                "Battery power built since the first year, net of retirements");
        batteryAdditions = b.output("Capacity Additions|Electricity|Storage|Battery", "GW/yr",
                "Battery power added this year: as much as the year's hourly balance says pays for itself (daily "
                        + "shiftable surplus valued at the marginal plant's short-run cost, and the firm capacity the "
                        + "peak shaving saves while the fleet is short, against the annualised cost)");
        peakSurplus = b.output("Peak Surplus|Electricity", "GW",
                "Highest hourly surplus left after storage: clean supply curtailed in its worst hour (diagnostic)");
        batteryEnergy = b.parameter("battery_energy", "GWh", 375, 0, MAX_GWH,
                "Grid-scale battery energy capacity",
                "assumption: 2.5 h of storage per GW, within the 2-4 h typical of Li-ion (NREL Annual Technology "
                        + "Baseline 2024, utility-scale battery storage)");
        batteryEfficiency = b.parameter("battery_efficiency", "1", 0.86, 0.5, 1,
                "Round-trip efficiency of batteries (energy out / energy in)",
                "NREL Annual Technology Baseline 2024, utility-scale battery storage: 85% round trip; 85-90% for "
                        + "Li-ion in DOMAIN.md");
        pumpedPower = b.parameter("pumped_power", "GW", 180, 0, MAX_GW,
                "Pumped-hydro storage power",
                "estimate: about 180 GW of pumped storage worldwide (IHA, World Hydropower Outlook 2024, about "
                        + "179 GW in 2023)");
        pumpedEnergy = b.parameter("pumped_energy", "GWh", 1620, 0, MAX_GWH,
                "Pumped-hydro storage energy capacity",
                "assumption: 9 h of storage per GW, within the 6-12 h of DOMAIN.md");
        pumpedEfficiency = b.parameter("pumped_efficiency", "1", 0.78, 0.5, 1,
                "Round-trip efficiency of pumped hydro",
                "assumption: 75-80% round trip (DOMAIN.md; NREL Annual Technology Baseline 2024, pumped storage hydropower)");
        String[] names = {"coal", "gas", "oil", "clean_firm"};
        double[] cap = {2175, 1900, 250, 0};
        String[] capSource = {
                "Global Energy Monitor, Boom and Bust Coal 2025: about 2,175 GW of coal plants operating at end-2024",
                "estimate: about 1,900 GW of gas-fired capacity operating in 2024 (Global Energy Monitor, Global Oil "
                        + "and Gas Plant Tracker, order of magnitude)",
                "assumption: about 250 GW of oil-fired and diesel capacity usable as peakers",
                "assumption: clean firm plants (new nuclear, geothermal, bioenergy and other dispatchable clean plants "
                        + "beyond the nuclear_generation trajectory) exist only once built by the model"};
        double[] mr = {0.0, 0.4802, 0.0, 0.0};
        String[] mrSource = {
                "calibrated: 0 because coal is the cheapest fuel in the World default merit order",
                "calibrated: the gas run regardless of cost (CHP, contracts, gas-rich regions inside the World node) "
                        + "so that 2024 gas generation is Ember's 22% of 30,830 TWh (Global Electricity Review 2025)",
                "assumption: oil has no must-run block beyond the oil inside 'other'",
                "assumption: clean firm plants are cheapest to run, so the merit order runs them first anyway"};
        double[] price = {15, 35, 60, 3.3};
        String[] priceSource = {
                "assumption: about 100 USD per tonne of thermal coal at 6.7 MWh/t in 2024 (IEA, Coal 2024, order of "
                        + "magnitude)",
                "assumption: about 10 USD/MMBtu, between Henry Hub (about 2.2) and Asian LNG (about 12) in 2024 (IEA, "
                        + "Gas Market Report 2025, order of magnitude)",
                "assumption: about 80 USD/bbl crude at 1.7 MWh/bbl, plus refining margin for fuel oil and diesel",
                "assumption: nuclear fuel about 1 USD/MMBtu (3.4 USD/MWh thermal; US EIA, average nuclear fuel cost "
                        + "order of magnitude); with 0.33 efficiency about 10 USD/MWh of electricity"};
        double[] eff = {0.37, 0.50, 0.35, 0.33};
        String[] effSource = {
                "assumption: fleet-average net efficiency of coal plants 33-40% (IEA, World Energy Outlook 2024 "
                        + "power-sector assumptions, order of magnitude)",
                "assumption: fleet average of combined-cycle (about 55%) and open-cycle (about 35%) plants",
                "assumption: diesel engines and oil-fired steam plants, 30-40%",
                "assumption: light-water reactors about 33% (thermal to electric)"};
        double[] ef = {1060, 450, 750, 0};
        String[] efSource = {
                "assumption: typical coal combustion emits 0.9-1.1 t CO2/MWh; chosen so that 2024 emissions match "
                        + "the 14.6 Gt CO2 in Ember, Global Electricity Review 2025",
                "assumption: fleet average of gas combustion (combined-cycle and open-cycle plants)",
                "DOMAIN.md: open-cycle gas and oil about 0.6-0.8 kg CO2/kWh (IPCC AR5 WGIII Annex III)",
                "assumption: no direct CO2 from clean firm plants"};
        double[] life = {45, 35, 40, 60};
        String[] lifeSource = {
                "DOMAIN.md: coal plants 40-50 y (the middle of the range)",
                "DOMAIN.md: gas CCGT 30-40 y (the middle of the range)",
                "assumption: oil-fired steam plants and engines about 40 y",
                "DOMAIN.md: nuclear 40-60 y, often extended (the top of the range)"};
        double[] age = {20, 20, 30, 0};
        String[] ageSource = {
                "estimate: the World coal fleet is young, most of it built in China and India after 2005 (Global "
                        + "Energy Monitor, Global Coal Plant Tracker: China about 15 y, United States about 45 y)",
                "estimate: most gas capacity was built after 2000 (order of magnitude; no source at hand)",
                "assumption: an old fleet, little built since the 1990s",
                "assumption: no first-year clean firm fleet (clean_firm_capacity 0)"};
        double[] capexDefault = {1500, 1000, 1200, 6000};
        String[] capexSource = {
                "assumption: between about 800 USD/kW in China and India and 3,000-4,000 in the United States and "
                        + "Europe (IEA, World Energy Outlook 2024, power generation technology costs, order of magnitude)",
                "assumption: combined-cycle about 1,000 USD/kW (IEA, World Energy Outlook 2024, order of magnitude; "
                        + "open-cycle peakers are cheaper, about 700)",
                "assumption: reciprocating engines and oil peakers about 1,200 USD/kW",
                "assumption: nuclear about 2,800 USD/kW in China and 6,000-10,000 in Europe and the United States, "
                        + "geothermal 3,000-6,000 (IEA, World Energy Outlook 2024; NREL Annual Technology Baseline 2024, "
                        + "order of magnitude); 6,000 as a mix"};
        double[] omDefault = {40, 20, 20, 120};
        String[] omSource = {
                "assumption: fixed O&M of coal plants 30-50 USD/kW-yr (NREL Annual Technology Baseline 2024, order of "
                        + "magnitude)",
                "assumption: fixed O&M of gas plants 15-30 USD/kW-yr (NREL Annual Technology Baseline 2024)",
                "assumption: as open-cycle gas",
                "assumption: fixed O&M of nuclear plants 100-150 USD/kW-yr (NREL Annual Technology Baseline 2024)"};
        for (int f = 0; f < HourlyBalance.FUELS; f++) {
            String n = names[f];
            capacity[f] = b.parameter(n + "_capacity", "GW", cap[f], 0, MAX_GW,
                    "Installed " + n + "-fired capacity (read every year; may be a trajectory)", capSource[f]);
            availability[f] = b.parameter(n + "_availability", "1", f == HourlyBalance.CLEAN ? 0.9 : 0.85, 0, 1,
                    "Share of " + n + " capacity available in an hour (outages and maintenance)",
                    "assumption: equivalent availability factors of thermal fleets are about 80-90% (NERC, Generating "
                            + "Availability Data System, order of magnitude)");
            mustRun[f] = b.parameter(n + "_must_run", "1", mr[f], 0, 1,
                    "Share of available " + n + " capacity run whenever there is residual load, before the merit order",
                    mrSource[f]);
            fuelPrice[f] = b.parameter(n + "_fuel_price", "USD/MWh", price[f], 0, 1000,
                    "Price of " + n + " per MWh of fuel (thermal), for the merit order", priceSource[f]);
            efficiency[f] = b.parameter(n + "_efficiency", "1", eff[f], 0.1, 0.7,
                    "Net electrical efficiency of the " + n + " fleet, for the merit order", effSource[f]);
            emissionFactor[f] = b.parameter("ef_" + n, "g CO2/kWh", ef[f], 0, 2000,
                    "CO2 emitted per kWh of " + n + " generation", efSource[f]);
            lifetime[f] = b.parameter(n + "_lifetime", "yr", life[f], 5, 100,
                    "Technical lifetime of " + n + " plants: first-year plants retire at this age, plants built "
                            + "later around it (mean of the StageStock survival curve)", lifeSource[f]);
            meanAge[f] = b.parameter(n + "_mean_age", "yr", age[f], 0, 80,
                    "Capacity-weighted mean age of the " + n + " fleet in the first year; vintages are taken as "
                            + "evenly spread between 0 and twice this age", ageSource[f]);
            capex[f] = b.parameter(n + "_capex", "USD/kW", capexDefault[f], 0, 20000,
                    "Overnight capital cost of new " + n + " plants: decides clean firm against fossil additions and "
                            + "enters the system cost", capexSource[f]);
            fixedOm[f] = b.parameter(n + "_fixed_om", "USD/kW/yr", omDefault[f], 0, 1000,
                    "Fixed operation and maintenance cost of " + n + " plants", omSource[f]);
            String label = f == HourlyBalance.CLEAN ? "Clean Firm" : Character.toUpperCase(n.charAt(0)) + n.substring(1);
            newStock[f] = new StageStock(b, label, "GW");
            if (f == HourlyBalance.CLEAN) {
                // clean firm is not a fossil fuel: it is never part of the fossil build shares
                buildShare[f] = null;
            } else {
                buildShare[f] = b.parameter(n + "_build_share", "1", f == HourlyBalance.GAS ? 1 : 0, 0, 1,
                        "Whether " + n + " may be built for reliability (0: not allowed, a policy) and, when "
                                + "fossil_build_choice is 0, its weight in the need-driven additions of fossil firm "
                                + "capacity (weights are normalised); with fossil_build_choice 1 the screening curve "
                                + "splits the additions among the fuels whose share is above 0",
                        "assumption: gas may be built everywhere; coal and oil only where a region allows them");
            }
            capacityOut[f] = b.output("Capacity|Electricity|" + label, "GW",
                    "Installed " + n + "-fired capacity: the first-year fleet left after age retirement and phase-out, "
                            + "plus capacity built since");
            newCapacityOut[f] = b.output("Capacity|Electricity|" + label + "|New", "GW",
                    "Capacity (" + n + ") built since the first year to keep peak residual load covered");
            additionsOut[f] = b.output("Capacity Additions|Electricity|" + label, "GW/yr",
                    "Capacity (" + n + ") added this year to keep peak residual load covered");
        }
        b.softRange(SoftRange.ratio(coal, "Capacity|Electricity|Coal", 1 / 8.76, 0, 0.92,
                "capacity factor of coal plants (generation / (capacity * 8,760 h))",
                "assumption: planned and forced outages keep a thermal fleet's availability below about 90% "
                        + "(NERC GADS reports equivalent availability of 80-90% for coal units)"));
        b.softRange(SoftRange.level(intensity, 0, 1100,
                "assumption: an all-coal system emits about 820-1,050 g CO2/kWh (IPCC AR5 WGIII Annex III, "
                        + "direct emissions of pulverised coal); above that the fuel accounting is wrong"));
        cleanGeneration = b.output("Secondary Energy|Electricity|Clean Firm", "TWh/yr",
                "Generation of clean firm plants built by the model (dispatched first: lowest short-run cost)");
        cleanBuildMax = b.parameter("clean_firm_build_max", "GW/yr", 30, 0, 1e4,
                "Most clean firm capacity that can be added in a year, for the economic build (cheaper than the "
                        + "fossil it displaces) and for reliability when fossil additions fall short",
                "assumption: about the World's record pace of nuclear grid connections, roughly 30 GW a year in the "
                        + "mid-1980s (IAEA, Power Reactor Information System, order of magnitude)");
        discountRate = b.parameter("discount_rate", "1", 0.07, 0, 0.3,
                "Real discount rate for annualising capital costs (capital recovery factor over each lifetime)",
                "assumption: 7% real, the rate of NREL Annual Technology Baseline style market-finance cases");
        voll = b.parameter("value_of_lost_load", "USD/MWh", 10000, 100, 100000,
                "Price of an hour with unmet demand, for market values and the value of storage",
                "assumption: estimates of the value of lost load range from thousands to tens of thousands of USD/MWh "
                        + "(ACER, Study on the estimation of the value of lost load, 2018, order of magnitude)");
        legacyCost = b.parameter("legacy_clean_cost", "USD/MWh", 50, 0, 500,
                "Levelised cost of hydro, nuclear (nuclear_generation) and other generation, for the system cost",
                "assumption: hydropower about 57 USD/MWh (IRENA, Renewable Power Generation Costs in 2023, global "
                        + "weighted average), existing nuclear lower; 50 as a mix");
        representativeDays = b.parameter("representative_days", "1", 0, 0, 12,
                "0: balance all 8,760 hours; 12: balance twelve representative days (one per month, chosen and scaled "
                        + "by HourlyProfiles.representativeDays), about 30 times faster, for sliders (below 6 means 0, "
                        + "6 and above mean 12)",
                "assumption: 12 x 24 h; its error against 8,760 h is measured in RepresentativeDaysTest");
        solarValue = b.output("Market Value|Electricity|Solar", "USD/MWh",
                "Generation-weighted hourly price of solar (read by the renewables model with a lag of one year)");
        windValue = b.output("Market Value|Electricity|Wind", "USD/MWh",
                "Generation-weighted hourly price of wind (read by the renewables model with a lag of one year)");
        meanPrice = b.output("Price|Secondary Energy|Electricity|Hourly Mean", "USD/MWh",
                "Time-weighted mean of the hourly prices (the marginal plant's short-run cost, VoLL in hours with unmet "
                        + "demand, 0 when clean supply or storage is at the margin); the value of an average MWh, "
                        + "against which the renewables model adjusts the cost of solar and wind");
        fossilEnergyCost = b.output("Levelised Cost|Electricity|New Firm", "USD/MWh",
                "Cost of a MWh of new energy from the cheapest firm plant the region may build (a fossil fuel with "
                        + "build_share > 0 while firm_build_max > 0, clean firm while clean_firm_build_max > 0), run at "
                        + "its availability all year: its short-run cost plus its annualised fixed cost per available kW "
                        + "above that of the cheapest plant allowed (the capacity the reserve margin builds anyway), "
                        + "over 8,760 h: min_f c_f + (fixed_f / availability_f - min_g fixed_g / availability_g) * 1000 "
                        + "/ 8760; the short-run cost of the cheapest fossil fleet left when nothing may be built; 0 "
                        + "when there is none. The alternative that new solar and wind compete with in the renewables "
                        + "model (screening-curve reasoning: Stoft, Power System Economics, 2002)");
        systemCost = b.output("Price|Secondary Energy|Electricity", "USD/MWh",
                "System cost per MWh of demand met: annualised capital and fixed costs of every fleet, fuel and "
                        + "variable costs, over the generation required less unmet demand (carbon payments excluded)");
        solarCost = b.input("Levelised Cost|Electricity|Solar", "USD/MWh",
                "Levelised cost of new solar (renewables model), applied to the year's solar generation in the system cost");
        windCost = b.input("Levelised Cost|Electricity|Wind", "USD/MWh",
                "Levelised cost of new wind (renewables model), applied to the year's wind generation in the system cost");
        solarCapacity = b.input("Capacity|Electricity|Solar", "GW", "Solar capacity, for the capacity-factor invariant");
        windCapacity = b.input("Capacity|Electricity|Wind", "GW", "Wind capacity, for the capacity-factor invariant");
        coalPhaseOut = b.parameter("coal_phase_out_year", "1", 2200, 2000, 2200,
                "Calendar year from which no coal plant runs (2200: no phase-out)",
                "assumption: no phase-out unless a scenario sets one (IEA, Net Zero Roadmap 2023, has unabated coal "
                        + "out of advanced economies' power by 2035 and of the World's by 2040)");
        reserveMargin = b.parameter("reserve_margin", "1", 0.1, 0, 1,
                "Available dispatchable capacity kept above the year's peak residual load; firm capacity is added "
                        + "when the fleet falls short",
                "assumption: reserve margins of 10-20% are common planning targets (NERC reference margin levels); "
                        + "applied to available capacity, which already excludes outages");
        buildChoice = b.parameter("fossil_build_choice", "1", 1, 0, 1,
                "How new fossil capacity (the reliability additions) is split between coal, gas and oil. 1: by the "
                        + "screening curve: on the residual load duration curve (after clean supply, storage and clean "
                        + "firm) each fuel allowed by <f>_build_share > 0 is given the band of running hours where its "
                        + "annualised cost per available kW (fixed cost / availability + short-run cost * hours) is the "
                        + "lowest; the additions go to the fuels whose optimal capacity in their band exceeds their "
                        + "available fleet, in proportion to the shortfall. 0: split by the <f>_build_share weights "
                        + "(below 0.5 means 0, 0.5 and above 1)",
                "screening-curve method of least-cost capacity expansion (e.g. Stoft, Power System Economics, 2002, "
                        + "ch. 3-1; IEA/NEA, Projected Costs of Generating Electricity 2020): which plant is built "
                        + "for a slice of load depends on how many hours a year the slice runs");
        firmBuildMax = b.parameter("firm_build_max", "GW/yr", 1e4, 0, 1e4,
                "Most dispatchable capacity that can be added in a year to keep peak residual load covered (0: no "
                        + "build, shortfalls appear as unmet demand)",
                "assumption: no limit by default; a scenario that forbids new fossil plants sets 0");
        carbonPrice = b.parameter("carbon_price", "USD/t CO2", 0, 0, 2000,
                "Carbon price paid by power plants (read every year; may be a trajectory)",
                "assumption: most of the World's fossil generation paid no carbon price in 2024; regions set their own "
                        + "(EU ETS about 65 EUR/t in 2024)");
        efOther = b.parameter("ef_other", "g CO2/kWh", 250, 0, 1500,
                "CO2 emitted per kWh of other generation (bioenergy, oil and other)",
                "assumption: oil at about 700-800 g CO2/kWh is roughly a third of 'other'; biomass counted as zero");
        shape = new ProfileParameters(b);
        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        Workspace w = spares.take();
        try {
            for (int r = 0; r < ctx.regionCount(); r++) step(ctx, r, w);
        } finally {
            spares.give(w);
        }
    }

    private void step(StepContext ctx, int r, Workspace w) {
        int repDays = ctx.get(representativeDays, r) < 6.0 ? 0 : 12;
        w.profiles(ctx.get(shape.gridDailySwing, r), ctx.get(shape.gridSeasonalSwing, r), ctx.get(shape.solarDaylight, r),
                ctx.get(shape.solarSeasonal, r), ctx.get(shape.windSeasonal, r), ctx.get(shape.windDiurnal, r),
                ctx.get(shape.windVariability, r), ctx.get(shape.windPersistence, r), shape.windSeed(ctx, r), repDays > 0);
        int hours = repDays > 0 ? repDays * 24 : HourlyProfiles.HOURS;
        double weight = (double) HourlyProfiles.HOURS / hours;
        double[] gP = repDays > 0 ? w.repDemand : w.demand, sP = repDays > 0 ? w.repSolar : w.solar,
                wP = repDays > 0 ? w.repWind : w.wind;
        double required = ctx.get(demand, r) * (1.0 + ctx.get(lossFactor, r));
        double solarTwh = Math.max(0.0, ctx.get(solar, r));
        double windTwh = Math.max(0.0, ctx.get(wind, r));
        double hydroTwh = ctx.get(hydroGeneration, r);
        // nuclear: the first-year fleet retires along the survival curve, reactors built since age in a StageStock
        double nuclearLife = ctx.get(nuclearLifetime, r);
        double nuclearCf = ctx.get(nuclearFactor, r);
        double nuclearOld = ctx.get(nuclearGeneration, r) * survival(ctx.year() - ctx.firstYear(), nuclearLife, ctx.get(nuclearMeanAge, r));
        double nuclearAdded = ctx.isFirstYear() ? 0.0 : ctx.get(nuclearAdditions, r);
        double[] nuclearStages = w.nuclearStages;
        nuclearStock.age(ctx, r, nuclearLife, nuclearStages);
        double nuclearNewGw = StageStock.add(nuclearStages, nuclearAdded);
        double nuclearNewTwh = nuclearNewGw * nuclearCf * HourlyProfiles.HOURS / 1000.0;
        double nuclearTwh = nuclearOld + nuclearNewTwh;
        double otherTwh = ctx.get(otherGeneration, r);
        double carbon = ctx.get(carbonPrice, r);
        double rate = ctx.get(discountRate, r);
        double lostLoad = ctx.get(voll, r);
        int n = ctx.year() - ctx.firstYear();
        boolean coalGone = ctx.year() >= ctx.get(coalPhaseOut, r);
        double shareSum = 0.0;
        for (int f = 0; f < HourlyBalance.FUELS; f++) {
            boolean gone = coalGone && f == HourlyBalance.COAL;
            double avail = ctx.get(availability[f], r);
            w.availability[f] = avail;
            w.existing[f] = gone ? 0.0 : ctx.get(capacity[f], r) * survival(n, ctx.get(lifetime[f], r), ctx.get(meanAge[f], r));
            double left = newStock[f].age(ctx, r, ctx.get(lifetime[f], r), w.stages[f]);
            w.built[f] = gone ? 0.0 : left;
            w.added[f] = 0.0;
            w.share[f] = gone || buildShare[f] == null ? 0.0 : ctx.get(buildShare[f], r);
            shareSum += w.share[f];
            w.available[f] = (w.existing[f] + w.built[f]) * avail;
            w.mustRun[f] = ctx.get(mustRun[f], r) * w.existing[f] * avail;
            w.ef[f] = ctx.get(emissionFactor[f], r);
            w.fuel[f] = ctx.get(fuelPrice[f], r) / ctx.get(efficiency[f], r);
            w.cost[f] = w.fuel[f] + carbon * w.ef[f] / 1000.0;
            w.fixed[f] = ctx.get(capex[f], r) * crf(rate, ctx.get(lifetime[f], r)) + ctx.get(fixedOm[f], r);
        }

        // batteries: the first-year fleet plus those built since, aged by the survival curve
        double batteryLife = ctx.get(batteryLifetime, r);
        double duration = ctx.get(batteryDurationNew, r);
        double batteryLeft = batteryStock.age(ctx, r, batteryLife, w.batteryStages);
        double batteryEff = ctx.get(batteryEfficiency, r);
        HourlyBalance.Storage pumped = new HourlyBalance.Storage(ctx.get(pumpedPower, r), ctx.get(pumpedEnergy, r),
                ctx.get(pumpedEfficiency, r));
        HourlyBalance.Storage battery = new HourlyBalance.Storage(ctx.get(batteryPower, r) + batteryLeft,
                ctx.get(batteryEnergy, r) + batteryLeft * duration, batteryEff);
        double firm = nuclearTwh + otherTwh;
        double hydroGw = ctx.get(hydroCapacity, r);
        HourlyBalance hb = w.balance;
        hb.balance(hours, weight, required, gP, solarTwh, sP, windTwh, wP, firm, hydroTwh, hydroGw, battery, pumped);

        // battery additions: build energy e* while the days that could shift more than e* pay for it
        double cumulativeBefore = ctx.isFirstYear() ? ctx.get(batteryEnergy, r)
                : Math.max(0.0, ctx.get(previousBatteryCumulative, r));
        double base0 = Math.max(1e-9, ctx.get(batteryEnergy, r));
        double unitCost = ctx.get(batteryCostBase, r) * learning(cumulativeBefore, base0, ctx.get(batteryLearningRate, r));
        double batteryAddedGw = 0.0;
        if (!ctx.isFirstYear()) {
            double perGwhYear = unitCost * 1e6 * crf(rate, batteryLife); // USD per GWh of storage per year
            double value = marginalCost(w, hb.deficitHours() > 0 ? hb.residualEnergy() * 1000.0 / hb.deficitHours() : 0.0,
                    lostLoad); // USD/MWh of the plant a discharged MWh replaces
            // capacity value: while the fleet falls short of peak residual load plus the reserve margin by G GW,
            // lowering the peak by G / (1 + margin) closes the gap. Batteries hold the year's peak down (charging
            // from the fleet in the valley before each day's peak, see HourlyBalance), so a GWh lowers it by its
            // capacity credit k GW: at most 1 / duration (its power), at most the drop over the stored energy the day
            // that needs the most takes to reach it (HourlyBalance.shaveEnergy / sqrt e). Each such GWh saves (1 + margin) k GW of
            // the cheapest firm plant that may be built, worth its annualised fixed cost per available kW, every year;
            // it counts for the drop / k GWh that close the gap. A GWh pays when D(e) value * 1000 + capacity value
            // >= its annual cost, D(e) the real days whose shiftable surplus exceeds e
            double fleetGw = availableGw(w);
            double margin = ctx.get(reserveMargin, r);
            double shortGw = hb.peakResidual() * (1.0 + margin) - fleetGw;
            double[] shift = hb.dailyShiftable(batteryEff);
            double energy = shiftableOn(hb, shift, value > 0.0 ? perGwhYear / (value * 1000.0) : Double.MAX_VALUE);
            double firmFixed = cheapestFirmFixed(w);
            if (shortGw > 0.0 && firmFixed > 0.0) {
                double drop = Math.min(hb.peakResidual(), shortGw / (1.0 + margin)); // GW
                double stored = hb.shaveEnergy(hb.peakResidual() - drop) / Math.sqrt(Math.max(0.01, batteryEff));
                double credit = stored > 0.0 ? Math.min(1.0 / duration, drop / stored) : 1.0 / duration; // GW/GWh
                double capacityValue = firmFixed * 1e6 * (1.0 + margin) * credit; // USD/GWh/yr
                double closing = drop / credit; // GWh
                double withCapacity = capacityValue >= perGwhYear ? closing : value > 0.0
                        ? shiftableOn(hb, shift, (perGwhYear - capacityValue) / (value * 1000.0)) : 0.0;
                energy = Math.max(energy, Math.min(withCapacity, closing));
            }
            // the industry cannot grow without bound in a year: at most half the fleet, and at most 1.25 times last
            // year's additions (or 1% of peak residual load, to start from nothing)
            double floor = BATTERY_FLOOR * hb.peakResidual();
            double ramp = Math.max(Math.min(BATTERY_RAMP * (ctx.get(batteryPower, r) + batteryLeft),
                    (1.0 + BATTERY_ADDITIONS_GROWTH) * Math.max(0.0, ctx.get(previousBatteryAdditions, r))), floor);
            batteryAddedGw = Math.min(Math.min(ctx.get(batteryBuildMax, r), ramp), Math.max(0.0, energy) / duration);
        }
        double batteryBuilt = StageStock.add(w.batteryStages, batteryAddedGw);
        double batteryGw = ctx.get(batteryPower, r) + batteryBuilt;
        double batteryGwh = ctx.get(batteryEnergy, r) + batteryBuilt * duration;
        HourlyBalance.Storage batteries = new HourlyBalance.Storage(batteryGw, batteryGwh, batteryEff);
        if (batteryAddedGw > 0.0) hb.storage(batteries, pumped);
        double cumulativeAfter = cumulativeBefore + (ctx.isFirstYear() ? 0.0 : batteryAddedGw * duration);
        ctx.set(batteryCapacity, r, batteryGw);
        ctx.set(batteryEnergyOut, r, batteryGwh);
        ctx.set(batteryNew, r, batteryBuilt);
        ctx.set(batteryAdditions, r, batteryAddedGw);
        ctx.set(batteryCost, r, unitCost);
        ctx.set(batteryCumulative, r, cumulativeAfter);
        batteryStock.write(ctx, r, w.batteryStages);

        // clean firm, economic: the slices of residual load that run more hours a year than the screening curve's
        // crossover h* = fixed cost / (short-run cost of the base-load fossil - clean firm's) are cheaper clean
        int c = HourlyBalance.CLEAN;
        double cleanMax = ctx.get(cleanBuildMax, r);
        double cleanAvail = w.availability[c];
        double cleanAdd = 0.0;
        double baseCost = cheapestFossil(w);
        if (!ctx.isFirstYear() && cleanMax > 0.0 && cleanAvail > 0.0 && baseCost > w.cost[c]) {
            double crossover = w.fixed[c] * 1000.0 / (baseCost - w.cost[c]); // hours a year
            if (crossover < HourlyProfiles.HOURS) {
                double level = hb.residualExceeded(crossover);
                cleanAdd = Math.min(cleanMax, Math.max(0.0, level - w.available[c]) / cleanAvail);
            }
        }
        // reliability: peak residual load plus the reserve margin, by fossil additions (if allowed), then clean firm
        double fleet = availableGw(w) + cleanAdd * cleanAvail;
        double need = hb.peakResidual() * (1.0 + ctx.get(reserveMargin, r)) - fleet;
        double fossilNeed = Math.min(need, ctx.get(firmBuildMax, r));
        if (fossilNeed > 1e-9 && shareSum > 0.0) {
            double shortfall = ctx.get(buildChoice, r) >= 0.5
                    ? screen(w, hb, hb.peakResidual() * (1.0 + ctx.get(reserveMargin, r)),
                            w.available[c] + cleanAdd * cleanAvail) : 0.0;
            for (int f = 0; f < HourlyBalance.FUELS; f++) {
                if (w.share[f] <= 0.0 || w.availability[f] <= 0.0) continue;
                double part = shortfall > 0.0 ? w.optimal[f] / shortfall : w.share[f] / shareSum;
                double gw = fossilNeed * part; // available GW
                w.added[f] = gw / w.availability[f];
                need -= gw;
            }
        }
        if (need > 1e-9 && cleanAvail > 0.0) cleanAdd += Math.min(cleanMax - cleanAdd, need / cleanAvail);
        w.added[c] = Math.max(0.0, cleanAdd);
        for (int f = 0; f < HourlyBalance.FUELS; f++) {
            w.built[f] = StageStock.add(w.stages[f], w.added[f]);
            if (coalGone && f == HourlyBalance.COAL) w.built[f] = 0.0;
            w.available[f] = (w.existing[f] + w.built[f]) * w.availability[f];
        }
        // the daily peak shaving charged batteries from the fleet up to the day's shaved peak; where the fleet
        // that may be built falls short of that, it charges only up to the fleet
        double fleetGw = availableGw(w);
        if (hb.chargeLevel() > fleetGw * (1.0 + 1e-9)) hb.storage(batteries, pumped, fleetGw);
        int bad = hb.dispatch(w.available, w.mustRun, w.cost, lostLoad);
        if (bad >= 0) throw violation(ctx, r, "the hourly balance does not close to 1e-6 relative in hour " + bad
                + (hours < HourlyProfiles.HOURS ? " of the representative days" : "") + " (a bug in the balance)");
        ctx.set(nuclearCapacityOut, r, nuclearCf > 0.0 ? nuclearOld * 1000.0 / (nuclearCf * HourlyProfiles.HOURS)
                + nuclearNewGw : nuclearNewGw);
        ctx.set(nuclearNewOut, r, nuclearNewGw);
        ctx.set(nuclearAdditionsOut, r, nuclearAdded);
        nuclearStock.write(ctx, r, nuclearStages);
        for (int f = 0; f < HourlyBalance.FUELS; f++) {
            ctx.set(capacityOut[f], r, w.existing[f] + w.built[f]);
            ctx.set(newCapacityOut[f], r, w.built[f]);
            ctx.set(additionsOut[f], r, w.added[f]);
            newStock[f].write(ctx, r, w.stages[f]);
        }

        double coalTwh = hb.fossil(HourlyBalance.COAL);
        double gasTwh = hb.fossil(HourlyBalance.GAS);
        double oilTwh = hb.fossil(HourlyBalance.OIL);
        double cleanTwh = hb.fossil(c);
        double curtailed = hb.curtailment();
        double generated = Math.max(0.0, solarTwh + windTwh + hydroTwh + nuclearTwh + otherTwh + coalTwh + gasTwh
                + oilTwh + cleanTwh - curtailed);
        checkBalance(ctx, r, required, solarTwh + windTwh + nuclearTwh + otherTwh + hydroTwh,
                coalTwh + gasTwh + oilTwh + cleanTwh, hb);
        checkPhysics(ctx, r, w, hb, solarTwh, windTwh, generated + curtailed + hb.unmet());
        double emissionsMt = (coalTwh * w.ef[HourlyBalance.COAL] + gasTwh * w.ef[HourlyBalance.GAS]
                + oilTwh * w.ef[HourlyBalance.OIL] + cleanTwh * w.ef[c] + otherTwh * ctx.get(efOther, r)) / 1000.0;
        double intensityG = generated > 0.0 ? emissionsMt * 1000.0 / generated : 0.0;
        double before = ctx.isFirstYear() ? 0.0 : ctx.get(previousCumulative, r);

        // system cost [million USD]: GW * USD/kW/yr, TWh * USD/MWh and GWh * USD/kWh are all 10^6 USD
        double cost = Math.max(0.0, ctx.get(solarCost, r)) * solarTwh + Math.max(0.0, ctx.get(windCost, r)) * windTwh
                + ctx.get(legacyCost, r) * (hydroTwh + nuclearOld + otherTwh)
                + nuclearNewGw * w.fixed[c] + nuclearNewTwh * w.fuel[c]
                + batteryGwh * unitCost * crf(rate, batteryLife);
        double[] gen = {coalTwh, gasTwh, oilTwh, cleanTwh};
        for (int f = 0; f < HourlyBalance.FUELS; f++)
            cost += (w.existing[f] + w.built[f]) * w.fixed[f] + gen[f] * w.fuel[f];
        double served = required - hb.unmet();

        ctx.set(total, r, generated);
        ctx.set(hydro, r, hydroTwh);
        ctx.set(nuclear, r, nuclearTwh);
        ctx.set(other, r, otherTwh);
        ctx.set(coal, r, coalTwh);
        ctx.set(gas, r, gasTwh);
        ctx.set(oil, r, oilTwh);
        ctx.set(cleanGeneration, r, cleanTwh);
        ctx.set(curtailment, r, curtailed);
        ctx.set(unmet, r, hb.unmet());
        ctx.set(storageDischarge, r, hb.discharge());
        ctx.set(storageLosses, r, hb.losses());
        ctx.set(peakResidual, r, hb.peakResidual());
        ctx.set(peakSurplus, r, hb.peakSurplus());
        ctx.set(solarValue, r, hb.valueSolar());
        ctx.set(windValue, r, hb.valueWind());
        ctx.set(systemCost, r, served > 0.0 ? cost / served : 0.0);
        ctx.set(meanPrice, r, hb.meanPrice());
        ctx.set(fossilEnergyCost, r, newFirmEnergyCost(w, ctx.get(firmBuildMax, r) > 0.0, cleanMax > 0.0));
        ctx.set(emissions, r, emissionsMt);
        ctx.set(intensity, r, intensityG);
        ctx.set(cumulative, r, before + emissionsMt / 1000.0);
    }

    /** Capital recovery factor: the annuity per unit of capital at {@code rate} over {@code years}. */
    static double crf(double rate, double years) {
        double life = Math.max(1.0, years);
        if (rate <= 1e-9) return 1.0 / life;
        double x = Math.pow(1.0 + rate, life);
        return rate * x / (x - 1.0);
    }

    /** Wright's law: the cost multiplier after cumulative capacity grew from {@code base} to {@code cumulative}. */
    static double learning(double cumulative, double base, double learningRate) {
        if (cumulative <= base || base <= 0.0) return 1.0;
        return Math.pow(cumulative / base, Math.log(1.0 - learningRate) / Math.log(2.0));
    }

    /** Short-run cost of the plant at the margin when {@code level} GW of residual load is dispatched, or VoLL. */
    private static double marginalCost(Workspace w, double level, double lostLoad) {
        if (level <= 0.0) return 0.0;
        int[] idx = w.order;
        for (int i = 0; i < HourlyBalance.FUELS; i++) idx[i] = i;
        for (int i = 1; i < HourlyBalance.FUELS; i++)
            for (int j = i; j > 0 && w.cost[idx[j]] < w.cost[idx[j - 1]]; j--) {
                int t = idx[j]; idx[j] = idx[j - 1]; idx[j - 1] = t;
            }
        double cumulative = 0.0;
        for (int i = 0; i < HourlyBalance.FUELS; i++) {
            cumulative += w.available[idx[i]];
            if (cumulative >= level && w.available[idx[i]] > 0.0) return w.cost[idx[i]];
        }
        return lostLoad;
    }

    /**
     * The screening curve: each fuel allowed to be built ({@code share > 0}) gets the band of running hours in which
     * its annualised cost per available kW, {@code fixed / availability + cost * h / 1000}, is the lowest; its
     * optimal available capacity is the slice of the residual load duration curve in that band, above the clean
     * firm fleet {@code cleanGw} (which runs first) and up to {@code top} (peak residual plus the reserve margin,
     * at 0 hours). Writes each fuel's shortfall, max(0, optimal - available), into {@code w.optimal} and returns
     * their sum.
     */
    private static double screen(Workspace w, HourlyBalance hb, double top, double cleanGw) {
        // breakpoints: 0, 8,760 and every pairwise crossover in between
        double[] points = new double[2 + HourlyBalance.FUELS * HourlyBalance.FUELS];
        int np = 0;
        points[np++] = 0.0;
        points[np++] = HourlyProfiles.HOURS;
        for (int f = 0; f < HourlyBalance.CLEAN; f++) {
            w.optimal[f] = 0.0;
            if (w.share[f] <= 0.0 || w.availability[f] <= 0.0) continue;
            for (int g = f + 1; g < HourlyBalance.CLEAN; g++) {
                if (w.share[g] <= 0.0 || w.availability[g] <= 0.0 || w.cost[f] == w.cost[g]) continue;
                double h = (w.fixed[g] / w.availability[g] - w.fixed[f] / w.availability[f]) * 1000.0
                        / (w.cost[f] - w.cost[g]);
                if (h > 0.0 && h < HourlyProfiles.HOURS) points[np++] = h;
            }
        }
        java.util.Arrays.sort(points, 0, np);
        double upper = Math.max(0.0, top - cleanGw); // the level served by the band starting at 0 hours
        for (int i = 0; i + 1 < np; i++) {
            double from = points[i], to = points[i + 1];
            if (to - from < 1e-9) continue;
            double mid = 0.5 * (from + to);
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int f = 0; f < HourlyBalance.CLEAN; f++) {
                if (w.share[f] <= 0.0 || w.availability[f] <= 0.0) continue;
                double cost = w.fixed[f] / w.availability[f] + w.cost[f] * mid / 1000.0;
                if (cost < bestCost) { bestCost = cost; best = f; }
            }
            double lower = Math.max(0.0, hb.residualExceeded(to) - cleanGw);
            if (best >= 0) w.optimal[best] += Math.max(0.0, upper - lower);
            upper = Math.min(upper, lower);
        }
        double sum = 0.0;
        for (int f = 0; f < HourlyBalance.CLEAN; f++) {
            w.optimal[f] = Math.max(0.0, w.optimal[f] - w.available[f]);
            sum += w.optimal[f];
        }
        return sum;
    }

    /**
     * The daily shiftable energy exceeded on {@code daysNeeded} real days of the year (the largest day when fewer
     * than one day is needed), from {@code shift} sorted in ascending order.
     */
    private static double shiftableOn(HourlyBalance hb, double[] shift, double daysNeeded) {
        double counted = 0.0;
        for (int d = hb.days() - 1; d >= 0; d--) {
            counted += hb.weight(); // real days this modelled day stands for
            if (counted >= daysNeeded) return shift[d];
        }
        return 0.0;
    }

    /** Available dispatchable capacity of the fleet as it stands in the workspace (coal, gas, oil, clean firm), GW. */
    private static double availableGw(Workspace w) {
        double gw = 0.0;
        for (int f = 0; f < HourlyBalance.FUELS; f++) gw += w.available[f];
        return gw;
    }

    /**
     * Annualised fixed cost per available kW [USD/kW/yr] of the cheapest firm plant that may be built for
     * reliability: a fossil fuel whose build share is above 0, else clean firm.
     */
    private static double cheapestFirmFixed(Workspace w) {
        double best = Double.MAX_VALUE;
        for (int f = 0; f < HourlyBalance.CLEAN; f++)
            if (w.share[f] > 0.0 && w.availability[f] > 0.0) best = Math.min(best, w.fixed[f] / w.availability[f]);
        int c = HourlyBalance.CLEAN;
        if (best == Double.MAX_VALUE && w.availability[c] > 0.0) best = w.fixed[c] / w.availability[c];
        return best == Double.MAX_VALUE ? 0.0 : best;
    }

    /**
     * USD/MWh of new energy from the cheapest firm plant that may be built, run at its availability all year, net
     * of the fixed cost of the cheapest plant allowed (capacity the reserve margin needs anyway). Fossil fuels count
     * when their build share is above 0 and firm_build_max allows additions; clean firm when clean_firm_build_max
     * does. Without any, the short-run cost of the cheapest fossil fleet left (0 when none is left).
     */
    private static double newFirmEnergyCost(Workspace w, boolean fossilAllowed, boolean cleanAllowed) {
        int c = HourlyBalance.CLEAN;
        double peaker = Double.MAX_VALUE;
        for (int f = 0; f <= c; f++)
            if (buildable(w, f, fossilAllowed, cleanAllowed)) peaker = Math.min(peaker, w.fixed[f] / w.availability[f]);
        if (peaker == Double.MAX_VALUE) return cheapestFossil(w);
        double best = Double.MAX_VALUE;
        for (int f = 0; f <= c; f++)
            if (buildable(w, f, fossilAllowed, cleanAllowed))
                best = Math.min(best, w.cost[f] + (w.fixed[f] / w.availability[f] - peaker) * 1000.0 / HourlyProfiles.HOURS);
        return best;
    }

    private static boolean buildable(Workspace w, int f, boolean fossilAllowed, boolean cleanAllowed) {
        if (w.availability[f] <= 0.0) return false;
        return f == HourlyBalance.CLEAN ? cleanAllowed : fossilAllowed && w.share[f] > 0.0;
    }

    /** Short-run cost of the cheapest fossil fleet with capacity (what base-load clean firm would displace). */
    private static double cheapestFossil(Workspace w) {
        double best = Double.MAX_VALUE;
        for (int f = 0; f < HourlyBalance.CLEAN; f++) if (w.available[f] > 0.0 && w.cost[f] < best) best = w.cost[f];
        return best == Double.MAX_VALUE ? 0.0 : best;
    }

    /**
     * Invariants besides the hourly balance: every source's share of the gross supply within [0, 1], dispatchable
     * capacity factors within availability, solar and wind capacity factors within physical limits.
     */
    private void checkPhysics(StepContext ctx, int r, Workspace w, HourlyBalance hb, double solarTwh, double windTwh,
                              double gross) {
        if (gross > 0.0) {
            double[] parts = {solarTwh, windTwh, hb.fossil(0), hb.fossil(1), hb.fossil(2), hb.fossil(3), hb.unmet()};
            for (double p : parts)
                if (!(p >= -1e-9 && p <= gross * (1.0 + 1e-9) + 1e-9))
                    throw violation(ctx, r, String.format("a source's share of supply is %.6f, outside [0, 1] (solar, "
                            + "wind, coal, gas, oil, clean firm, unmet %s TWh against %.3f TWh)", p / gross,
                            java.util.Arrays.toString(parts), gross));
        }
        for (int f = 0; f < HourlyBalance.FUELS; f++) {
            double cap = w.existing[f] + w.built[f];
            double gen = hb.fossil(f);
            if (gen > 1e-9 && gen > cap * w.availability[f] * HourlyProfiles.HOURS / 1000.0 * (1.0 + 1e-6) + 1e-9)
                throw violation(ctx, r, String.format("plant type %d ran at a capacity factor %.4f above its "
                        + "availability %.4f", f, gen / (cap * 8.76), w.availability[f]));
        }
        checkFactor(ctx, r, "solar", solarTwh, ctx.get(solarCapacity, r), MAX_SOLAR_CF);
        checkFactor(ctx, r, "wind", windTwh, ctx.get(windCapacity, r), MAX_WIND_CF);
    }

    /** Highest physical annual capacity factor of a solar fleet (single-axis tracking in deserts is about 0.3). */
    static final double MAX_SOLAR_CF = 0.4;
    /** Highest physical annual capacity factor of a wind fleet (the best offshore sites are about 0.5-0.6). */
    static final double MAX_WIND_CF = 0.7;

    private static void checkFactor(StepContext ctx, int r, String what, double twh, double gw, double max) {
        // generation uses the mid-year capacity, so the end-of-year capacity may be smaller after retirements:
        // the factor is checked against twice the limit only when capacity is tiny
        if (twh <= 1e-9) return;
        double cf = gw > 0.0 ? twh / (gw * 8.76) : Double.POSITIVE_INFINITY;
        if (!(cf <= max * 1.25))
            throw violation(ctx, r, String.format("%s capacity factor %.4f (%.3f TWh from %.3f GW) is above the "
                    + "physical limit %.2f; check %s_capacity_factor and the capacity", what, cf, twh, gw, max, what));
    }

    /**
     * The year's invariant: supply + storage discharge + unmet = demand + storage charge + curtailment, to 1e-6
     * relative (each hour is checked by {@link HourlyBalance#dispatch}).
     */
    private static void checkBalance(StepContext ctx, int r, double required, double clean, double dispatched,
                                     HourlyBalance hb) {
        double supply = clean + hb.discharge() + dispatched + hb.unmet();
        double use = required + hb.charge() + hb.curtailment();
        if (!(Math.abs(supply - use) <= 1e-6 * Math.max(1.0, use)))
            throw violation(ctx, r, String.format("the year's balance does not close: supply %.6f + discharge %.6f + "
                    + "dispatched %.6f + unmet %.6f TWh against demand %.6f + charge %.6f + curtailment %.6f TWh", clean,
                    hb.discharge(), dispatched, hb.unmet(), required, hb.charge(), hb.curtailment()));
    }

    private static IllegalStateException violation(StepContext ctx, int r, String what) {
        return new IllegalStateException(String.format("etw.models.decarbonisation: invariant violated in %s, %d: %s",
                ctx.regionName(r), ctx.year(), what));
    }

    /**
     * Share of the first-year fleet still running {@code n} years later: vintages evenly spread between age 0 and
     * {@code 2 * meanAge}, each retiring at {@code lifetime}; normalised so that the first year is 1 (plants already
     * past their lifetime in the first year run on until the cohorts younger than the lifetime catch up).
     */
    static double survival(int n, double lifetime, double meanAge) {
        double span = 2.0 * Math.max(0.5, meanAge);
        double start = Math.min(1.0, lifetime / span);
        double now = Math.min(1.0, Math.max(0.0, (lifetime - n) / span));
        return start > 0.0 ? now / start : 0.0;
    }

    /** Scratch space for one step: the balance, the hourly profiles (rebuilt only when their parameters change). */
    private static final class Workspace {
        final HourlyBalance balance = new HourlyBalance();
        final double[] demand = new double[HourlyProfiles.HOURS];
        final double[] solar = new double[HourlyProfiles.HOURS];
        final double[] wind = new double[HourlyProfiles.HOURS];
        final double[] available = new double[HourlyBalance.FUELS];
        final double[] mustRun = new double[HourlyBalance.FUELS];
        final double[] existing = new double[HourlyBalance.FUELS];
        final double[] built = new double[HourlyBalance.FUELS];
        final double[] added = new double[HourlyBalance.FUELS];
        final double[] availability = new double[HourlyBalance.FUELS];
        final double[] share = new double[HourlyBalance.FUELS];
        final double[] cost = new double[HourlyBalance.FUELS];
        final double[] ef = new double[HourlyBalance.FUELS];
        final double[] fuel = new double[HourlyBalance.FUELS];
        final double[] fixed = new double[HourlyBalance.FUELS];
        final int[] order = new int[HourlyBalance.FUELS];
        final double[][] stages = new double[HourlyBalance.FUELS][StageStock.STAGES];
        final double[] batteryStages = new double[StageStock.STAGES];
        final double[] nuclearStages = new double[StageStock.STAGES];
        final double[] optimal = new double[HourlyBalance.FUELS];
        final double[] repDemand = new double[12 * 24];
        final double[] repSolar = new double[12 * 24];
        final double[] repWind = new double[12 * 24];
        private double[] demandKey, solarKey, windKey;
        private boolean repValid;

        void profiles(double daily, double seasonal, double daylight, double solarSeason, double windSeason,
                      double windDaily, double variability, double persistence, long seed, boolean rep) {
            double[] d = {daily, seasonal};
            if (!java.util.Arrays.equals(d, demandKey)) {
                HourlyProfiles.gridDemand(demand, daily, seasonal);
                demandKey = d;
                repValid = false;
            }
            double[] s = {daylight, solarSeason};
            if (!java.util.Arrays.equals(s, solarKey)) {
                HourlyProfiles.solar(solar, daylight, solarSeason);
                solarKey = s;
                repValid = false;
            }
            double[] k = {windSeason, windDaily, variability, persistence, seed};
            if (!java.util.Arrays.equals(k, windKey)) {
                HourlyProfiles.wind(wind, windSeason, windDaily, variability, persistence, seed);
                windKey = k;
                repValid = false;
            }
            if (rep && !repValid) {
                HourlyProfiles.representativeDays(new double[][] {demand, solar, wind},
                        new double[][] {repDemand, repSolar, repWind}, null);
                repValid = true;
            }
        }
    }
}
