package etw.models.electrification;

import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.SoftRange;
import etw.api.StepContext;

/**
 * Electricity demand of transport, buildings, industry and other uses, growing with a baseline rate and with
 * the electrification of road vehicles (an S-curve of EV sales share and a vintage stock with Weibull survival),
 * building heat (heat pumps) and industrial process heat. Defaults are a World calibration for base year 2024:
 * the sector outputs plus 415 TWh of data centres add up to about 27,775 TWh of final electricity (an
 * assumption-labelled sector split).
 *
 * <p>With {@code t} the calendar year, {@code t0} the first year, {@code n = t - t0}, per region and road mode:
 * <pre>
 * G(t)        = 1 in the first year, G(t-1) * (1 + demand_growth(t)) afterwards             [Demand Index]
 * share(t)    = ceiling / (1 + exp(-steepness * (t - midpoint)))                               [1]
 * V(t)        = sales_base in the first year, V(t-1) * (1 + sales_growth(t)) afterwards      [million/yr]
 * s(t)        = share(t) * V(t)                                                                [million/yr]
 *               or, where the scenario gives them (ev_sales_given >= 0), s(t) = ev_sales_given and
 *               share(t) = s(t) / V(t) (the given sales must not exceed the market V(t))
 * S(a)        = exp(-(a / lambda)^k),  lambda = lifetime / Gamma(1 + 1/k)     Weibull survival, mean = lifetime
 * stock(t)    = sum over ages i = 0 .. 49 of s(t - i) * S(i + 0.5)                             [million]
 * s(t0 - j)   = c * (1 + history_growth)^-j  for j >= 1 (sales before the first year),
 *               c such that stock(t0) = stock_base
 * E(t)        = (stock(t-1) + stock(t)) / 2 * km_per_vehicle * kwh_per_km / 1000                [TWh/yr]
 * Transportation = sum of E over the road modes + other_transport_base * G
 * N*(t)       = heat_pump_share * heat_demand / heat_per_heat_pump      heat pumps needed     [million]
 * h(t)        = max(0, N*(t) - survivors(t)) / S(0.5)                   heat pumps sold       [million/yr]
 * N(t)        = survivors(t) + h(t) * S(0.5)     survivors: earlier sales and first fleet  [million]
 *               first year: h(t0) = N* / (S(0.5) + D(0)), the history h(t0 - j) = h(t0) * (1 + g)^-j
 * Res. and Comm. = buildings_base * G + N * heat_per_heat_pump / heat_pump_cop
 * K*(t)       = industry_electrified_share * process_heat_demand / heat_per_process_heat_capacity
 *               electric process-heat capacity needed [GW]; additions and the capacity K(t) follow as for heat
 *               pumps (stock-driven, Weibull retirements, never negative additions)
 * Industry       = industry_base * G + K * heat_per_process_heat_capacity / process_heat_efficiency
 * Other          = other_base * G
 * </pre>
 * Why this form. Survival is by vintage because a young fleet barely retires: "1/lifetime of the fleet a year"
 * scraps new cars as fast as old ones and leaves a fast-growing EV stock 15-30% short of what its sales imply.
 * A vehicle sold in year t - i is on average i + 0.5 years old at the end of year t, so the survival is read at
 * mid-year ages; with constant sales the stock then tends to sales * lifetime (the midpoint rule for the integral
 * of S). Electricity uses the mid-year stock because vehicles sold during a year drive half of it on average; this
 * is also how the per-vehicle figures were derived from IEA's annual electricity and end-of-year stock. The EV
 * stock includes plug-in hybrids (IEA's "EV"), hence the names {@code ...|EV}; kWh per km is the average of the
 * fleet, charging losses included.
 *
 * Heat pumps are stock-driven rather than sales-driven: scenarios and lab sheets give the share of building heat
 * they meet, and the model derives the sales that share takes once the installed pumps retire along their own
 * Weibull curve (the usual stock-driven dynamic stock model). If the share falls faster than pumps retire, none
 * are sold and the survivors keep running, so the share met is then above the parameter. With a constant COP the
 * electricity equals heat_demand * heat_pump_share / heat_pump_cop, as before; the stock adds sales, retirements
 * and an age profile. Electrified industrial process heat is the same kind of stock, in capacity (GW): the share
 * of process heat met with electricity sets the capacity needed at heat_per_process_heat_capacity a GW, and the
 * additions are what that takes after retirements (lifetime 25 years by default). With the default efficiency 1
 * the electricity equals process_heat_demand * industry_electrified_share, as before; if the share falls faster
 * than the equipment retires, the survivors keep running.
 *
 * <p>Statelessness. The model keeps no state between steps: each mode reads its own EV sales back with lags
 * 1 .. 49 (the vintages; a Weibull survival has no memoryless recursion, so the sales history is the exact and
 * cheapest state) and writes the survivors of the fleet sold before the first year
 * ({@code Stock|Transportation|<mode>|EV|Sold Before First Year}), which it carries forward by that fleet's
 * conditional survival D(n) / D(n-1), with D(m) = sum over j of (1 + history_growth)^-j * S(m + j + 0.5). The
 * age profile of the first year's stock is thus a sales history that grew at history_growth a year (fitted to
 * IEA's 2010-2023 sales), scaled to the stock; if stock_base is below the first year's sales, there is no older
 * fleet and the first-year stock is those sales. A lifetime given as a trajectory applies to every vintage from
 * that year on. Every parameter is read each year, so a scenario may give any of them a trajectory.
 *
 * <p>Modes and parameters. Cars ({@code LDV}), two- and three-wheelers, buses, vans (light commercial
 * vehicles), medium trucks and heavy trucks, each with its own sales, S-curve, survival, km and kWh/km. Cars keep
 * their earlier parameter names ({@code car_sales_base}, {@code ev_stock_base}, {@code ev_share_midpoint},
 * {@code vehicle_lifetime}, {@code km_per_vehicle}, {@code kwh_per_km}, ...) because scenarios and lab sheets use
 * them; every other mode's parameters are {@code <prefix>_sales_base}, {@code <prefix>_ev_stock_base},
 * {@code <prefix>_ev_share_midpoint}, {@code <prefix>_lifetime}, {@code <prefix>_km_per_vehicle},
 * {@code <prefix>_kwh_per_km} and so on, with prefixes {@code two_wheeler}, {@code bus}, {@code van},
 * {@code medium_truck} and {@code heavy_truck}. A scenario gives EV sales through the S-curve (a share of the
 * market), or directly: {@code ev_sales_given} (cars) and {@code <prefix>_ev_sales_given}, e.g. a published
 * outlook's sales as a trajectory; negative (the default) leaves them to the S-curve.
 *
 * <p>Names. Modes are IAMC segments after {@code Transportation|}: {@code LDV}, {@code Two and Three Wheelers},
 * {@code Buses}, {@code Vans}, {@code Medium Trucks}, {@code Heavy Trucks}. Per mode:
 * {@code Sales|Transportation|<mode>} (all powertrains), {@code Sales|Transportation|<mode>|EV},
 * {@code Sales Share|Transportation|<mode>|EV}, {@code Stock|Transportation|<mode>|EV} and
 * {@code Final Energy|Electricity|Transportation|<mode>}; rail and other non-road electric transport is
 * {@code Final Energy|Electricity|Transportation|Rail and Other}. The model writes
 * {@code Final Energy|Electricity|Transportation} itself as the sum of these children. Heat pumps are
 * {@code Stock|Residential and Commercial|Heat Pumps}, {@code Sales|Residential and Commercial|Heat Pumps} and
 * {@code Final Energy|Electricity|Residential and Commercial|Heat Pumps}; with
 * {@code ...|Residential and Commercial|Other Uses} they add up to {@code Residential and Commercial}. Industry:
 * {@code Capacity|Industry|Electrified Process Heat} (GW), {@code Capacity Additions|Industry|Electrified Process
 * Heat} (GW/yr) and {@code Final Energy|Electricity|Industry|Electrified Process Heat}; with
 * {@code ...|Industry|Other Uses} they add up to {@code Industry}.
 */
