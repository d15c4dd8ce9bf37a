package etw.models.renewables;

import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.SoftRange;
import etw.api.StepContext;
import etw.models.support.StageStock;

/**
 * Renewable buildout: solar PV and wind capacity, generation and capital cost, per region and year.
 *
 * <p>Both technologies use the same equations, with their own parameters ({@code <t>} is {@code solar} or
 * {@code wind}); {@code n = year - firstYear}, {@code t0} is the first year:
 * <pre>
 * additions   A(t0) = &lt;t&gt;_additions_base
 *             A(t)  = max(0, A(t-1) * (1 + &lt;t&gt;_additions_growth(t) + &lt;t&gt;_gap_response * F(t-1)
 *                                         - &lt;t&gt;_surplus_response * S(t-1)
 *                                         + &lt;t&gt;_demand_response * (D(t-1) / D(t-2) - 1)
 *                                         + &lt;t&gt;_value_response * clamp(V(t-1) / LCOE(t-1) - 1, 0, 1)))
 *             F     = (coal + gas generation) / total generation: the share of demand that clean supply
 *                     left uncovered last year (read with lag 1 from the supply-mix model)
 *             S     = curtailment / total generation: clean supply that found no demand last year
 *             D     = Final Energy|Electricity (read with lags 1 and 2); its growth is clamped to [-0.5, 0.5] and is 0
 *                     until two years of demand exist
 *             V     = market value of the technology (its generation-weighted hourly price in last year's hourly
 *                     balance, USD/MWh); LCOE = (C * crf(discount_rate, lifetime) + fixed_om) / (cf * 8,760 h)
 *                     with C last year's Wright's-law capital cost: merchant additions come on top of the trend
 *                     while new plants earn more than they cost (one-sided: the value counts energy at short-run
 *                     cost only, without the capacity payments, contracts and subsidies that carry the trend)
 * economic    A(t)  = max(A(t) above, the economic additions
 *                   min(s_t * need / (cf * 8.76) + retiring_t(t), (1 + economic_additions_growth_max) * A(t-1)))
 *             need  = (D(t-1) - D(t-2)) * T(t-1) / D(t-1) + fossil_replacement_rate * (coal + gas)(t-1)
 *                     [TWh/yr]: the new energy the region must find (demand growth as generation, plus fossil
 *                     plants coming up for replacement)
 *             s_t   = c_t^-L / (c_solar^-L + c_wind^-L + C_firm^-L), L = economic_logit_exponent (a relative-cost
 *                     logit), c_t = C_t / u with C_t = max(0.1 LCOE, LCOE(t-1) + P(t-1) - V(t-1)) the value-adjusted
 *                     cost (IEA's VALCOE, energy adjustment: P the time-weighted mean hourly price of the supply
 *                     model) and u = 1 - min(0.9, curtailment / (solar + wind generation)) (t-1) the share of their
 *                     output that was used; C_firm = Levelised Cost|Electricity|New Firm(t-1), the cost of new energy
 *                     from the cheapest firm plant the region may build, net of the peaking capacity the reserve
 *                     margin needs anyway
 *             (only when economic_build is 1, from the third year, and the supply model's costs are known)
 * capacity    K(t)  = &lt;t&gt;_capacity_base * survival(t - t0) + N(t)
 *             survival: the first-year fleet installed at an even rate over the 2 &lt;t&gt;_mean_age years before
 *             t0, each plant retiring at &lt;t&gt;_lifetime; N, the capacity built since t0, ages through six stages
 *             (a discrete Erlang survival curve with mean &lt;t&gt;_lifetime, see StageStock); N(t0) = 0
 * generation  G(t)  = (K(t-1) + K(t)) / 2 * &lt;t&gt;_capacity_factor * 8.76        [TWh/yr]
 *             with K(t0-1) = max(0, capacity_base - additions_base) in the first year
 * cumulative  M(t0) = &lt;t&gt;_capacity_base
 *             M(t)  = M(t-1) + A(t)
 * cost        C(t)  = &lt;t&gt;_cost_base * (M(t) / M(t0)) ^ log2(1 - &lt;t&gt;_learning_rate)
 *             (C(t) = cost_base when capacity_base is 0)
 * </pre>
 * 8.76 is TWh per GW-year at capacity factor 1 (8,760 h). Generation uses the mid-year average capacity, as
 * capacity is an end-of-year stock. The cost follows Wright's law: each doubling of cumulative installed capacity
 * multiplies the cost by {@code 1 - learning_rate}. The cumulative installed capacity in the base year is
 * approximated by the installed base (assumption; the true cumulative total, including retired plants, is
 * somewhat larger), so {@code M(t0) = capacity_base}.
 *
 * <p>The gap and surplus terms are the feedback of the graph: while fossil plants cover much of the demand,
 * additions grow faster; as clean supply catches up, the push fades, and once clean supply is curtailed for
 * want of demand, additions shrink (nobody keeps building plants whose output is thrown away). It reads last year's values, so the loop through the
 * supply-mix model (which reads this year's solar and wind generation) is legal.
 *
 * <p>The model is stateless: capacity, additions and cumulative capacity are outputs that are read back with a
 * lag of one year. Growth rates are read every year, so a scenario may give them as trajectories.
 */
