package etw.models.decarbonisation;

import org.osgi.service.component.annotations.Component;

import etw.api.Input;
import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * Decarbonisation pathway of the power sector: the supply mix that meets electricity demand, its CO2 emissions,
 * carbon intensity and cumulative emissions, per region and year.
 *
 * <p>Equations (all generation in TWh/yr):
 * <pre>
 * required generation  R = demand * (1 + loss_factor)
 * must-run supply      S = solar + wind + hydro_generation + nuclear_generation + other_generation
 * fossil               F = max(0, R - S)
 * curtailment          U = max(0, S - R)
 * coal                 coal = F * coal_share_of_fossil
 * gas                  gas  = F - coal
 * emissions [Mt CO2]   E = (coal * ef_coal + gas * ef_gas + other_generation * ef_other) / 1000
 * carbon intensity     I = E * 1000 / R   [g CO2/kWh]  (0 when R = 0)
 * cumulative [Gt CO2]  C(t) = C(t-1) + E / 1000, with C(t-1) = 0 in the first year
 * </pre>
 * {@code demand} is {@code Final Energy|Electricity}: in the engine, the aggregate of every demand variable below
 * it that the installed bundles write. Solar and wind generation come from the renewables model (or the scenario);
 * hydro, nuclear and other (bioenergy, oil and other) are parameters read every year, so a scenario can give them
 * as trajectories. Fossil generation fills whatever the must-run supply leaves, split between coal and gas by a
 * fixed share; supply beyond the requirement is reported as curtailment. {@code Secondary Energy|Electricity} is
 * {@code R}; its children (solar, wind, hydro, nuclear, other, coal, gas) add up to {@code R + U}.
 *
 * <p>"Other" includes oil, so it emits ({@code ef_other}) even though it counts towards the must-run supply.
 * Units: TWh times g/kWh is 10^9 g = 10^-3 Mt, hence the division by 1000. The model is stateless: the cumulative
 * total is an output read back with a lag of one year.
 */
@Component(service = Model.class)
public final class DecarbonisationModel implements Model {

    private static final double MAX_GENERATION = 1e5;

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
    private final Output curtailment;
    private final Output emissions;
    private final Output intensity;
    private final Output cumulative;

    private final Parameter lossFactor;
    private final Parameter hydroGeneration;
    private final Parameter nuclearGeneration;
    private final Parameter otherGeneration;
    private final Parameter coalShare;
    private final Parameter efCoal;
    private final Parameter efGas;
    private final Parameter efOther;