@Component(service = Model.class)
public final class ElectrificationModel implements Model {

    /** The bundle symbolic name, used as the model id. */
    public static final String ID = "etw.models.electrification";

    private static final String TWH = "TWh/yr";
    private static final String ONE = "1";

    private final ModelDescriptor descriptor;

    private final Input indexLastYear;
    private final Output demandIndex;
    private final Output transportation;
    private final Output railAndOther;
    private final Output residentialCommercial;
    private final Output buildingsOther;
    private final DrivenStock heatPumps;
    private final DrivenStock processHeat;
    private final Output industryOther;
    private final Output industry;
    private final Output other;

    private final RoadMode[] modes;

    private final Parameter demandGrowth;
    private final Parameter populationGrowth;
    private final Parameter gdpGrowth;
    private final Parameter incomeElasticity;
    private final Parameter efficiencyTrend;
    private final Parameter otherTransportBase;
    private final Parameter buildingsBase;
    private final Parameter heatDemand;
    private final Parameter heatPumpShare;
    private final Parameter heatPumpCop;
    private final Parameter industryBase;
    private final Parameter processHeatDemand;
    private final Parameter industryElectrifiedShare;
    private final Parameter otherBase;

    public ElectrificationModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder(ID, "Electrification demand growth");
        b.description("Per region, demand index G = 1 in the first year, afterwards G(t-1) * (1 + demand_growth) "
                + "* (1 + population_growth) * ((1 + gdp_growth) / (1 + population_growth))^income_elasticity "
                + "* (1 - efficiency_trend): the drivers (population, GDP per person with an income elasticity, an "
                + "efficiency trend) times any growth they do not explain. "
                + "Per road mode: sales V = sales_base in the first year, V(t-1) * (1 + sales_growth) afterwards; "
                + "EV share = ceiling / (1 + exp(-steepness * (year - midpoint))); EV sales s = share * V, or "
                + "the given EV sales where a scenario gives them (ev_sales_given >= 0; the share is then s / V); "
                + "EV stock = sum over ages i = 0..49 of s(t - i) * S(i + 0.5), with Weibull survival "
                + "S(a) = exp(-(a / lambda)^shape), lambda = lifetime / Gamma(1 + 1/shape); sales before the first "
                + "year grow at history_growth and are scaled so that the first year's stock is stock_base; "
                + "electricity = mid-year stock * km_per_vehicle * kwh_per_km / 1000. "
                + "Transportation = sum of the modes + other_transport_base * G; "
                + "Heat pumps: stock N = heat_pump_share * heat_demand / heat_per_heat_pump (million), sales = what "
                + "N takes after the Weibull retirements of earlier sales (never negative); "
                + "Residential and Commercial = buildings_base * G + N * heat_per_heat_pump / heat_pump_cop; "
                + "Electrified process heat: capacity K = industry_electrified_share * process_heat_demand / "
                + "heat_per_process_heat_capacity (GW), additions = what K takes after Weibull retirements (never "
                + "negative); Industry = industry_base * G + K * heat_per_process_heat_capacity / "
                + "process_heat_efficiency; "
                + "Other = other_base * G.");

