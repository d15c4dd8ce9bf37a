package etw.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import etw.api.scenario.Result;

/**
 * World as the sum of its regions. When a scenario runs {@value #WORLD} together with other regions, those other
 * regions are taken to partition the World (the scenario's {@code regions:} list is its region set), and after
 * the run World's row of every result variable is replaced:
 *
 * <ul>
 * <li><b>Extensive</b> variables (energy, capacity, emissions, stocks, sales, money totals) become the sum of the
 * regions, added in the scenario's region order.</li>
 * <li><b>Intensive</b> variables (intensities, shares, prices, costs per unit, capacity factors, indices) are
 * recomputed from the sums as a mean of the regions weighted by their denominator, which is the ratio of the
 * summed numerator to the summed denominator: World carbon intensity = sum of emissions / sum of generation.</li>
 * </ul>
 *
 * A scenario that runs World alone (or regions without World) is left as computed. When World is the sum of the
 * others, the models do not step World at all ({@link #steppedRegions}): every value of its row would be replaced,
 * so computing it was wasted work (a sixth of a baseline run). World's parameters are still wired and checked, and
 * stay valid for World-only variants (a World value the user gives, outside a canned scenario, is reported as unused
 * in the wiring's warnings); a model that would fail only in World's own computation no longer fails the
 * run, since that computation is not made.
 *
 * <p><b>Which is which</b>, decided from the unit first, then the name:
 * <ol>
 * <li>Unit {@code 1}, {@code %}, empty, a temperature, a bare {@code year}, or a ratio whose denominator is not a
 * time ({@code g CO2/kWh}, {@code USD/kW}, {@code USD/MWh}, {@code USD/kW/yr}): intensive.</li>
 * <li>A name with a segment or word {@code Share}, {@code Intensity}, {@code Price}, {@code Capacity Factor},
 * {@code Efficiency}, {@code Index}, {@code Score} or {@code Fraction}: intensive, whatever the unit.</li>
 * <li>Everything else (a quantity, or a quantity per year: {@code TWh/yr}, {@code GW}, {@code GW/yr},
 * {@code Mt CO2/yr}, {@code Gt CO2}, {@code million}, {@code billion USD/yr}): extensive. Peak loads in GW are
 * extensive too: World's is the sum of the regional peaks (regions are not interconnected in the model).</li>
 * </ol>
 *
 * <p><b>Weights</b> of intensive variables, the first candidate that exists and is extensive, per year (a
 * candidate whose regional sum is zero that year passes to the next):
 * <table>
 * <caption>weights</caption>
 * <tr><th>name</th><th>weight</th></tr>
 * <tr><td>{@code X Share|P|Leaf}</td><td>{@code X|P} (sales share: sales of the mode)</td></tr>
 * <tr><td>{@code Carbon Intensity|P}, {@code Levelised Cost|P}, {@code Market Value|P}</td><td>{@code Secondary
 * Energy|P}, {@code Final Energy|P}</td></tr>
 * <tr><td>{@code Capacity Factor|P}</td><td>{@code Capacity|P}</td></tr>
 * <tr><td>{@code Capital Cost|P}, {@code ... Cost|P}</td><td>{@code Capacity Additions|P}, {@code Capacity|P}</td></tr>
 * <tr><td>{@code Price|P}</td><td>{@code P} itself if it is an energy ({@code Price|Secondary Energy|Electricity}),
 * else {@code Secondary Energy|P}, {@code Final Energy|P}</td></tr>
 * <tr><td>{@code X Index|P}</td><td>{@code Final Energy|P} in the first year (an index is 1 there)</td></tr>
 * <tr><td>{@code Compute Demand|P} (an index)</td><td>{@code Final Energy|Electricity|P} in the first year</td></tr>
 * <tr><td>{@code Compute Efficiency|P}</td><td>{@code Final Energy|Electricity|P}</td></tr>
 * <tr><td>{@code CFE Score|...}, anything else</td><td>{@code Final Energy|Electricity} (the region's size),
 * or, without it, the plain mean</td></tr>
 * </table>
 */
public final class RegionSum {
    public static final String WORLD = "World";

    private static final Set<String> TIME = Set.of("yr", "year", "years", "a", "y");
    private static final Set<String> TEMPERATURE = Set.of("°c", "c", "k", "deg c", "degc");
    private static final List<String> INTENSIVE_WORDS = List.of("share", "intensity", "price", "capacity factor",
            "efficiency", "index", "score", "fraction");

    private final int world;
    private final int[] parts;
    private final int years;
    private final int[] extensive;
    private final Weighted[] intensive;

    /** An intensive variable and its weight candidates (result indexes), each with whether it is a first-year weight. */
    private record Weighted(int variable, int[] weights, boolean[] firstYear) {
    }

    private RegionSum(int world, int[] parts, int years, int[] extensive, Weighted[] intensive) {
        this.world = world;
        this.parts = parts;
        this.years = years;
        this.extensive = extensive;
        this.intensive = intensive;
    }

