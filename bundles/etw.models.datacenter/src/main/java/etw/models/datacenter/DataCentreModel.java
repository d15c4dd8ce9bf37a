package etw.models.datacenter;

import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.SoftRange;
import etw.api.StepContext;

/**
 * Electricity use of data centres, split into AI (accelerated servers) and conventional workloads: compute demand
 * grows at a rate that decays towards a long-run value, the energy efficiency of compute improves with a
 * Koomey-style doubling time, part of the efficiency gain is taken back by extra use (a rebound, or Jevons,
 * elasticity), and facility overhead scales with the power usage effectiveness (PUE). Defaults are a World
 * calibration for base year 2024 (415 TWh, IEA Energy and AI, 2025).
 *
 * <p>With {@code n = year - firstYear}, {@code k} in {AI, Conventional}, {@code t0} the first year, per region:
 * <pre>
 * gamma(t) = 2^(1 / efficiency_doubling_time)                     efficiency gain factor per year
 * Eff(t0)  = 1,   Eff(t) = Eff(t-1) * gamma(t)                    Compute Efficiency|Data Centers
 * g_k(m)   = k_compute_growth_long_run
 *            + (k_compute_growth_initial - k_compute_growth_long_run) * 0.5^(m / growth_half_life)
 * C_k(t0)  = 1,   C_k(t) = C_k(t-1) * (1 + g_k(n - 1)) * gamma(t)^rebound_elasticity
 * E_k(t)   = k_base * C_k(t) / Eff(t) * pue(t) / pue_base          TWh/yr
 * E(t)     = E_AI(t) + E_Conventional(t)
 * </pre>
 * The growth of the step from {@code t-1} to {@code t} is evaluated at the start of the step ({@code m = n - 1}),
 * so the first projected year grows at exactly the initial rate; that is how the initial rates were derived from
 * IEA's observed electricity growth: {@code (1 + g) * 2^((rebound - 1) / doubling) = 1 + electricity growth}.
 * The indices Eff and C_k are the model's own outputs read back with lag 1, so the model keeps no state. Every
 * parameter is read each year, so a scenario may give any of them a trajectory (pue in particular). With
 * rebound_elasticity 0 compute demand grows only with g_k; with 1 the efficiency gain is fully spent on more
 * compute; above 1 efficiency raises electricity use (backfire).
 */
@Component(service = Model.class)
public final class DataCentreModel implements Model {

    /** The bundle symbolic name, used as the model id. */
    public static final String ID = "etw.models.datacenter";

    private static final String TWH = "TWh/yr";
    private static final String ONE = "1";

    private final ModelDescriptor descriptor;

    private final Input efficiencyLastYear;
    private final Input aiComputeLastYear;
    private final Input conventionalComputeLastYear;

    private final Output aiElectricity;
    private final Output conventionalElectricity;
    private final Output totalElectricity;
    private final Output aiCompute;
    private final Output conventionalCompute;
    private final Output efficiency;

    private final Parameter efficiencyDoublingTime;
    private final Parameter aiGrowthInitial;
    private final Parameter aiGrowthLongRun;
    private final Parameter conventionalGrowthInitial;
    private final Parameter conventionalGrowthLongRun;
    private final Parameter growthHalfLife;
    private final Parameter reboundElasticity;
    private final Parameter aiBase;
    private final Parameter conventionalBase;
    private final Parameter pue;
    private final Parameter pueBase;

    public DataCentreModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder(ID, "Data-centre and AI load");
        b.description("Per region and workload k (AI, Conventional), n = years since the first year: "
                + "gamma = 2^(1/efficiency_doubling_time); efficiency index Eff = 1 in the first year, "
                + "else Eff(t-1) * gamma; growth g_k(m) = long_run + (initial - long_run) * 0.5^(m/growth_half_life); "
                + "compute index C_k = 1 in the first year, else C_k(t-1) * (1 + g_k(n-1)) * gamma^rebound_elasticity; "
                + "electricity E_k = k_base * C_k / Eff * pue / pue_base; Data Centers = AI + Conventional.");

