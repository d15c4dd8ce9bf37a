package etw.models.electrification;

import etw.api.Input;
import etw.api.ModelDescriptor;
import etw.api.Output;
import etw.api.Parameter;
import etw.api.StepContext;

/**
 * A stock-driven vintage stock of heating equipment: heat pumps in buildings (units, million) or electrified
 * industrial process heat (capacity, GW). The share of a heat demand it meets sets the stock, and the sales (or
 * capacity additions) are what it takes to reach it after this year's retirements. The equations are in
 * {@link ElectrificationModel}'s class Javadoc.
 */
final class DrivenStock {

    /**
     * The variable names and units of one stock: {@code stock} (e.g. {@code Stock|Residential and Commercial|Heat
     * Pumps}), {@code sales}, {@code initialFleet} (the survivors of what was there before the first year) and
     * {@code electricity}; {@code unit} of the stock (its sales are {@code unit + "/yr"}); {@code what} names the
     * equipment in descriptions.
     */
    record Names(String stock, String sales, String initialFleet, String electricity, String unit, String what) {
    }

    /** Oldest age kept, in years. */
    static final int MAX_AGE = RoadMode.MAX_AGE;

    private final Parameter share;
    private final Parameter heatDemand;
    private final Parameter cop;
    private final Parameter heatPerUnit;
    private final Parameter lifetime;
    private final Parameter lifetimeShape;
    private final Parameter historyGrowth;

    private final Input initialFleetLastYear;
    /** {@code salesAgo[k - 1]}: what was installed k years ago (k = 1 .. MAX_AGE - 1). */
    private final Input[] salesAgo;

    private final Output stock;
    private final Output sales;
    private final Output initialFleet;
    private final Output electricity;

    private volatile WeibullSurvival survival;

    DrivenStock(ModelDescriptor.Builder b, Names names, Parameter share, Parameter heatDemand, Parameter cop,
                Parameter heatPerUnit, Parameter lifetime, Parameter lifetimeShape, Parameter historyGrowth) {
        this.share = share;
        this.heatDemand = heatDemand;
        this.cop = cop;
        this.heatPerUnit = heatPerUnit;
        this.lifetime = lifetime;
        this.lifetimeShape = lifetimeShape;
        this.historyGrowth = historyGrowth;
        String what = names.what();
        String capitalised = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        String perYear = names.unit() + "/yr";
        initialFleetLastYear = b.laggedInput(names.initialFleet(), names.unit(), 1, 0.0,
                "Last year's survivors of the " + what + " installed before the first year (own output)");
        salesAgo = new Input[MAX_AGE - 1];
        for (int k = 1; k < MAX_AGE; k++)
            salesAgo[k - 1] = b.laggedInput(names.sales(), perYear, k, 0.0,
                    capitalised + " installed " + k + " year" + (k == 1 ? "" : "s") + " ago (own output), a vintage");
        stock = b.output(names.stock(), names.unit(), capitalised + " in use at the end of the year");
        sales = b.output(names.sales(), perYear, capitalised + " installed in the year");
        initialFleet = b.output(names.initialFleet(), names.unit(), capitalised + " in use that were installed before the first year");
        electricity = b.output(names.electricity(), "TWh/yr", "Electricity use of " + what);
    }

    /** Steps region {@code r}: writes the stock, sales and electricity and returns the electricity [TWh/yr]. */
    double step(StepContext ctx, int r) {
        int n = ctx.year() - ctx.firstYear();
        double perUnit = ctx.get(heatPerUnit, r);
        double target = ctx.get(share, r) * ctx.get(heatDemand, r) / perUnit;
        WeibullSurvival curve = WeibullSurvival.of(survival, ctx.get(lifetime, r), ctx.get(lifetimeShape, r),
                MAX_AGE);
        survival = curve;
        double g = ctx.get(historyGrowth, r);

        double fleet;
        double survivors;
        double bought;
        if (n == 0) {
            // the first year's sales continue the history: target = s0 * (S(0.5) + D(0))
            bought = target / (curve.at(0) + curve.history(g, 0));
            fleet = bought * curve.history(g, 0);
            survivors = fleet;
        } else {
            double before = curve.history(g, n - 1);
            fleet = before > 0 ? ctx.get(initialFleetLastYear, r) * curve.history(g, n) / before : 0;
            survivors = fleet;
            int oldest = Math.min(n, MAX_AGE - 1);
            for (int k = 1; k <= oldest; k++) survivors += ctx.get(salesAgo[k - 1], r) * curve.at(k);
            bought = Math.max(0, target - survivors) / curve.at(0);
        }
        double units = survivors + bought * curve.at(0);
        double twh = units * perUnit / ctx.get(cop, r);
        ctx.set(stock, r, units);
        ctx.set(sales, r, bought);
        ctx.set(initialFleet, r, fleet);
        ctx.set(electricity, r, twh);
        return twh;
    }
}
