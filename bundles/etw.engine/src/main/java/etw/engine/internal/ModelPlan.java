package etw.engine.internal;

import etw.engine.InstalledModel;

/**
 * How one model is wired, as index tables into the run's variable store.
 *
 * @param model      the model
 * @param sources    per input, the store indexes it sums (one for a plain variable, several for an aggregate)
 * @param factors    per input, the unit conversion factor of each source
 * @param lags       per input, its lag in years
 * @param initials   per input, the value read before the first year
 * @param outputs    per output, its store index
 * @param parameters per parameter, values laid out as {@code [region * years + yearIndex]}
 */
public record ModelPlan(InstalledModel model, int[][] sources, double[][] factors, int[] lags, double[] initials,
                        int[] outputs, double[][] parameters) {
}
