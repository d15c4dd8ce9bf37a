package etw.models.electrification;

import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * Electricity demand of transport, buildings, industry and other uses, growing with a baseline rate and with
 * the electrification of cars (an S-curve of EV sales share and fleet turnover), building heat (heat pumps) and
 * industrial process heat. Defaults are a World calibration for base year 2024: the four outputs plus 415 TWh of
 * data centres add up to about 27,775 TWh of final electricity (an assumption-labelled sector split).
 *
 * <p>With {@code n = year - firstYear} and {@code t} the calendar year, per region:
 * <pre>
 * G               = 1 in the first year, G(t-1) * (1 + demand_growth(t)) afterwards   [Demand Index]
 * share(t)        = ev_share_ceiling / (1 + exp(-ev_share_steepness * (t - ev_share_midpoint)))
 * carSales        = car_sales_base in the first year,
 *                   carSales(t-1) * (1 + car_sales_growth(t)) afterwards            [million/yr]
 * evSales         = share * carSales                                                [million/yr]
 * evStock         = ev_stock_base                                      in the first year  [million]
 *                 = evStock(t-1) * (1 - 1 / vehicle_lifetime) + evSales  afterwards
 * evElectricity   = evStock * km_per_vehicle * kwh_per_km / 1000                    [TWh/yr]
 * Transportation  = evElectricity + other_transport_base * G
 * Res. and Comm.  = buildings_base * G + heat_demand * heat_pump_share / heat_pump_cop
 * Industry        = industry_base * G + process_heat_demand * industry_electrified_share
 * Other           = other_base * G
 * </pre>
 * The EV stock, the car sales and the demand index G are the model's own outputs read back with lag 1, so the
 * model keeps no state and growth rates compound year by year. Every parameter is read each year, so a scenario
 * may give any of them a trajectory (heat_pump_share and industry_electrified_share are meant for that).
 */
@Component(service = Model.class)
public final class ElectrificationModel implements Model {

    /** The bundle symbolic name, used as the model id. */
    public static final String ID = "etw.models.electrification";

    private static final String TWH = "TWh/yr";
    private static final String ONE = "1";

    private final ModelDescriptor descriptor;

    private final Input stockLastYear;

    private final Output transportation;
    private final Output residentialCommercial;
    private final Output industry;
    private final Output other;
    private final Output evSalesShare;
    private final Output evSales;
    private final Output evStock;

    private final Parameter demandGrowth;
    private final Parameter evShareCeiling;
    private final Parameter evShareSteepness;
    private final Parameter evShareMidpoint;
    private final Input indexLastYear;
    private final Input carSalesLastYear;
    private final Output demandIndex;
    private final Output carSalesOut;
    private final Parameter carSalesBase;
    private final Parameter carSalesGrowth;
    private final Parameter evStockBase;
    private final Parameter vehicleLifetime;
    private final Parameter kmPerVehicle;
    private final Parameter kwhPerKm;
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
        b.description("Per region, demand index G = 1 in the first year, G(t-1) * (1 + demand_growth) afterwards; "
                + "car sales compound the same way with car_sales_growth. "
                + "EV sales share = ev_share_ceiling / (1 + exp(-ev_share_steepness * (year - ev_share_midpoint))); "
                + "EV sales = share * car_sales_base * (1 + car_sales_growth)^n; "
                + "EV stock = ev_stock_base in the first year, else last year's stock * (1 - 1/vehicle_lifetime) + EV sales; "
                + "Transportation = stock * km_per_vehicle * kwh_per_km / 1000 + other_transport_base * G; "
                + "Residential and Commercial = buildings_base * G + heat_demand * heat_pump_share / heat_pump_cop; "
                + "Industry = industry_base * G + process_heat_demand * industry_electrified_share; "
                + "Other = other_base * G.");

