package org.example.etw.hydrogen;

import org.osgi.service.component.annotations.Component;

import etw.api.Model;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * Electricity demand of water electrolysers, and the hydrogen they make, per region and year.
 *
 * <pre>
 * E [TWh/yr]  = electrolyser_capacity [GW] * capacity_factor * 8.76      8760 h/yr, GWh to TWh
 * H2 [TWh/yr] = E * LHV / specific_electricity_use                         LHV = 120 MJ/kg = 33.33 kWh/kg
 * </pre>
 *
 * <p>{@code E} is written as {@code Final Energy|Electricity|Hydrogen}, a child of {@code Final Energy|Electricity}:
 * the engine adds it to total electricity demand, which the workbench's supply model meets (with fossil
 * generation where renewables, nuclear and hydro fall short), so installing this bundle changes demand and
 * emissions without changing any other bundle. Every parameter is read every year, so a scenario can give the
 * capacity as a trajectory, e.g. {@code electrolyser_capacity: {2024: 1.4, 2030: 60, 2050: 500}}.
 *
 * <p>The model keeps no state: everything it computes comes from this year's parameters.
 */
@Component(service = Model.class)
public final class ElectrolyserDemand implements Model {

    /** The model id: the bundle symbolic name. */
    public static final String ID = "org.example.etw.hydrogen";

    /** Lower heating value of hydrogen: 120 MJ/kg = 33.33 kWh/kg. */
    static final double LHV_KWH_PER_KG = 120 / 3.6;
    /** Hours in a year over 1000: GW running a whole year make 8.76 TWh. */
    static final double TWH_PER_GW_YEAR = 8.76;

    private final ModelDescriptor descriptor;

    private final Output electricity;
    private final Output hydrogen;

    private final Parameter capacity;
    private final Parameter capacityFactor;
    private final Parameter specificUse;

    public ElectrolyserDemand() {
        ModelDescriptor.Builder b = ModelDescriptor.builder(ID, "Electrolyser electricity demand");
        b.description("Electricity use E [TWh/yr] = electrolyser_capacity [GW] * capacity_factor * 8.76; "
                + "hydrogen produced [TWh/yr, LHV] = E * 33.33 kWh/kg / specific_electricity_use [kWh/kg].");

        electricity = b.output("Final Energy|Electricity|Hydrogen", "TWh/yr",
                "Electricity used by water electrolysers to make hydrogen");
        hydrogen = b.output("Secondary Energy|Hydrogen|Electricity", "TWh/yr",
                "Hydrogen made by electrolysis, lower heating value");

        capacity = b.parameter("electrolyser_capacity", "GW", 1.4, 0, 10_000,
                "Installed water-electrolyser capacity (give a trajectory for growth)",
                "IEA Global Hydrogen Review 2024: installed water electrolyser capacity reached 1.4 GW by the end "
                        + "of 2023 (and could reach 5 GW by the end of 2024)");
        capacityFactor = b.parameter("capacity_factor", "1", 0.5, 0, 1,
                "Average share of the year the electrolysers run at full load",
                "assumption: between plants fed by solar alone (about 0.2-0.3) and plants running on grid power "
                        + "most of the year");
        specificUse = b.parameter("specific_electricity_use", "kWh/kg", 53, 35, 100,
                "Electricity per kilogram of hydrogen, whole system",
                "assumption: about 63% efficiency on the lower heating value (33.33 / 0.63 = 53 kWh/kg), "
                        + "typical of today's alkaline and PEM systems");

        descriptor = b.build();
    }

    @Override
    public ModelDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void step(StepContext ctx) {
        for (int r = 0; r < ctx.regionCount(); r++) {
            double e = ctx.get(capacity, r) * ctx.get(capacityFactor, r) * TWH_PER_GW_YEAR;
            ctx.set(electricity, r, e);
            ctx.set(hydrogen, r, e * LHV_KWH_PER_KG / ctx.get(specificUse, r));
        }
    }
}