        efficiencyLastYear = b.laggedInput("Compute Efficiency|Data Centers", ONE, 1, 1.0,
                "Last year's efficiency index (this model's own output)");
        aiComputeLastYear = b.laggedInput("Compute Demand|Data Centers|AI", ONE, 1, 1.0,
                "Last year's AI compute-demand index (this model's own output)");
        conventionalComputeLastYear = b.laggedInput("Compute Demand|Data Centers|Conventional", ONE, 1, 1.0,
                "Last year's conventional compute-demand index (this model's own output)");

        aiElectricity = b.output("Final Energy|Electricity|Data Centers|AI", TWH,
                "Electricity use of data centres for AI (accelerated servers), including facility overhead");
        conventionalElectricity = b.output("Final Energy|Electricity|Data Centers|Conventional", TWH,
                "Electricity use of data centres for conventional workloads, including facility overhead");
        totalElectricity = b.output("Final Energy|Electricity|Data Centers", TWH,
                "Electricity use of data centres: AI plus conventional");
        b.softRange(SoftRange.share(totalElectricity, "Final Energy|Electricity", 0.20,
                "assumption: data centres used about 1.5% of world electricity in 2024 (IEA Energy and AI, 2025) and "
                        + "4.4% of US electricity in 2023, 6.7-12% by 2028 (LBNL 2024 US Data Center Energy Usage "
                        + "Report); a whole region above 20% would be a hub the size of Ireland (21% in 2023, CSO)"));
        b.softRange(SoftRange.growth(totalElectricity, 0.30, 5,
                "assumption: IEA Energy and AI (2025) projects about 15%/yr for data-centre electricity to 2030 "
                        + "and about 30%/yr for accelerated servers alone; twice the total's rate for five years is not seen"));
        aiCompute = b.output("Compute Demand|Data Centers|AI", ONE,
                "AI compute demand, index = 1 in the first year");
        conventionalCompute = b.output("Compute Demand|Data Centers|Conventional", ONE,
                "Conventional compute demand, index = 1 in the first year");
        efficiency = b.output("Compute Efficiency|Data Centers", ONE,
                "Computations per kWh, index = 1 in the first year");

