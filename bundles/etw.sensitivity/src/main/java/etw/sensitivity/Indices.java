package etw.sensitivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Sobol indices of one output: per factor, the first-order index S1 (the share of the output's variance that
 * the factor explains alone) and the total index ST (the share it takes part in, interactions included), each
 * with a bootstrap confidence interval.
 *
 * @param output     the output's name
 * @param factors    the factors' names, in the analysis' order
 * @param s1         first-order indices (Saltelli et al. 2010 estimator)
 * @param s1Low      lower bounds of their confidence intervals
 * @param s1High     upper bounds
 * @param st         total indices (Jansen 1999 estimator)
 * @param stLow      lower bounds of their confidence intervals
 * @param stHigh     upper bounds
 * @param mean       the output's mean over the base samples (matrices A and B)
 * @param variance   the output's variance over the same samples; 0 if it does not vary (then every index is 0)
 * @param samples    N, the number of base samples
 * @param confidence the level of the intervals, e.g. 0.95
 * @param resamples  the number of bootstrap resamples behind the intervals (0: no intervals; bounds equal the index)
 */
public record Indices(String output, List<String> factors, double[] s1, double[] s1Low, double[] s1High, double[] st,
                      double[] stLow, double[] stHigh, double mean, double variance, int samples, double confidence,
                      int resamples) {

    /** Whether the output varies at all over the samples; if not, every index is 0. */
    public boolean varies() {
        return variance > 0;
    }

    /** Factor positions by total index, largest first (ties: by first-order index, then name). */
    public List<Integer> ranking() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < factors.size(); i++) order.add(i);
        order.sort(Comparator.<Integer>comparingDouble(i -> -st[i]).thenComparingDouble(i -> -s1[i])
                .thenComparing(factors::get));
        return order;
    }

    /** The index of a factor by name, or -1. */
    public int indexOf(String factor) {
        return factors.indexOf(factor);
    }
}