        indexLastYear = b.laggedInput("Demand Index|Electricity", ONE, 1, 1.0,
                "Last year's demand index (own output), compounded by this year's growth rate");

        transportation = b.output("Final Energy|Electricity|Transportation", TWH,
                "Electricity use of transport: the sum of the road modes and of rail and other transport");
        railAndOther = b.output("Final Energy|Electricity|Transportation|Rail and Other", TWH,
                "Electricity use of rail and other non-road transport");
        residentialCommercial = b.output("Final Energy|Electricity|Residential and Commercial", TWH,
                "Electricity use of buildings: heat pumps and other uses");
        buildingsOther = b.output("Final Energy|Electricity|Residential and Commercial|Other Uses", TWH,
                "Electricity use of buildings other than heat pumps");
        industry = b.output("Final Energy|Electricity|Industry", TWH,
                "Electricity use of industry, including electrified process heat");
        b.softRange(SoftRange.growth(industry, 0.12, 10,
                "assumption: China's electricity generation, the fastest large-economy growth on record, rose from "
                        + "about 1,356 TWh (2000) to 4,207 TWh (2010), 12%/yr (IEA World Energy Balances)"));
        other = b.output("Final Energy|Electricity|Other", TWH,
                "Other electricity use: agriculture, fishing, non-specified");
        demandIndex = b.output("Demand Index|Electricity", ONE,
                "Growth of non-electrified electricity demand since the first year (1 in the first year)");

        demandGrowth = b.parameter("demand_growth", "1/yr", 0.02, -0.05, 0.10,
                "Annual growth of non-electrified (baseline) electricity demand in every sector",
                "assumption: consistent with ~5,000 TWh of growth per decade (Schneider Electric interview, "
                        + "MIT Technology Review, July 2024); set it to 0 when the drivers below are given, then it is "
                        + "the growth they do not explain");
        populationGrowth = b.parameter("population_growth", "1/yr", 0, -0.05, 0.05,
                "Annual growth of the region's population (a driver of non-electrified demand; give a trajectory)",
                "assumption: 0 leaves demand_growth alone; scenarios give UN World Population Prospects or SSP values");
        gdpGrowth = b.parameter("gdp_growth", "1/yr", 0, -0.10, 0.20,
                "Annual growth of the region's real GDP (with population_growth it gives GDP per person)",
                "assumption: 0 leaves demand_growth alone; scenarios give published GDP outlooks");
        incomeElasticity = b.parameter("income_elasticity", ONE, 0.8, 0, 2,
                "Elasticity of electricity use per person to GDP per person",
                "Liddle & Hasanov, Energy Economics 2023 (doi 10.1016/j.eneco.2023.106872): income elasticity of "
                        + "economy-wide electricity demand about 0.8 on average, stable over time, in middle-income "
                        + "countries");
        efficiencyTrend = b.parameter("efficiency_trend", "1/yr", 0, -0.05, 0.10,
                "Annual fall of electricity use at constant population and income (end-use efficiency, structure)",
                "assumption: 0 leaves demand_growth alone; scenarios calibrate it (see baseline.yaml)");