        efficiencyDoublingTime = b.parameter("efficiency_doubling_time", "yr", 2.6, 0.5, 20,
                "Years for computations per kWh to double",
                "Koomey & Naffziger 2016: computations per kWh doubled about every 2.6 years after 2000");
        aiGrowthInitial = b.parameter("ai_compute_growth_initial", "1/yr", 0.485, 0, 2,
                "Growth of AI compute demand in the first projected year, before rebound",
                "derived: IEA Energy and AI (2025) ~30%/yr growth of accelerated-server electricity = "
                        + "1.30 * 2^(0.5/2.6) - 1 with the default rebound 0.5 and doubling time 2.6 yr");
        aiGrowthLongRun = b.parameter("ai_compute_growth_long_run", "1/yr", 0.20, 0, 1,
                "Growth of AI compute demand that the rate decays towards",
                "assumption: demand for compute keeps outgrowing its efficiency gains; with the default "
                        + "rebound and doubling time, AI electricity then still grows about 5%/yr in the long run");
        conventionalGrowthInitial = b.parameter("conventional_compute_growth_initial", "1/yr", 0.245, 0, 2,
                "Growth of conventional compute demand in the first projected year, before rebound",
                "derived: IEA Energy and AI (2025) ~9%/yr growth of conventional-server electricity = "
                        + "1.09 * 2^(0.5/2.6) - 1 with the default rebound 0.5 and doubling time 2.6 yr");
        conventionalGrowthLongRun = b.parameter("conventional_compute_growth_long_run", "1/yr", 0.15, 0, 1,
                "Growth of conventional compute demand that the rate decays towards",
                "assumption: with the default rebound and doubling time, conventional electricity then stays "
                        + "about flat (+0.7%/yr): 1.15 * 2^(-0.5/2.6)");
        growthHalfLife = b.parameter("growth_half_life", "yr", 8, 1, 100,
                "Years for the excess of growth over its long-run value to halve",
                "assumption: today's growth rates cannot last; half the excess gone in about a decade");
        reboundElasticity = b.parameter("rebound_elasticity", ONE, 0.5, 0, 1.5,
                "Share of efficiency gains taken back by extra compute (0 none, 1 all, above 1 backfire)",
                "assumption: partial rebound; 0 = no rebound, 1 = efficiency gains fully eaten, >1 backfire");
        aiBase = b.parameter("ai_base", TWH, 62, 0, 1e5,
                "AI (accelerated-server) data-centre electricity in the first year, at pue_base; a region's AI share "
                        + "of its first-year load is ai_base / (ai_base + conventional_base)",
                "assumption: ~15% of IEA Energy and AI (2025) 415 TWh world 2024; accelerated servers ~a quarter "
                        + "of server electricity, servers ~60% of data-centre use");
        conventionalBase = b.parameter("conventional_base", TWH, 353, 0, 1e5,
                "Conventional data-centre electricity in the first year, at pue_base",
                "IEA Energy and AI (2025): 415 TWh in 2024 minus ai_base");
        pue = b.parameter("pue", ONE, 1.56, 1.0, 3.0,
                "Power usage effectiveness: facility electricity over IT electricity (give a trajectory, per region)",
                "Uptime Institute Global Data Center Survey 2024: average PUE 1.56 (World, respondents' largest "
                        + "sites); regions differ, e.g. US about 1.4 in 2023 (LBNL 2024 US Data Center Energy Usage "
                        + "Report), EU 1.36 (Energy Efficiency Directive reporting, 2023-2024), China's target below "
                        + "1.5 by 2025 (NDRC/MIIT 2024): see baseline.yaml");
        pueBase = b.parameter("pue_base", ONE, 1.56, 1.0, 3.0,
                "The PUE at which ai_base and conventional_base were measured: give each region its first-year pue, "
                        + "so the first year keeps its measured electricity",
                "Uptime Institute Global Data Center Survey 2024: average PUE 1.56 (World)");

        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        boolean first = ctx.isFirstYear();
        int m = ctx.year() - ctx.firstYear() - 1; // years since the first year at the start of this step
        for (int r = 0; r < ctx.regionCount(); r++) {
            double eff;
            double cAi;
            double cConv;
            if (first) {
                eff = 1;
                cAi = 1;
                cConv = 1;
            } else {
                double gamma = Math.pow(2, 1 / ctx.get(efficiencyDoublingTime, r));
                double rebound = Math.pow(gamma, ctx.get(reboundElasticity, r));
                double decay = Math.pow(0.5, m / ctx.get(growthHalfLife, r));
                eff = ctx.get(efficiencyLastYear, r) * gamma;
                cAi = ctx.get(aiComputeLastYear, r)
                        * (1 + growth(ctx.get(aiGrowthInitial, r), ctx.get(aiGrowthLongRun, r), decay)) * rebound;
                cConv = ctx.get(conventionalComputeLastYear, r)
                        * (1 + growth(ctx.get(conventionalGrowthInitial, r), ctx.get(conventionalGrowthLongRun, r),
                        decay)) * rebound;
            }
            double overhead = ctx.get(pue, r) / ctx.get(pueBase, r);
            double eAi = ctx.get(aiBase, r) * cAi / eff * overhead;
            double eConv = ctx.get(conventionalBase, r) * cConv / eff * overhead;

            ctx.set(efficiency, r, eff);
            ctx.set(aiCompute, r, cAi);
            ctx.set(conventionalCompute, r, cConv);
            ctx.set(aiElectricity, r, eAi);
            ctx.set(conventionalElectricity, r, eConv);
            ctx.set(totalElectricity, r, eAi + eConv);
        }
    }

    /** g(m) = long + (initial - long) * 0.5^(m / half-life), with {@code decay} = 0.5^(m / half-life). */
    private static double growth(double initial, double longRun, double decay) {
        return longRun + (initial - longRun) * decay;
    }
}