@Component(service = Model.class)
public final class RenewablesModel implements Model {

    /** TWh generated per GW of capacity running a full year (8,760 h) at capacity factor 1. */
    static final double TWH_PER_GW_YEAR = 8.76;

    private static final double MAX_CAPACITY = 1e5;
    private static final double MAX_ADDITIONS = 1e4;
    private static final double MAX_CAPACITY_FACTOR = 0.6;
    private static final double MAX_RETIREMENT = 0.2;
    private static final double MIN_GROWTH = -0.5;
    private static final double MAX_GROWTH = 1.0;
    private static final double MAX_LEARNING = 0.5;
    private static final double MAX_COST = 1e5;

    private final ModelDescriptor descriptor;
    private final Input lastGeneration;
    private final Input lastCoal;
    private final Input lastGas;
    private final Input lastCurtailment;
    private final Input lastDemand;
    private final Input demandBefore;
    private final Input lastFossilCost;
    private final Input lastMeanPrice;
    private final Input lastSolar;
    private final Input lastWind;
    private final Parameter discountRate;
    private final Parameter economicBuild;
    private final Parameter logitExponent;
    private final Parameter replacementRate;
    private final Parameter economicRamp;
    private final Technology solar;
    private final Technology wind;

    public RenewablesModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("etw.models.renewables", "Renewable buildout: solar and wind");
        lastGeneration = b.laggedInput("Secondary Energy|Electricity", "TWh/yr", 1, 0.0,
                "Last year's total generation, for the fossil share that drives the gap response");
        lastCoal = b.laggedInput("Secondary Energy|Electricity|Coal", "TWh/yr", 1, 0.0, "Last year's coal generation");
        lastGas = b.laggedInput("Secondary Energy|Electricity|Gas", "TWh/yr", 1, 0.0, "Last year's gas generation");
        lastCurtailment = b.laggedInput("Secondary Energy|Electricity|Curtailment", "TWh/yr", 1, 0.0,
                "Last year's curtailed clean generation, for the surplus response");
        lastDemand = b.laggedInput("Final Energy|Electricity", "TWh/yr", 1, 0.0,
                "Last year's electricity demand, for the demand response (growth of the market with demand)");
        demandBefore = b.laggedInput("Final Energy|Electricity", "TWh/yr", 2, 0.0,
                "Electricity demand two years ago, for the demand response");
        b.description("For solar and wind in each region: additions A(t) = max(0, A(t-1) * (1 + additions_growth "
                + "+ gap_response * F(t-1) - surplus_response * S(t-1) + demand_response * (D(t-1) / D(t-2) - 1))), where F is last year's fossil share of generation "
                + "(coal + gas) / total and S last year's curtailed share (curtailment / total), "
                + "A(first year) = additions_base, plus value_response * clamp(V / LCOE - 1, 0, 1) with V last year's "
                + "market value from the hourly balance and LCOE = (capital cost * crf(discount_rate, lifetime) + "
                + "fixed_om) / (capacity_factor * 8760 h); capacity K(t) = capacity_base * survival (the first-year "
                + "fleet installed evenly over 2 mean_age years, each plant retiring at lifetime) + capacity built since "
                + "the first year, aged through six stages of a discrete Erlang survival curve with mean lifetime; "
                + "K(first year) = capacity_base; generation = (K(t-1) + K(t)) / 2 * capacity_factor * 8.76 TWh/yr, "
                + "with K before the first year = max(0, capacity_base - additions_base); cumulative installed "
                + "M(t) = M(t-1) + A(t), M(first year) = capacity_base; capital cost = cost_base * "
                + "(M(t) / capacity_base) ^ log2(1 - learning_rate) (Wright's law); levelised cost of new plants "
                + "exported for the system cost. Economic additions (economic_build 1): additions are at least the "
                + "technology's share of the new-energy need (last year's demand growth as generation plus "
                + "fossil_replacement_rate times last year's coal and gas generation), share = c^-L / sum over solar, "
                + "wind and the firm alternative (L = economic_logit_exponent), c the value-adjusted cost (LCOE + mean "
                + "hourly price - market value, last year) over the share of solar and wind output that was not "
                + "curtailed, the firm alternative Levelised Cost|Electricity|New Firm from the supply model; plus "
                + "replacement of its retiring plants, "
                + "at most (1 + economic_additions_growth_max) times last year's additions.");
        lastFossilCost = b.laggedInput("Levelised Cost|Electricity|New Firm", "USD/MWh", 1, 0.0,
                "Last year's cost of a MWh of new energy from the cheapest firm plant the region may build (supply "
                        + "model), the alternative the economic additions compete with");
        lastMeanPrice = b.laggedInput("Price|Secondary Energy|Electricity|Hourly Mean", "USD/MWh", 1, 0.0,
                "Last year's time-weighted mean hourly price (supply model), for the value adjustment of solar and wind");
        lastSolar = b.laggedInput("Secondary Energy|Electricity|Solar", "TWh/yr", 1, 0.0,
                "Last year's solar generation (own output), for the curtailed share of solar and wind");
        lastWind = b.laggedInput("Secondary Energy|Electricity|Wind", "TWh/yr", 1, 0.0,
                "Last year's wind generation (own output), for the curtailed share of solar and wind");
        economicBuild = b.parameter("economic_build", "1", 1, 0, 1,
                "1: solar and wind additions are at least their economic share of the region's new-energy need "
                        + "(see the model description); 0: the trend and the responses only (below 0.5 means 0)",
                "assumption: investors build the cheapest new energy (IEA, World Energy Outlook 2024: solar PV and "
                        + "wind are the cheapest new sources of electricity in most markets, compared on their "
                        + "value-adjusted levelised cost, VALCOE)");
        logitExponent = b.parameter("economic_logit_exponent", "1", 6, 0, 30,
                "Cost sensitivity of the economic shares: each option's share of the new-energy need is proportional "
                        + "to cost^-exponent (0: equal shares; large: the cheapest takes all)",
                "assumption: a relative-cost logit as in GCAM's technology choice (JGCRI, GCAM documentation: "
                        + "share weight * cost^logit-exponent), with an exponent of the order GCAM uses for "
                        + "electricity generation technologies (about -6), standing for the spread of sites, "
                        + "resources and costs within a region");
        replacementRate = b.parameter("fossil_replacement_rate", "1/yr", 0.025, 0, 0.2,
                "Share of last year's coal and gas generation whose plants come up for replacement each year and "
                        + "join the new-energy need (the retiring plant is replaced by whichever new energy is cheapest)",
                "assumption: 1 / 40 years, between the coal (45 y) and gas (35 y) lifetimes of the supply model "
                        + "(DOMAIN.md)");
        economicRamp = b.parameter("economic_additions_growth_max", "1/yr", 0.2, 0, 2,
                "Most growth of a technology's additions over last year's when its economic share asks for more "
                        + "(factories, permitting and grid connections grow at a finite pace)",
                "assumption: World solar and wind additions grew about 20-25% a year on average over 2014-2024 (IRENA, "
                        + "Renewable Capacity Statistics 2025: solar about 40 GW added in 2014 and 452 GW in 2024, wind "
                        + "about 50 and 113 GW), with single years much faster");
        discountRate = b.parameter("discount_rate", "1", 0.07, 0, 0.3,
                "Real discount rate for the levelised cost of new plants",
                "assumption: 7% real, as the supply model's discount_rate");
        solar = new Technology(b, "Solar", "solar", "solar PV",
                new Default(1865, "IRENA, Renewable Capacity Statistics 2025: solar 1,865 GW installed at end-2024"),
                new Default(452, "IRENA, Renewable Capacity Statistics 2025: about 452 GW of the 585 GW of renewable "
                        + "capacity added in 2024 was solar"),
                new Default(0.148, "derived: Ember, Global Electricity Review 2025, 2,131 TWh of solar generation in "
                        + "2024, divided by 8.76 TWh/GW-yr times the mid-year capacity (1,413 + 1,865) / 2 GW from "
                        + "IRENA, Renewable Capacity Statistics 2025"),
                new Default(30, "DOMAIN.md: PV 25-30 y (the top: modules carry 25-30 year warranties)"),
                new Default(5, "estimate: solar capacity doubled about every three years up to 2024 (IRENA, Renewable "
                        + "Capacity Statistics 2025), so the installed-capacity-weighted mean age is about 4-5 years"),
                new Default(15, "assumption: fixed O&M of utility-scale PV about 15-25 USD/kW/yr (NREL Annual Technology "
                        + "Baseline 2024, order of magnitude)"),
                new Default(0.05, "assumption: moderate continued growth of annual additions"),
                new Default(0.05, "assumption: with a fossil share near 56% (Ember 2024) additions grow about 2.8 "
                        + "points a year faster than the trend"),
                new Default(2.0, "assumption: curtailing 10% of generation cuts additions by 20% a year"),
                new Default(0.24, "LBNL, iScience 2022: 24% per doubling of cumulative capacity (LCOE learning rate, "
                        + "US utility-scale PV; applied here to capital cost)"),
                new Default(758, "IRENA, Renewable Power Generation Costs in 2023 (2024): global weighted-average "
                        + "total installed cost of utility-scale solar PV, 758 USD/kW"));
        wind = new Technology(b, "Wind", "wind", "wind",
                new Default(1133, "IRENA, Renewable Capacity Statistics 2025: wind (onshore and offshore) 1,133 GW "
                        + "installed at end-2024"),
                new Default(113, "IRENA, Renewable Capacity Statistics 2025: about 113 GW of wind added in 2024"),
                new Default(0.265, "derived: Ember, Global Electricity Review 2025, wind 8.1% of 30,830 TWh = "
                        + "2,497 TWh in 2024, divided by 8.76 TWh/GW-yr times the mid-year capacity "
                        + "(1,020 + 1,133) / 2 GW from IRENA, Renewable Capacity Statistics 2025"),
                new Default(25, "DOMAIN.md: onshore wind 20-30 y (the middle)"),
                new Default(8, "estimate: wind capacity doubled about every six years up to 2024 (IRENA, Renewable "
                        + "Capacity Statistics 2025), so the mean age is about 7-9 years"),
                new Default(40, "assumption: fixed O&M of onshore wind about 30-45 USD/kW/yr (NREL Annual Technology "
                        + "Baseline 2024, order of magnitude)"),
                new Default(0.05, "assumption: moderate continued growth of annual additions"),
                new Default(0.05, "assumption: the same response as solar"),
                new Default(2.0, "assumption: the same response as solar"),
                new Default(0.15, "LBNL, iScience 2022: 15% per doubling of cumulative capacity (LCOE learning rate, "
                        + "US utility-scale wind; applied here to capital cost)"),
                new Default(1160, "IRENA, Renewable Power Generation Costs in 2023 (2024): global weighted-average "
                        + "total installed cost of onshore wind, 1,160 USD/kW"));
        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        double[] xs = new double[StageStock.STAGES], xw = new double[StageStock.STAGES];
        for (int r = 0; r < ctx.regionCount(); r++) {
            double total = ctx.get(lastGeneration, r);
            double fossilShare = total > 0 ? Math.min(1.0, Math.max(0.0, (ctx.get(lastCoal, r) + ctx.get(lastGas, r)) / total)) : 0.0;
            double surplusShare = total > 0 ? Math.min(1.0, Math.max(0.0, ctx.get(lastCurtailment, r) / total)) : 0.0;
            double d1 = ctx.get(lastDemand, r), d2 = ctx.get(demandBefore, r);
            double demandGrowth = d1 > 0 && d2 > 0 ? Math.max(-0.5, Math.min(0.5, d1 / d2 - 1.0)) : 0.0;
            Plan ps = solar.plan(ctx, r, fossilShare, surplusShare, demandGrowth, xs);
            Plan pw = wind.plan(ctx, r, fossilShare, surplusShare, demandGrowth, xw);
            // economic additions: the new-energy need (last year's growth of demand, as generation) shared by a
            // relative-cost logit among new solar, new wind and the fossil alternative
            double fossilCost = ctx.get(lastFossilCost, r);
            if (!ctx.isFirstYear() && ctx.get(economicBuild, r) >= 0.5 && fossilCost > 0.0 && d1 > 0.0 && d2 > 0.0
                    && ps.valueCost > 0.0 && pw.valueCost > 0.0) {
                // TWh/yr: growth of demand as generation, plus the fossil generation whose plants come up for
                // replacement
                double fossil = ctx.get(lastCoal, r) + ctx.get(lastGas, r);
                double need = Math.max(0.0, d1 - d2) * (total > 0.0 ? total / d1 : 1.0)
                        + ctx.get(replacementRate, r) * Math.max(0.0, fossil);
                double lambda = ctx.get(logitExponent, r);
                // a MWh that is curtailed serves nobody: solar and wind pay for their curtailed share (last year's
                // curtailment over their generation, at most 90%) on every MWh that is used
                double variable = ctx.get(lastSolar, r) + ctx.get(lastWind, r);
                double used = variable > 0.0
                        ? 1.0 - Math.min(0.9, Math.max(0.0, ctx.get(lastCurtailment, r) / variable)) : 1.0;
                double ws = Math.pow(ps.valueCost / used / fossilCost, -lambda), ww = Math.pow(pw.valueCost / used / fossilCost, -lambda);
                double sum = ws + ww + 1.0;
                double ramp = 1.0 + ctx.get(economicRamp, r);
                ps.economic(need * ws / sum, ramp);
                pw.economic(need * ww / sum, ramp);
            }
            solar.finish(ctx, r, ps, xs);
            wind.finish(ctx, r, pw, xw);
        }
    }

    /**
     * One technology's additions in the making: the trend additions, its value-adjusted cost and, once the
     * economic share is known, the additions that share needs.
     */
    private static final class Plan {
        double trend;       // GW/yr, the trend and responses
        double retiring;    // GW/yr retiring this year
        double previous;    // GW/yr, last year's additions
        double cf;
        double valueCost;   // USD/MWh, last year's LCOE + (mean price - market value); 0 when unknown
        double economic;    // GW/yr, economic additions (0 when not computed)
        double energyShare; // TWh/yr of the need taken

        void economic(double twh, double ramp) {
            energyShare = twh;
            economic = cf > 0.0 ? Math.min(twh / (cf * TWH_PER_GW_YEAR) + retiring, ramp * previous) : 0.0;
        }
    }

    /** A parameter default and where it comes from. */
    private record Default(double value, String source) {
    }

    /** One technology's handles; the equations are the same for every technology. */
    private final class Technology {
        private final Input previousCapacity;
        private final Input previousAdditions;
        private final Input previousCumulative;
        private final Input previousValue;
        private final Input previousCost;
        private final Output capacity;
        private final Output additions;
        private final Output cumulative;
        private final Output generation;
        private final Output capitalCost;
        private final Output levelisedCost;
        private final Output economicAdditions;
        private final Parameter capacityBase;
        private final Parameter additionsBase;
        private final Parameter capacityFactor;
        private final Parameter lifetime;
        private final Parameter meanAge;
        private final Parameter fixedOm;
        private final Parameter additionsGrowth;
        private final Parameter gapResponse;
        private final Parameter surplusResponse;
        private final Parameter valueResponse;
        private final Parameter demandResponse;
        private final Parameter learningRate;
        private final Parameter costBase;
        private final StageStock built;

        /**
         * @param label  the variable suffix, e.g. {@code Solar}
         * @param prefix the parameter name prefix, e.g. {@code solar}
         * @param noun   the technology in descriptions, e.g. {@code solar PV}
         */
        Technology(ModelDescriptor.Builder b, String label, String prefix, String noun,
                   Default capacityBaseDefault, Default additionsBaseDefault, Default capacityFactorDefault,
                   Default lifetimeDefault, Default meanAgeDefault, Default fixedOmDefault,
                   Default additionsGrowthDefault, Default gapResponseDefault,
                   Default surplusResponseDefault, Default learningRateDefault,
                   Default costBaseDefault) {
            String capacityVar = "Capacity|Electricity|" + label;
            String additionsVar = "Capacity Additions|Electricity|" + label;
            String cumulativeVar = "Cumulative Capacity|Electricity|" + label;

            previousCapacity = b.laggedInput(capacityVar, "GW", 1, 0.0,
                    "Last year's " + noun + " capacity (own output); the base-year parameter is used in the first year");
            previousAdditions = b.laggedInput(additionsVar, "GW/yr", 1, 0.0,
                    "Last year's " + noun + " additions (own output), grown by the additions growth rate");
            previousCumulative = b.laggedInput(cumulativeVar, "GW", 1, 0.0,
                    "Last year's cumulative installed " + noun + " capacity (own output), drives learning");
            previousValue = b.laggedInput("Market Value|Electricity|" + label, "USD/MWh", 1, 0.0,
                    "Last year's market value of " + noun + " in the hourly balance (supply model)");
            previousCost = b.laggedInput("Levelised Cost|Electricity|" + label, "USD/MWh", 1, 0.0,
                    "Last year's levelised cost of new " + noun + " (own output)");

            capacity = b.output(capacityVar, "GW", "Installed " + noun + " capacity at the end of the year");
            additions = b.output(additionsVar, "GW/yr", noun + " capacity added during the year");
            cumulative = b.output(cumulativeVar, "GW",
                    "Cumulative installed " + noun + " capacity (installed base in the first year plus all later "
                            + "additions, retirements not subtracted); drives the learning curve");
            generation = b.output("Secondary Energy|Electricity|" + label, "TWh/yr",
                    "Electricity generated by " + noun + " (mid-year capacity times capacity factor times 8,760 h)");
            boolean pv = label.equals("Solar");
            b.softRange(SoftRange.ratio(generation, capacityVar, 1 / 8.76, pv ? 0.05 : 0.10, pv ? 0.35 : 0.60,
                    "capacity factor of " + noun + " (generation / (end-of-year capacity * 8,760 h))",
                    "assumption: IRENA, Renewable Power Generation Costs in 2023, gives global weighted-average "
                            + "capacity factors of 16% for new solar PV and 36% (onshore) to 41% (offshore) for wind; "
                            + "a national fleet within about a third to twice (solar) or 0.3 to 1.5 times (wind) of these"));
            capitalCost = b.output("Capital Cost|Electricity|" + label, "USD/kW",
                    "Installed capital cost of new " + noun + " capacity (Wright's law on cumulative capacity)");
            levelisedCost = b.output("Levelised Cost|Electricity|" + label, "USD/MWh",
                    "Levelised cost of new " + noun + ": (capital cost * crf(discount_rate, lifetime) + fixed O&M) / "
                            + "(capacity factor * 8,760 h)");

            economicAdditions = b.output("Capacity Additions|Electricity|" + label + "|Economic", "GW/yr",
                    "The " + noun + " additions its economic share of the new-energy need asks for (plus replacement of "
                            + "retiring plants); the additions are the larger of this and the trend (0 when not computed)");
            capacityBase = b.parameter(prefix + "_capacity_base", "GW", capacityBaseDefault.value(), 0, MAX_CAPACITY,
                    "Installed " + noun + " capacity at the end of the first year", capacityBaseDefault.source());
            additionsBase = b.parameter(prefix + "_additions_base", "GW/yr", additionsBaseDefault.value(), 0,
                    MAX_ADDITIONS, noun + " capacity added in the first year", additionsBaseDefault.source());
            capacityFactor = b.parameter(prefix + "_capacity_factor", "1", capacityFactorDefault.value(), 0,
                    MAX_CAPACITY_FACTOR, "Average " + noun + " capacity factor (generation / (capacity * 8,760 h))",
                    capacityFactorDefault.source());
            lifetime = b.parameter(prefix + "_lifetime", "yr", lifetimeDefault.value(), 5, 60,
                    "Mean lifetime of " + noun + " plants (survival curve of the first-year fleet and of new plants)",
                    lifetimeDefault.source());
            meanAge = b.parameter(prefix + "_mean_age", "yr", meanAgeDefault.value(), 0, 40,
                    "Mean age of the first-year " + noun + " fleet: taken as installed at an even rate over twice "
                            + "this many years", meanAgeDefault.source());
            fixedOm = b.parameter(prefix + "_fixed_om", "USD/kW/yr", fixedOmDefault.value(), 0, 500,
                    "Fixed operation and maintenance cost of " + noun + ", for the levelised cost",
                    fixedOmDefault.source());
            additionsGrowth = b.parameter(prefix + "_additions_growth", "1/yr", additionsGrowthDefault.value(),
                    MIN_GROWTH, MAX_GROWTH, "Annual growth rate of " + noun + " capacity additions (read every "
                            + "year; may be a trajectory)", additionsGrowthDefault.source());
            gapResponse = b.parameter(prefix + "_gap_response", "1/yr", gapResponseDefault.value(), 0, 1,
                    "Extra growth of " + noun + " additions per unit of last year's fossil share of generation",
                    gapResponseDefault.source());
            surplusResponse = b.parameter(prefix + "_surplus_response", "1/yr", surplusResponseDefault.value(), 0, 10,
                    "Fall in the growth of " + noun + " additions per unit of last year's curtailed share of generation",
                    surplusResponseDefault.source());
            valueResponse = b.parameter(prefix + "_value_response", "1/yr", 0.1, 0, 1,
                    "Extra growth of " + noun + " additions per unit of max(0, market value / levelised cost - 1), "
                            + "at most 1: merchant plants built where the value of their energy in the hourly balance "
                            + "beats their cost",
                    "assumption: a plant earning twice its cost adds 10 points of growth a year. One-sided: the market "
                            + "value counts energy at short-run cost only (no capacity payments, contracts or subsidies), "
                            + "so a value below cost does not stop the trend's (policy and contract) additions; "
                            + "curtailment does, through surplus_response");
            demandResponse = b.parameter(prefix + "_demand_response", "1", 0, 0, 2,
                    "Extra growth of " + noun + " additions per unit of the growth of electricity demand from two years "
                            + "ago to last year (1: the market for new plants grows with the electricity it serves; read "
                            + "every year, may be a trajectory)",
                    "assumption: 0 by default (additions follow the trend and the responses only); a scenario that "
                            + "lets the market scale with demand sets 1");
            learningRate = b.parameter(prefix + "_learning_rate", "1", learningRateDefault.value(), 0, MAX_LEARNING,
                    "Fall in " + noun + " capital cost per doubling of cumulative installed capacity",
                    learningRateDefault.source());
            costBase = b.parameter(prefix + "_cost_base", "USD/kW", costBaseDefault.value(), 0, MAX_COST,
                    "Installed capital cost of " + noun + " in the first year", costBaseDefault.source());
            built = new StageStock(b, label, "GW");
        }

        Plan plan(StepContext ctx, int r, double fossilShare, double surplusShare, double demandGrowth, double[] x) {
            Plan p = new Plan();
            double k0 = ctx.get(capacityBase, r);
            double life = ctx.get(lifetime, r);
            p.cf = ctx.get(capacityFactor, r);
            int n = ctx.year() - ctx.firstYear();
            double survivors = k0 * survival(n, life, ctx.get(meanAge, r));
            double left = built.age(ctx, r, life, x);
            if (ctx.isFirstYear()) {
                p.trend = ctx.get(additionsBase, r);
                return p;
            }
            double growth = ctx.get(additionsGrowth, r) + ctx.get(gapResponse, r) * fossilShare
                    - ctx.get(surplusResponse, r) * surplusShare + ctx.get(demandResponse, r) * demandGrowth;
            double lcoe = ctx.get(previousCost, r);
            double value = ctx.get(previousValue, r);
            if (lcoe > 0.0) {
                double margin = value / lcoe - 1.0;
                growth += ctx.get(valueResponse, r) * Math.max(0.0, Math.min(1.0, margin));
                // value-adjusted levelised cost (IEA's VALCOE, energy adjustment only): the cost of a MWh of this
                // technology plus what its MWh is worth less than the average hour's (curtailed and cannibalised
                // hours lower the market value); at least a tenth of the LCOE
                double mean = ctx.get(lastMeanPrice, r);
                if (mean > 0.0) p.valueCost = Math.max(0.1 * lcoe, lcoe + mean - value);
            }
            p.previous = Math.max(0.0, ctx.get(previousAdditions, r));
            p.trend = p.previous * (1.0 + growth);
            p.retiring = Math.max(0.0, ctx.get(previousCapacity, r) - survivors - left);
            return p;
        }

        void finish(StepContext ctx, int r, Plan p, double[] x) {
            double k0 = ctx.get(capacityBase, r);
            double life = ctx.get(lifetime, r);
            double cf = p.cf;
            int n = ctx.year() - ctx.firstYear();
            double survivors = k0 * survival(n, life, ctx.get(meanAge, r));
            double a = Math.min(MAX_ADDITIONS, Math.max(p.trend, p.economic));
            double kPrev;
            double m;
            if (ctx.isFirstYear()) {
                kPrev = Math.max(0.0, k0 - a);
                m = k0;
            } else {
                kPrev = ctx.get(previousCapacity, r);
                m = ctx.get(previousCumulative, r) + a;
            }
            double k = ctx.isFirstYear() ? k0 : survivors + StageStock.add(x, a);
            double g = (kPrev + k) / 2.0 * cf * TWH_PER_GW_YEAR;

            double cost = ctx.get(costBase, r);
            if (k0 > 0.0 && m > 0.0) {
                double exponent = Math.log(1.0 - ctx.get(learningRate, r)) / Math.log(2.0);
                cost *= Math.pow(m / k0, exponent);
            }
            double lcoe = cf > 0.0 ? (cost * crf(ctx.get(discountRate, r), life) + ctx.get(fixedOm, r)) * 1000.0
                    / (cf * 8760.0) : 0.0;

            ctx.set(additions, r, a);
            ctx.set(economicAdditions, r, p.economic);
            ctx.set(capacity, r, k);
            ctx.set(cumulative, r, m);
            ctx.set(generation, r, g);
            ctx.set(capitalCost, r, cost);
            ctx.set(levelisedCost, r, lcoe);
            built.write(ctx, r, x);
        }
    }

    /** Capital recovery factor: the annuity per unit of capital at {@code rate} over {@code years}. */
    static double crf(double rate, double years) {
        double life = Math.max(1.0, years);
        if (rate <= 1e-9) return 1.0 / life;
        double x = Math.pow(1.0 + rate, life);
        return rate * x / (x - 1.0);
    }

    /**
     * Share of the first-year fleet still running {@code n} years later: installed at an even rate over the
     * {@code 2 meanAge} years before the first year, each plant retiring at {@code lifetime}; 1 in the first year.
     */
    static double survival(int n, double lifetime, double meanAge) {
        double span = 2.0 * Math.max(0.5, meanAge);
        double start = Math.min(1.0, lifetime / span);
        double now = Math.min(1.0, Math.max(0.0, (lifetime - n) / span));
        return start > 0.0 ? now / start : 0.0;
    }
}