        stockLastYear = b.laggedInput("Stock|Transportation|LDV|EV", "million", 1, 0.0,
                "Last year's EV stock (this model's own output), for fleet turnover");
        indexLastYear = b.laggedInput("Demand Index|Electricity", ONE, 1, 1.0,
                "Last year's demand index (own output), compounded by this year's growth rate");
        carSalesLastYear = b.laggedInput("Sales|Transportation|LDV", "million/yr", 1, 0.0,
                "Last year's car sales (own output), compounded by this year's growth rate");

        transportation = b.output("Final Energy|Electricity|Transportation", TWH,
                "Electricity use of electric cars plus other electric transport (rail and other non-LDV)");
        residentialCommercial = b.output("Final Energy|Electricity|Residential and Commercial", TWH,
                "Electricity use of buildings, including heat pumps");
        industry = b.output("Final Energy|Electricity|Industry", TWH,
                "Electricity use of industry, including electrified process heat");
        other = b.output("Final Energy|Electricity|Other", TWH,
                "Other electricity use: agriculture, fishing, non-specified");
        evSalesShare = b.output("Sales Share|Transportation|LDV|EV", ONE,
                "Share of electric cars in new light-duty vehicle sales");
        evSales = b.output("Sales|Transportation|LDV|EV", "million/yr", "Electric light-duty vehicles sold");
        evStock = b.output("Stock|Transportation|LDV|EV", "million", "Electric light-duty vehicles on the road");
        demandIndex = b.output("Demand Index|Electricity", ONE,
                "Growth of non-electrified electricity demand since the first year (1 in the first year)");
        carSalesOut = b.output("Sales|Transportation|LDV", "million/yr", "Light-duty vehicles sold, all powertrains");