    /** The aggregation for these regions and result variables, or null if World is not run with other regions. */
    public static RegionSum plan(List<String> regions, List<Result.VariableInfo> variables, int years) {
        int world = regions.indexOf(WORLD);
        if (world < 0 || regions.size() < 2) return null;
        int[] parts = new int[regions.size() - 1];
        int p = 0;
        for (int r = 0; r < regions.size(); r++) if (r != world) parts[p++] = r;
        Map<String, Integer> index = new HashMap<>();
        for (int v = 0; v < variables.size(); v++) index.put(variables.get(v).name(), v);
        List<Integer> ext = new ArrayList<>();
        List<Weighted> in = new ArrayList<>();
        for (int v = 0; v < variables.size(); v++) {
            Result.VariableInfo info = variables.get(v);
            if (isExtensive(info.name(), info.unit())) {
                ext.add(v);
                continue;
            }
            List<Integer> w = new ArrayList<>();
            List<Boolean> first = new ArrayList<>();
            for (Candidate c : weightCandidates(info.name())) {
                Integer k = index.get(c.name);
                if (k != null && isExtensive(c.name, variables.get(k).unit())) {
                    w.add(k);
                    first.add(c.firstYear);
                }
            }
            int[] wa = w.stream().mapToInt(Integer::intValue).toArray();
            boolean[] fa = new boolean[first.size()];
            for (int i = 0; i < fa.length; i++) fa[i] = first.get(i);
            in.add(new Weighted(v, wa, fa));
        }
        return new RegionSum(world, parts, years, ext.stream().mapToInt(Integer::intValue).toArray(),
                in.toArray(new Weighted[0]));
    }

    /**
     * The scenario indices of the regions the models step, in scenario order: all of them, or all but World when
     * World is the sum of the others (World with at least one other region).
     */
    public static int[] steppedRegions(List<String> regions) {
        int world = regions.indexOf(WORLD);
        if (world < 0 || regions.size() < 2) return java.util.stream.IntStream.range(0, regions.size()).toArray();
        return java.util.stream.IntStream.range(0, regions.size()).filter(r -> r != world).toArray();
    }

    /** Replaces World's row of every variable, {@code values[variable][region * years + yearIndex]}. */
    public void apply(double[][] values) {
        int w0 = world * years;
        for (int v : extensive) {
            double[] x = values[v];
            for (int y = 0; y < years; y++) {
                double sum = 0;
                for (int r : parts) sum += x[r * years + y];
                x[w0 + y] = sum;
            }
        }
        for (Weighted in : intensive) {
            double[] x = values[in.variable];
            for (int y = 0; y < years; y++) x[w0 + y] = weightedMean(values, in, x, y);
        }
    }

    private double weightedMean(double[][] values, Weighted in, double[] x, int y) {
        for (int c = 0; c < in.weights.length; c++) {
            double[] w = values[in.weights[c]];
            int wy = in.firstYear[c] ? 0 : y;
            double sumW = 0;
            double sumWx = 0;
            for (int r : parts) {
                double weight = w[r * years + wy];
                sumW += weight;
                sumWx += weight * x[r * years + y];
            }
            if (sumW != 0) return sumWx / sumW;
        }
        double sum = 0;
        for (int r : parts) sum += x[r * years + y];
        return sum / parts.length;
    }

    /** Whether a variable adds up over regions; see the class comment for the rules. */
    public static boolean isExtensive(String name, String unit) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String word : INTENSIVE_WORDS) if (lower.contains(word)) return false;
        return !intensiveUnit(unit);
    }

    static boolean intensiveUnit(String unit) {
        String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
        if (u.isEmpty() || u.equals("1") || u.equals("%") || u.equals("year") || TEMPERATURE.contains(u)) return true;
        String[] parts = u.split("/");
        for (int i = 1; i < parts.length; i++) if (!TIME.contains(parts[i].trim())) return true;
        return false;
    }

    private record Candidate(String name, boolean firstYear) {
    }

    private static List<Candidate> weightCandidates(String name) {
        List<Candidate> c = new ArrayList<>();
        int bar = name.indexOf('|');
        String head = bar < 0 ? name : name.substring(0, bar);
        String path = bar < 0 ? "" : name.substring(bar + 1);
        String pathBar = path.isEmpty() ? "" : "|" + path;
        if (head.endsWith(" Share") && path.contains("|")) {
            c.add(new Candidate(head.substring(0, head.length() - " Share".length()) + "|"
                    + path.substring(0, path.lastIndexOf('|')), false));
        } else if (head.equals("Carbon Intensity") || head.equals("Price") || head.equals("Levelised Cost")
                || head.equals("Market Value")) {
            if (path.startsWith("Secondary Energy") || path.startsWith("Final Energy")) c.add(new Candidate(path, false));
            c.add(new Candidate("Secondary Energy" + pathBar, false));
            c.add(new Candidate("Final Energy" + pathBar, false));
        } else if (head.equals("Capacity Factor")) {
            c.add(new Candidate("Capacity" + pathBar, false));
        } else if (head.endsWith("Cost")) {
            c.add(new Candidate("Capacity Additions" + pathBar, false));
            c.add(new Candidate("Capacity" + pathBar, false));
        } else if (head.endsWith(" Index")) {
            c.add(new Candidate("Final Energy" + pathBar, true));
        } else if (head.equals("Compute Demand")) {
            c.add(new Candidate("Final Energy|Electricity" + pathBar, true));
        } else if (head.equals("Compute Efficiency")) {
            c.add(new Candidate("Final Energy|Electricity" + pathBar, false));
        }
        c.add(new Candidate("Final Energy|Electricity", false));
        return c;
    }
}