        modes = new RoadMode[] {cars(b), twoAndThreeWheelers(b), buses(b), vans(b), mediumTrucks(b), heavyTrucks(b)};

        otherTransportBase = b.parameter("other_transport_base", TWH, 313.3, 0, 1e5,
                "Electricity use of rail and other non-road transport in the first year",
                "assumption: the 505.3 TWh of transport electricity of the 2024 calibration minus the road "
                        + "modes' 2024 electricity with the defaults (192.0 TWh, 145.8 of them cars); rail is most "
                        + "of it");
        buildingsBase = b.parameter("buildings_base", TWH, 12_867, 0, 1e6,
                "Electricity use of buildings other than heat pumps in the first year",
                "assumption: ~48% of 2024 final electricity excluding heat pumps and data centres, rough IEA "
                        + "World Energy Balances shares");
        heatDemand = b.parameter("heat_demand", TWH, 13_000, 0, 1e6,
                "Useful heat demand of buildings (space and water heating)",
                "assumption: building space and water heat demand");
        heatPumpShare = b.parameter("heat_pump_share", ONE, 0.10, 0, 1,
                "Share of building heat demand met by heat pumps; it sets their stock (give a trajectory)",
                "IEA, The Future of Heat Pumps (2022): heat pumps met about 10% of building heating needs");
        heatPumpCop = b.parameter("heat_pump_cop", ONE, 3.0, 1, 6,
                "Seasonal coefficient of performance of heat pumps: heat delivered per unit of electricity",
                "assumption: typical seasonal COP");
        heatPumps = new DrivenStock(b, new DrivenStock.Names("Stock|Residential and Commercial|Heat Pumps",
                "Sales|Residential and Commercial|Heat Pumps", "Stock|Residential and Commercial|Heat Pumps|Sold Before "
                + "First Year", "Final Energy|Electricity|Residential and Commercial|Heat Pumps", "million",
                "heat pumps heating buildings"), heatPumpShare, heatDemand, heatPumpCop,
                b.parameter("heat_per_heat_pump", "MWh/yr", 6.5, 0.5, 50,
                        "Useful heat a heat pump delivers in a year, on average",
                        "derived: IEA, The Future of Heat Pumps (2022): 180 million heat pumps heating buildings in "
                                + "2020 met about 10% of heating needs; 10% of heat_demand (1,300 TWh) over about 200 "
                                + "million in 2024 (assumption: 5 million more a year)"),
                b.parameter("heat_pump_lifetime", "yr", 18, 5, 30,
                        "Mean lifetime of a heat pump: the mean of the Weibull survival curve",
                        "assumption: heat pumps are replaced after 15-20 years, like boilers"),
                b.parameter("heat_pump_lifetime_shape", ONE, 3, 1.5, 8,
                        "Shape of the Weibull survival curve of heat pumps",
                        "assumption: a Weibull shape of 3, as for buses and trucks"),
                b.parameter("heat_pump_sales_history_growth", "1/yr", 0.10, -0.5, 1,
                        "Annual growth of heat-pump sales before the first year: the age profile of the first stock",
                        "IEA, The Future of Heat Pumps (2022) and IEA heat-pump tracking: sales grew by double "
                                + "digits in 2021 and 11% in 2022"));
        industryBase = b.parameter("industry_base", TWH, 10_880, 0, 1e6,
                "Electricity use of industry other than electrified process heat in the first year",
                "assumption: ~42% of final electricity minus electrified process heat");
        processHeatDemand = b.parameter("process_heat_demand", TWH, 24_000, 0, 1e6,
                "Industrial process heat demand that could be electrified",
                "assumption: ~86 EJ industrial heat");
        industryElectrifiedShare = b.parameter("industry_electrified_share", ONE, 0.03, 0, 1,
                "Share of process heat demand met with electricity (give a trajectory for a scenario)",
                "assumption: small electrified share of industrial heat today");
        industryOther = b.output("Final Energy|Electricity|Industry|Other Uses", TWH,
                "Electricity use of industry other than electrified process heat");
        processHeat = new DrivenStock(b, new DrivenStock.Names("Capacity|Industry|Electrified Process Heat",
                "Capacity Additions|Industry|Electrified Process Heat",
                "Capacity|Industry|Electrified Process Heat|Built Before First Year",
                "Final Energy|Electricity|Industry|Electrified Process Heat", "GW",
                "electric process-heat capacity in industry (boilers, furnaces, heat pumps)"),
                industryElectrifiedShare, processHeatDemand,
                b.parameter("process_heat_efficiency", ONE, 1.0, 0.5, 6,
                        "Useful process heat per unit of electricity (1 for resistance and electrode boilers, 2-4 "
                                + "for industrial heat pumps below about 150 C)",
                        "assumption: 1, resistance and electrode heating, so that electricity = share x "
                                + "process_heat_demand as before the capacity stock; IEA, The Future of Heat Pumps "
                                + "(2022) gives COPs of 2-4 for industrial heat pumps"),
                b.parameter("heat_per_process_heat_capacity", "TWh/yr", 5.256, 0.5, 8.76,
                        "Useful heat a GW of electric process-heat capacity delivers in a year (its load factor x "
                                + "8.76 TWh)",
                        "assumption: a 60% load factor (0.6 x 8.76); industrial heat runs most hours of the year, "
                                + "with maintenance stops and part load"),
                b.parameter("process_heat_lifetime", "yr", 25, 5, 40,
                        "Mean lifetime of electric process-heat equipment: the mean of the Weibull survival curve",
                        "assumption: industrial boilers and furnaces are rebuilt after 20-30 years"),
                b.parameter("process_heat_lifetime_shape", ONE, 3, 1.5, 8,
                        "Shape of the Weibull survival curve of electric process-heat equipment",
                        "assumption: a Weibull shape of 3, as for heat pumps"),
                b.parameter("process_heat_history_growth", "1/yr", 0.05, -0.5, 1,
                        "Annual growth of electric process-heat additions before the first year: the age profile "
                                + "of the first stock",
                        "assumption: slow growth, as industrial electricity use grew a few percent a year"));
        otherBase = b.parameter("other_base", TWH, 1_952, 0, 1e6,
                "Other electricity use in the first year",
                "assumption: remainder of ~27,775 TWh final electricity in 2024: agriculture, fishing, "
                        + "non-specified");

