package etw.models.electrification;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * One road mode's vintage stock of electric vehicles: its declarations (parameters, outputs, and its own sales
 * history read back as lagged inputs) and the step that turns them into sales, stock and electricity. The
 * equations are in {@link ElectrificationModel}'s class Javadoc.
 */
final class RoadMode {

    /** Oldest age kept, in years: cohorts sold more than this many years ago leave the stock. */
    static final int MAX_AGE = 50;

    /** The parameters of one mode, declared by the model next to their defaults and sources. */
    record Parameters(Parameter salesBase, Parameter salesGrowth, Parameter stockBase, Parameter shareCeiling,
                      Parameter shareSteepness, Parameter shareMidpoint, Parameter lifetime, Parameter lifetimeShape,
                      Parameter historyGrowth, Parameter kmPerVehicle, Parameter kwhPerKm, Parameter salesGiven) {
    }

    final String label;
    private final Parameters p;

    private final Input totalSalesLastYear;
    private final Input stockLastYear;
    private final Input initialFleetLastYear;
    /** {@code salesAgo[k - 1]}: this mode's EV sales k years ago (k = 1 .. MAX_AGE - 1). */
    private final Input[] salesAgo;

    final Output share;
    final Output totalSales;
    final Output evSales;
    final Output stock;
    final Output initialFleet;
    final Output electricity;

    private volatile WeibullSurvival survival;

    /**
     * Declares the mode's outputs and lagged inputs. {@code label} is the IAMC segment after
     * {@code Transportation|} (e.g. {@code LDV}); {@code what} names the vehicles in descriptions.
     */
    RoadMode(ModelDescriptor.Builder b, String label, String what, Parameters parameters) {
        this.label = label;
        this.p = parameters;
        String salesName = "Sales|Transportation|" + label + "|EV";
        String stockName = "Stock|Transportation|" + label + "|EV";
        String fleetName = stockName + "|Sold Before First Year";
        String totalName = "Sales|Transportation|" + label;

        totalSalesLastYear = b.laggedInput(totalName, "million/yr", 1, 0.0,
                "Last year's " + what + " sales, all powertrains (own output), compounded by this year's growth");
        stockLastYear = b.laggedInput(stockName, "million", 1, 0.0,
                "Last year's electric " + what + " stock (own output), for the mid-year stock that drives");
        initialFleetLastYear = b.laggedInput(fleetName, "million", 1, 0.0,
                "Last year's survivors of the electric " + what + " sold before the first year (own output)");
        salesAgo = new Input[MAX_AGE - 1];
        for (int k = 1; k < MAX_AGE; k++)
            salesAgo[k - 1] = b.laggedInput(salesName, "million/yr", k, 0.0,
                    "Electric " + what + " sold " + k + " year" + (k == 1 ? "" : "s") + " ago (own output), a vintage");

        share = b.output("Sales Share|Transportation|" + label + "|EV", "1",
                "Share of electric (battery and plug-in hybrid) vehicles in new " + what + " sales");
        totalSales = b.output(totalName, "million/yr", what + " sold, all powertrains");
        evSales = b.output(salesName, "million/yr", "Electric " + what + " sold (battery and plug-in hybrid)");
        stock = b.output(stockName, "million", "Electric " + what + " on the road at the end of the year");
        initialFleet = b.output(fleetName, "million",
                "Electric " + what + " on the road that were sold before the first year");
        electricity = b.output("Final Energy|Electricity|Transportation|" + label, "TWh/yr",
                "Electricity use of electric " + what + ", charging losses included");
    }

    /** Steps region {@code r}: writes the mode's outputs and returns its electricity [TWh/yr]. */
    double step(StepContext ctx, int r) {
        int year = ctx.year();
        int n = year - ctx.firstYear();

        double total = n == 0 ? ctx.get(p.salesBase(), r)
                : ctx.get(totalSalesLastYear, r) * (1 + ctx.get(p.salesGrowth(), r));
        double given = ctx.get(p.salesGiven(), r);
        double s;
        double sales;
        if (given < 0) {
            s = ctx.get(p.shareCeiling(), r)
                    / (1 + Math.exp(-ctx.get(p.shareSteepness(), r) * (year - ctx.get(p.shareMidpoint(), r))));
            sales = s * total;
        } else {
            if (given > total)
                throw new IllegalArgumentException(p.salesGiven().name() + " = " + given + " million in " + year
                        + " in region " + ctx.regionName(r) + " exceeds that year's " + label + " market of " + total
                        + " million (" + p.salesBase().name() + " grown by " + p.salesGrowth().name()
                        + "): raise the market or lower the given EV sales");
            sales = given;
            s = total > 0 ? given / total : 0;
        }

        WeibullSurvival curve = WeibullSurvival.of(survival, ctx.get(p.lifetime(), r), ctx.get(p.lifetimeShape(), r),
                MAX_AGE);
        survival = curve;
        double g = ctx.get(p.historyGrowth(), r);

        double fleet;
        double stockBefore;
        if (n == 0) {
            double base = ctx.get(p.stockBase(), r);
            double d0 = curve.history(g, 0);
            double scale = d0 > 0 ? Math.max(0, base - sales * curve.at(0)) / d0 : 0;
            fleet = scale * d0;
            stockBefore = scale * curve.history(g, -1);
        } else {
            double before = curve.history(g, n - 1);
            fleet = before > 0 ? ctx.get(initialFleetLastYear, r) * curve.history(g, n) / before : 0;
            stockBefore = ctx.get(stockLastYear, r);
        }
        double vehicles = sales * curve.at(0) + fleet;
        int oldest = Math.min(n, MAX_AGE - 1);
        for (int k = 1; k <= oldest; k++) vehicles += ctx.get(salesAgo[k - 1], r) * curve.at(k);

        double twh = (stockBefore + vehicles) / 2 * ctx.get(p.kmPerVehicle(), r) * ctx.get(p.kwhPerKm(), r) / 1000;
        ctx.set(share, r, s);
        ctx.set(totalSales, r, total);
        ctx.set(evSales, r, sales);
        ctx.set(stock, r, vehicles);
        ctx.set(initialFleet, r, fleet);
        ctx.set(electricity, r, twh);
        return twh;
    }
}
