package etw.api.scenario;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A value over years: points (year, value), linearly interpolated between points and flat beyond the ends.
 * A constant is a trajectory of one point. Immutable.
 */
public final class Trajectory {
    private final int[] years;
    private final double[] values;

    private Trajectory(int[] years, double[] values) {
        this.years = years;
        this.values = values;
    }

    public static Trajectory constant(double value) {
        return new Trajectory(new int[] {0}, new double[] {value});
    }

    /** A trajectory through the given points; at least one, years need not be sorted but must be distinct. */
    public static Trajectory of(Map<Integer, Double> points) {
        if (points.isEmpty()) throw new IllegalArgumentException("a trajectory needs at least one (year, value) point");
        TreeMap<Integer, Double> sorted = new TreeMap<>(points);
        int[] ys = new int[sorted.size()];
        double[] vs = new double[sorted.size()];
        int i = 0;
        for (Map.Entry<Integer, Double> e : sorted.entrySet()) {
            ys[i] = e.getKey();
            vs[i++] = e.getValue();
        }
        return new Trajectory(ys, vs);
    }

    public boolean isConstant() {
        return years.length == 1;
    }

    /** The value in {@code year}: interpolated between points, flat before the first and after the last. */
    public double valueAt(int year) {
        if (year <= years[0]) return values[0];
        int last = years.length - 1;
        if (year >= years[last]) return values[last];
        int i = Arrays.binarySearch(years, year);
        if (i >= 0) return values[i];
        int hi = -i - 1;
        int lo = hi - 1;
        double t = (double) (year - years[lo]) / (years[hi] - years[lo]);
        return values[lo] + t * (values[hi] - values[lo]);
    }

    /** Smallest and largest point value: the trajectory never leaves this range. */
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** The points, year to value, in year order (one point with year 0 for a constant). */
    public Map<Integer, Double> points() {
        TreeMap<Integer, Double> m = new TreeMap<>();
        for (int i = 0; i < years.length; i++) m.put(years[i], values[i]);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Trajectory t && Arrays.equals(years, t.years) && Arrays.equals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(years) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return isConstant() ? Double.toString(values[0]) : points().toString();
    }
}