    public DecarbonisationModel() {
        ModelDescriptor.Builder b = ModelDescriptor.builder("etw.models.decarbonisation",
                "Decarbonisation: electricity supply mix and emissions");
        b.description("Required generation R = demand * (1 + loss_factor). Must-run supply S = solar + wind + hydro "
                + "+ nuclear + other; fossil = max(0, R - S), curtailment = max(0, S - R); coal = fossil * "
                + "coal_share_of_fossil, gas = fossil - coal. Emissions [Mt CO2] = (coal * ef_coal + gas * ef_gas + "
                + "other * ef_other) / 1000; carbon intensity [g CO2/kWh] = emissions * 1000 / R (0 if R = 0); "
                + "cumulative emissions [Gt CO2] = previous year's total (0 before the first year) + emissions / 1000.");

        demand = b.input("Final Energy|Electricity", "TWh/yr",
                "Total final electricity demand (normally the aggregate of all demand variables below it)");
        solar = b.input("Secondary Energy|Electricity|Solar", "TWh/yr", "Solar generation");
        wind = b.input("Secondary Energy|Electricity|Wind", "TWh/yr", "Wind generation");
        previousCumulative = b.laggedInput("Cumulative Emissions|CO2|Energy|Supply|Electricity", "Gt CO2", 1, 0.0,
                "Last year's cumulative power-sector CO2 emissions (own output); 0 before the first year");

        total = b.output("Secondary Energy|Electricity", "TWh/yr",
                "Total generation required: final demand plus losses and own use");
        hydro = b.output("Secondary Energy|Electricity|Hydro", "TWh/yr", "Hydropower generation");
        nuclear = b.output("Secondary Energy|Electricity|Nuclear", "TWh/yr", "Nuclear generation");
        other = b.output("Secondary Energy|Electricity|Other", "TWh/yr",
                "Generation from bioenergy, oil and other sources");
        coal = b.output("Secondary Energy|Electricity|Coal", "TWh/yr", "Coal generation (share of the fossil residual)");
        gas = b.output("Secondary Energy|Electricity|Gas", "TWh/yr", "Gas generation (rest of the fossil residual)");
        curtailment = b.output("Curtailment|Electricity", "TWh/yr",
                "Solar, wind, hydro, nuclear and other supply beyond the generation required");
        emissions = b.output("Emissions|CO2|Energy|Supply|Electricity", "Mt CO2/yr",
                "CO2 emissions from electricity generation (coal, gas and the oil part of other)");
        intensity = b.output("Carbon Intensity|Electricity", "g CO2/kWh",
                "CO2 emitted per kWh of electricity generated");
        cumulative = b.output("Cumulative Emissions|CO2|Energy|Supply|Electricity", "Gt CO2",
                "Power-sector CO2 emitted from the first year of the scenario up to and including this year");

        lossFactor = b.parameter("loss_factor", "1", 0.11, 0, 0.5,
                "Transmission and distribution losses and power-plant own use, as a fraction of final demand",
                "assumption: covers grid losses and own use; makes the 2024 final demand of about 27,775 TWh match "
                        + "the 30,830 TWh generated in Ember, Global Electricity Review 2025");
        hydroGeneration = b.parameter("hydro_generation", "TWh/yr", 4409, 0, MAX_GENERATION,
                "Hydropower generation (read every year; may be a trajectory)",
                "Ember, Global Electricity Review 2025: hydro 14.3% of 30,830 TWh generated in 2024");
        nuclearGeneration = b.parameter("nuclear_generation", "TWh/yr", 2775, 0, MAX_GENERATION,
                "Nuclear generation (read every year; may be a trajectory)",
                "Ember, Global Electricity Review 2025: nuclear 9.0% of 30,830 TWh generated in 2024");
        otherGeneration = b.parameter("other_generation", "TWh/yr", 1757, 0, MAX_GENERATION,
                "Generation from bioenergy, oil and other sources (read every year; may be a trajectory)",
                "assumption: the remainder after the 2024 shares of solar (6.9%), wind (8.1%), hydro (14.3%), "
                        + "nuclear (9.0%), coal (34%) and gas (22%) in Ember, Global Electricity Review 2025, "
                        + "about 5.7% of 30,830 TWh");
        coalShare = b.parameter("coal_share_of_fossil", "1", 0.607, 0, 1,
                "Share of coal in the fossil (coal plus gas) generation that fills the residual",
                "Ember, Global Electricity Review 2025: coal 34% and gas 22% of 2024 generation, 34 / 56");
        efCoal = b.parameter("ef_coal", "g CO2/kWh", 1060, 0, 2000,
                "CO2 emitted per kWh of coal generation",
                "assumption: typical coal combustion emits 0.9-1.1 t CO2/MWh; chosen so that 2024 emissions match "
                        + "the 14.6 Gt CO2 in Ember, Global Electricity Review 2025");
        efGas = b.parameter("ef_gas", "g CO2/kWh", 450, 0, 1500,
                "CO2 emitted per kWh of gas generation",
                "assumption: fleet average of gas combustion (combined-cycle and open-cycle plants)");
        efOther = b.parameter("ef_other", "g CO2/kWh", 250, 0, 1500,
                "CO2 emitted per kWh of other generation (bioenergy, oil and other)",
                "assumption: oil at about 700-800 g CO2/kWh is roughly a third of 'other'; biomass counted as zero");
        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        for (int r = 0; r < ctx.regionCount(); r++) {
            double required = ctx.get(demand, r) * (1.0 + ctx.get(lossFactor, r));
            double hydroTwh = ctx.get(hydroGeneration, r);
            double nuclearTwh = ctx.get(nuclearGeneration, r);
            double otherTwh = ctx.get(otherGeneration, r);
            double mustRun = ctx.get(solar, r) + ctx.get(wind, r) + hydroTwh + nuclearTwh + otherTwh;

            double fossil = Math.max(0.0, required - mustRun);
            double curtailed = Math.max(0.0, mustRun - required);
            double coalTwh = fossil * ctx.get(coalShare, r);
            double gasTwh = fossil - coalTwh;

            double emissionsMt = (coalTwh * ctx.get(efCoal, r) + gasTwh * ctx.get(efGas, r)
                    + otherTwh * ctx.get(efOther, r)) / 1000.0;
            double intensityG = required > 0.0 ? emissionsMt * 1000.0 / required : 0.0;
            double before = ctx.isFirstYear() ? 0.0 : ctx.get(previousCumulative, r);

            ctx.set(total, r, required);
            ctx.set(hydro, r, hydroTwh);
            ctx.set(nuclear, r, nuclearTwh);
            ctx.set(other, r, otherTwh);
            ctx.set(coal, r, coalTwh);
            ctx.set(gas, r, gasTwh);
            ctx.set(curtailment, r, curtailed);
            ctx.set(emissions, r, emissionsMt);
            ctx.set(intensity, r, intensityG);
            ctx.set(cumulative, r, before + emissionsMt / 1000.0);
        }
    }
}