        descriptor = b.build();
    }

    /**
     * Cars (light-duty vehicles). The parameter names predate the other modes and are kept, because scenarios
     * and lab sheets use them.
     */
    private static RoadMode cars(ModelDescriptor.Builder b) {
        return new RoadMode(b, "LDV", "cars", new RoadMode.Parameters(
                b.parameter("car_sales_base", "million/yr", 78, 0, 500,
                        "Cars sold (all powertrains) in the first year",
                        "assumption: ~17 million EVs were about 22% of sales in 2024 (IEA Global EV Outlook 2025)"),
                b.parameter("car_sales_growth", "1/yr", 0.01, -0.05, 0.1,
                        "Annual growth of total car sales",
                        "assumption: slow growth of the world car market"),
                b.parameter("ev_stock_base", "million", 58, 0, 5000,
                        "Electric cars on the road at the end of the first year",
                        "IEA Global EV Outlook 2025: about 58 million electric cars in 2024"),
                b.parameter("ev_share_ceiling", ONE, 0.95, 0, 1,
                        "Long-run EV share of car sales that the S-curve approaches",
                        "assumption: near-complete electrification of new car sales"),
                b.parameter("ev_share_steepness", "1/yr", 0.25, 0.01, 2,
                        "Steepness of the logistic EV sales-share curve",
                        "assumption: a share rising from 22% in 2024 to 75% ten years later; with ev_share_midpoint "
                                + "it reproduces 2024 (IEA Global EV Outlook 2025: over 17 million EVs sold, above "
                                + "20% of car sales)"),
                b.parameter("ev_share_midpoint", "year", 2028.8, 2000, 2100,
                        "Year in which the EV sales share reaches half its ceiling",
                        "fitted: with ceiling 0.95 and steepness 0.25, a 22.0% share of 78 million = 17.15 million "
                                + "EVs sold in 2024 (IEA Global EV Outlook 2025: over 17 million)"),
                b.parameter("vehicle_lifetime", "yr", 17, 5, 30,
                        "Mean car lifetime: the mean of the Weibull survival curve",
                        "DOMAIN.md (IEA Global EV Outlook): cars are scrapped after about 15-18 years following a "
                                + "Weibull-like curve; 17 years is within that range (assumption for the exact value)"),
                b.parameter("car_lifetime_shape", ONE, 3.5, 1.5, 8,
                        "Shape of the Weibull survival curve of cars: higher scraps more of them close to the mean",
                        "assumption: 3.5, so that at a mean of 17 years 90% of a vintage survives 10 years, 30% "
                                + "survives 20 and 7% survives 25 (Weibull fits of car survival, e.g. Hao et al., Vehicle survival "
                                + "patterns in China, Sci. China Tech. Sci. 54, 2011, find similar steep curves)"),
                b.parameter("ev_sales_history_growth", "1/yr", 0.33, 0, 1,
                        "Annual growth of EV car sales before the first year: the age profile of the first stock",
                        "IEA Global EV Data Explorer 2024 (CC BY 4.0): World electric-car sales grew from 2.06 "
                                + "million (2018) to 13.8 million (2023), 46%/yr, and 24% in 2024; 0.33 makes the "
                                + "58 million of 2024 imply 13.9 million sold in 2023 (IEA: 13.8)"),
                b.parameter("km_per_vehicle", "km/yr", 14_000, 1000, 50_000,
                        "Distance driven per electric car per year",
                        "assumption: with kwh_per_km, 2.94 MWh per car a year = IEA Global EV Data Explorer 2024: "
                                + "97 TWh used by electric cars in 2023 over a mid-year stock of 33 million"),
                b.parameter("kwh_per_km", "kWh/km", 0.21, 0.05, 1,
                        "Electricity use per km driven, including charging losses",
                        "assumption: fleet average of battery-electric and plug-in hybrid cars from the plug; with "
                                + "km_per_vehicle it reproduces IEA's 2.94 MWh per electric car in 2023"),
                salesGiven(b, "ev_sales_given", "cars")));
    }

    /**
     * The EV sales a scenario gives directly (a trajectory of a published outlook's sales, say), or a negative
     * value, the default, for the S-curve's share of the market.
     */
    private static Parameter salesGiven(ModelDescriptor.Builder b, String name, String what) {
        return b.parameter(name, "million/yr", -1, -1, 500,
                "Electric " + what + " sold, given directly (e.g. an outlook's sales as a trajectory); negative: "
                        + "the S-curve's share of the market decides. The share output is then these sales over the "
                        + "market, which must be at least as large",
                "assumption: not given (-1); the validation set feeds IEA Global EV Outlook 2024 STEPS sales");
    }

    /**
     * A road mode other than cars, with parameters {@code <prefix>_sales_base}, {@code _sales_growth},
     * {@code _ev_stock_base}, {@code _ev_share_ceiling}, {@code _ev_share_steepness}, {@code _ev_share_midpoint},
     * {@code _lifetime}, {@code _lifetime_shape}, {@code _ev_sales_history_growth}, {@code _km_per_vehicle} and
     * {@code _kwh_per_km}. {@code d} holds their defaults in that order, {@code sources} the source of each.
     */
    private static RoadMode mode(ModelDescriptor.Builder b, String label, String what, String prefix, double[] d,
                                 String... sources) {
        if (d.length != 11 || sources.length != 11)
            throw new IllegalArgumentException(prefix + ": 11 defaults and 11 sources");
        return new RoadMode(b, label, what, new RoadMode.Parameters(
                b.parameter(prefix + "_sales_base", "million/yr", d[0], 0, 500,
                        what + " sold (all powertrains) in the first year", sources[0]),
                b.parameter(prefix + "_sales_growth", "1/yr", d[1], -0.05, 0.1,
                        "Annual growth of total " + what + " sales", sources[1]),
                b.parameter(prefix + "_ev_stock_base", "million", d[2], 0, 5000,
                        "Electric " + what + " on the road at the end of the first year", sources[2]),
                b.parameter(prefix + "_ev_share_ceiling", ONE, d[3], 0, 1,
                        "Long-run EV share of " + what + " sales that the S-curve approaches", sources[3]),
                b.parameter(prefix + "_ev_share_steepness", "1/yr", d[4], 0.01, 2,
                        "Steepness of the logistic EV sales-share curve of " + what, sources[4]),
                b.parameter(prefix + "_ev_share_midpoint", "year", d[5], 2000, 2100,
                        "Year in which the EV share of " + what + " sales reaches half its ceiling", sources[5]),
                b.parameter(prefix + "_lifetime", "yr", d[6], 3, 30,
                        "Mean lifetime of " + what + ": the mean of the Weibull survival curve", sources[6]),
                b.parameter(prefix + "_lifetime_shape", ONE, d[7], 1.5, 8,
                        "Shape of the Weibull survival curve of " + what, sources[7]),
                b.parameter(prefix + "_ev_sales_history_growth", "1/yr", d[8], -0.5, 1,
                        "Annual growth of electric " + what + " sales before the first year: the age profile of "
                                + "the first stock", sources[8]),
                b.parameter(prefix + "_km_per_vehicle", "km/yr", d[9], 500, 200_000,
                        "Distance driven per electric " + what.replaceAll("s$", "") + " per year", sources[9]),
                b.parameter(prefix + "_kwh_per_km", "kWh/km", d[10], 0.01, 5,
                        "Electricity use of electric " + what + " per km, including charging losses", sources[10]),
                salesGiven(b, prefix + "_ev_sales_given", what)));
    }

    private static final String S_CURVE = "assumption: the cars' steepness (a share rising from 22% to 75% in ten "
            + "years around its midpoint)";
    private static final String CEILING = "assumption: near-complete electrification of new sales, as for cars";
    private static final String MARKET = "assumption: the market grows slowly, as car sales do";
    private static final String IEA_DATA = "IEA Global EV Data Explorer 2024 (CC BY 4.0)";

    private static RoadMode twoAndThreeWheelers(ModelDescriptor.Builder b) {
        return mode(b, "Two and Three Wheelers", "two- and three-wheelers", "two_wheeler",
                new double[] {60, 0.01, 70, 0.95, 0.25, 2031.4, 8, 3, 0, 5000, 0.04},
                "IEA Global EV Outlook 2024: 2/3W sales (all powertrains) of 19 million in India, 17 million in "
                        + "China and 14 million in ASEAN in 2023; about 10 million elsewhere (assumption)",
                MARKET,
                "assumption: about eight years of 7-11 million electric 2/3W sales (IEA Global EV Outlook 2024: "
                        + "almost 8 million electric two-wheelers and 1 million three-wheelers sold in 2023, 11 "
                        + "million two-wheelers in 2021); e-bikes are not counted",
                CEILING, S_CURVE,
                "fitted: a 13% share in the first year, the 2023 electric share of 2/3W sales (IEA Global EV Outlook "
                        + "2024); 2024 + ln(0.95 / 0.13 - 1) / 0.25",
                "assumption: electric scooters and motorcycles last about 8 years (battery life)",
                "assumption: a Weibull shape of 3, a little flatter than cars'",
                "IEA Global EV Outlook 2024: electric two-wheeler sales peaked in 2021 and fell since, so no trend",
                "assumption: about 14 km a day",
                "assumption: 30-50 Wh/km for electric scooters and motorcycles; 0.2 MWh a year with 5,000 km");
    }

    private static RoadMode buses(ModelDescriptor.Builder b) {
        return mode(b, "Buses", "buses", "bus",
                new double[] {1.65, 0.01, 0.72, 0.95, 0.25, 2037.6, 12, 3, 0, 20_000, 0.96},
                IEA_DATA + ": 51,200 electric buses sold in 2023 were 3.1% of bus sales, so 1.65 million",
                MARKET,
                IEA_DATA + ": 0.70 million electric buses at the end of 2023; plus 2024 sales, minus scrapping "
                        + "(assumption)",
                CEILING, S_CURVE,
                "fitted: a 3.1% share in the first year, the 2023 share (" + IEA_DATA + "); "
                        + "2024 + ln(0.95 / 0.031 - 1) / 0.25",
                "assumption: 12 years; Weibull fits for China give 9 years for transit buses and 11.5 for other "
                        + "buses (Hao et al., Vehicle survival patterns in China, Sci. China Tech. Sci. 54, 2011)",
                "assumption: a Weibull shape of 3",
                IEA_DATA + ": electric bus sales 58 (2015), 90 (2017), 51 thousand (2023): no trend",
                "assumption: with bus_kwh_per_km, 19.2 MWh per bus a year = " + IEA_DATA + ": 13 TWh used by "
                        + "electric buses in 2023 over a mid-year stock of 0.68 million (mostly Chinese city buses)",
                "assumption: about 1 kWh/km for a 12 m battery bus, less for the many smaller ones");
    }

    private static RoadMode vans(ModelDescriptor.Builder b) {
        return mode(b, "Vans", "vans", "van",
                new double[] {10.65, 0.01, 1.8, 0.95, 0.25, 2036.1, 15, 3.5, 0.4, 20_000, 0.30},
                IEA_DATA + ": 468,600 electric vans sold in 2023 were 4.4% of van sales, so 10.65 million",
                MARKET,
                IEA_DATA + ": 1.32 million electric vans at the end of 2023; plus 2024 sales (assumption)",
                CEILING, S_CURVE,
                "fitted: a 4.4% share in the first year, the 2023 share (" + IEA_DATA + "); "
                        + "2024 + ln(0.95 / 0.044 - 1) / 0.25",
                "assumption: light commercial vehicles last about as long as cars, a little less",
                "assumption: the cars' Weibull shape",
                IEA_DATA + ": electric van sales 87 (2020), 176 (2021), 319 (2022), 469 thousand (2023); 0.4 is "
                        + "below that pace for the years before 2020",
                "assumption: with van_kwh_per_km, 6.0 MWh per van a year = " + IEA_DATA + ": 6.7 TWh used by "
                        + "electric vans in 2023 over a mid-year stock of 1.11 million",
                "assumption: a light commercial vehicle uses about half as much again as a car per km");
    }

    private static RoadMode mediumTrucks(ModelDescriptor.Builder b) {
        return mode(b, "Medium Trucks", "medium trucks", "medium_truck",
                new double[] {3.5, 0.01, 0.36, 0.95, 0.25, 2041.1, 12, 3, 0.1, 25_000, 0.70},
                "assumption: 57,000 electric trucks sold in 2023 were 0.91% of truck sales (" + IEA_DATA + "), "
                        + "so 6.3 million trucks, split 3.5 million medium and 2.8 million heavy",
                MARKET,
                "assumption: 90% of the 0.34 million electric trucks at the end of 2023 (" + IEA_DATA + ", mostly "
                        + "Chinese urban delivery trucks) plus 2024 sales",
                CEILING, S_CURVE,
                "assumption: a 1.3% share in the first year, above the 0.91% of all trucks in 2023 (" + IEA_DATA
                        + "), as medium trucks electrify first; 2024 + ln(0.95 / 0.013 - 1) / 0.25",
                "assumption: 12 years; Weibull fits for China give 10.1 years for medium trucks (Hao et al., "
                        + "Vehicle survival patterns in China, Sci. China Tech. Sci. 54, 2011), longer elsewhere",
                "assumption: a Weibull shape of 3",
                IEA_DATA + ": electric truck sales 19 (2020), 42 (2022), 57 thousand (2023); 0.1 a year before that",
                "assumption: urban and regional delivery",
                "assumption: with 25,000 km, 17.5 MWh a truck; with heavy trucks, the fleet average is close to "
                        + IEA_DATA + ": 7.6 TWh over a mid-year stock of 0.31 million trucks, 24.5 MWh a truck");
    }

    private static RoadMode heavyTrucks(ModelDescriptor.Builder b) {
        return mode(b, "Heavy Trucks", "heavy trucks", "heavy_truck",
                new double[] {2.8, 0.01, 0.04, 0.95, 0.25, 2045.9, 14, 3, 0.3, 60_000, 1.3},
                "assumption: see medium_truck_sales_base",
                MARKET,
                "assumption: 10% of the 0.34 million electric trucks at the end of 2023 (" + IEA_DATA + ") plus "
                        + "2024 sales",
                CEILING, S_CURVE,
                "assumption: a 0.4% share in the first year, below the 0.91% of all trucks in 2023 (" + IEA_DATA
                        + "); 2024 + ln(0.95 / 0.004 - 1) / 0.25",
                "assumption: 14 years; Weibull fits for China give 12.8 years for heavy trucks (Hao et al., "
                        + "Vehicle survival patterns in China, Sci. China Tech. Sci. 54, 2011), longer elsewhere",
                "assumption: a Weibull shape of 3",
                "assumption: heavy electric trucks are newer than medium ones, so their sales grew faster",
                "assumption: long-haul tractors drive 100,000 km a year and more, rigid heavy trucks much less",
                "assumption: about 1.3 kWh/km for a 40 t battery tractor, charging losses included");
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** This year's growth factor of non-electrified demand from the drivers and the unexplained growth. */
    private double growthFactor(StepContext ctx, int r) {
        double population = 1 + ctx.get(populationGrowth, r);
        double perPerson = (1 + ctx.get(gdpGrowth, r)) / population;
        return (1 + ctx.get(demandGrowth, r)) * population * Math.pow(perPerson, ctx.get(incomeElasticity, r))
                * (1 - ctx.get(efficiencyTrend, r));
    }

    @Override
    public void step(StepContext ctx) {
        boolean first = ctx.isFirstYear();
        for (int r = 0; r < ctx.regionCount(); r++) {
            double growth = first ? 1 : ctx.get(indexLastYear, r) * growthFactor(ctx, r);
            double rail = ctx.get(otherTransportBase, r) * growth;
            double road = 0;
            for (RoadMode mode : modes) road += mode.step(ctx, r);

            ctx.set(demandIndex, r, growth);
            ctx.set(railAndOther, r, rail);
            ctx.set(transportation, r, road + rail);
            double otherUses = ctx.get(buildingsBase, r) * growth;
            ctx.set(buildingsOther, r, otherUses);
            ctx.set(residentialCommercial, r, otherUses + heatPumps.step(ctx, r));
            double industryOtherUses = ctx.get(industryBase, r) * growth;
            ctx.set(industryOther, r, industryOtherUses);
            ctx.set(industry, r, industryOtherUses + processHeat.step(ctx, r));
            ctx.set(other, r, ctx.get(otherBase, r) * growth);
        }
    }
}