        demandGrowth = b.parameter("demand_growth", "1/yr", 0.02, -0.05, 0.10,
                "Annual growth of non-electrified (baseline) electricity demand in every sector",
                "assumption: consistent with ~5,000 TWh of growth per decade (Schneider Electric interview, "
                        + "MIT Technology Review, July 2024)");
        evShareCeiling = b.parameter("ev_share_ceiling", ONE, 0.95, 0, 1,
                "Long-run EV share of car sales that the S-curve approaches",
                "assumption: near-complete electrification of new car sales");
        evShareSteepness = b.parameter("ev_share_steepness", "1/yr", 0.25, 0.01, 2,
                "Steepness of the logistic EV sales-share curve",
                "assumption: fitted so the 2024 share is ~21% with midpoint 2029 (IEA Global EV Outlook 2025: "
                        + "over 17 million EVs sold in 2024, above 20% of car sales)");
        evShareMidpoint = b.parameter("ev_share_midpoint", "year", 2029, 2000, 2100,
                "Year in which the EV sales share reaches half its ceiling",
                "assumption: same fit as ev_share_steepness (IEA Global EV Outlook 2025: over 17 million EVs "
                        + "sold in 2024, above 20% of car sales)");
        carSalesBase = b.parameter("car_sales_base", "million/yr", 78, 0, 500,
                "Light-duty vehicle sales (all drivetrains) in the first year",
                "assumption: ~17 million EVs were about 22% of sales in 2024 (IEA Global EV Outlook 2025)");
        carSalesGrowth = b.parameter("car_sales_growth", "1/yr", 0.01, -0.05, 0.1,
                "Annual growth of total car sales",
                "assumption: slow growth of the world car market");
        evStockBase = b.parameter("ev_stock_base", "million", 58, 0, 5000,
                "Electric cars on the road in the first year",
                "IEA Global EV Outlook 2025: about 58 million electric cars in 2024");
        vehicleLifetime = b.parameter("vehicle_lifetime", "yr", 15, 5, 30,
                "Average car lifetime; 1/lifetime of the stock retires each year",
                "assumption: typical passenger-car lifetime");
        kmPerVehicle = b.parameter("km_per_vehicle", "km/yr", 12000, 1000, 50000,
                "Distance driven per electric car per year",
                "assumption: typical annual passenger-car mileage");
        kwhPerKm = b.parameter("kwh_per_km", "kWh/km", 0.18, 0.05, 1,
                "Electricity use per km driven, including charging losses",
                "assumption: typical electric passenger car");
        otherTransportBase = b.parameter("other_transport_base", TWH, 380, 0, 1e5,
                "Electricity use of transport other than electric cars in the first year",
                "assumption: rail and other non-LDV electric transport");
        buildingsBase = b.parameter("buildings_base", TWH, 12_867, 0, 1e6,
                "Electricity use of buildings other than heat pumps in the first year",
                "assumption: ~48% of 2024 final electricity excluding heat pumps and data centres, rough IEA "
                        + "World Energy Balances shares");
        heatDemand = b.parameter("heat_demand", TWH, 13_000, 0, 1e6,
                "Useful heat demand of buildings (space and water heating)",
                "assumption: building space and water heat demand");
        heatPumpShare = b.parameter("heat_pump_share", ONE, 0.10, 0, 1,
                "Share of building heat demand met by heat pumps (give a trajectory for a scenario)",
                "IEA, The Future of Heat Pumps (2022): heat pumps met about 10% of building heating needs");
        heatPumpCop = b.parameter("heat_pump_cop", ONE, 3.0, 1, 6,
                "Seasonal coefficient of performance of heat pumps: heat delivered per unit of electricity",
                "assumption: typical seasonal COP");
        industryBase = b.parameter("industry_base", TWH, 10_880, 0, 1e6,
                "Electricity use of industry other than electrified process heat in the first year",
                "assumption: ~42% of final electricity minus electrified process heat");
        processHeatDemand = b.parameter("process_heat_demand", TWH, 24_000, 0, 1e6,
                "Industrial process heat demand that could be electrified",
                "assumption: ~86 EJ industrial heat");
        industryElectrifiedShare = b.parameter("industry_electrified_share", ONE, 0.03, 0, 1,
                "Share of process heat demand met with electricity (give a trajectory for a scenario)",
                "assumption: small electrified share of industrial heat today");
        otherBase = b.parameter("other_base", TWH, 1_952, 0, 1e6,
                "Other electricity use in the first year",
                "assumption: remainder of ~27,775 TWh final electricity in 2024: agriculture, fishing, "
                        + "non-specified");

        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        int year = ctx.year();
        boolean first = ctx.isFirstYear();
        for (int r = 0; r < ctx.regionCount(); r++) {
            double growth = first ? 1 : ctx.get(indexLastYear, r) * (1 + ctx.get(demandGrowth, r));

            double share = ctx.get(evShareCeiling, r)
                    / (1 + Math.exp(-ctx.get(evShareSteepness, r) * (year - ctx.get(evShareMidpoint, r))));
            double carSales = first ? ctx.get(carSalesBase, r)
                    : ctx.get(carSalesLastYear, r) * (1 + ctx.get(carSalesGrowth, r));
            double sales = share * carSales;
            double stock = ctx.isFirstYear()
                    ? ctx.get(evStockBase, r)
                    : ctx.get(stockLastYear, r) * (1 - 1 / ctx.get(vehicleLifetime, r)) + sales;
            double evElectricity = stock * ctx.get(kmPerVehicle, r) * ctx.get(kwhPerKm, r) / 1000;

            ctx.set(demandIndex, r, growth);
            ctx.set(carSalesOut, r, carSales);
            ctx.set(evSalesShare, r, share);
            ctx.set(evSales, r, sales);
            ctx.set(evStock, r, stock);
            ctx.set(transportation, r, evElectricity + ctx.get(otherTransportBase, r) * growth);
            ctx.set(residentialCommercial, r, ctx.get(buildingsBase, r) * growth
                    + ctx.get(heatDemand, r) * ctx.get(heatPumpShare, r) / ctx.get(heatPumpCop, r));
            ctx.set(industry, r, ctx.get(industryBase, r) * growth
                    + ctx.get(processHeatDemand, r) * ctx.get(industryElectrifiedShare, r));
            ctx.set(other, r, ctx.get(otherBase, r) * growth);
        }
    }
}
