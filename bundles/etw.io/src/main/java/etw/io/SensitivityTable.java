package etw.io;

import java.util.List;
import java.util.Objects;

/**
 * The Sobol sensitivity indices of one output of a scenario, as a report shows them: one row per uncertain
 * parameter, ranked by total index (largest first). Computed by {@code etw sensitivity} (bundle etw.sensitivity).
 *
 * @param scenario   the scenario's name
 * @param variable   the output variable
 * @param region     its region
 * @param year       its year
 * @param unit       the variable's unit
 * @param samples    N, the base samples of Saltelli's design
 * @param runs       the model runs behind the indices, N (k + 2)
 * @param seed       the seed of the quasi-random points and of the bootstrap
 * @param resamples  bootstrap resamples behind the intervals (0: none)
 * @param confidence the level of the intervals, e.g. 0.95
 * @param mean       the output's mean over the base samples
 * @param sd         its standard deviation
 * @param rows       the parameters, ranked
 * @since 1.2
 */
public record SensitivityTable(String scenario, String variable, String region, int year, String unit, int samples,
                               long runs, long seed, int resamples, double confidence, double mean, double sd,
                               List<Row> rows) {
    public SensitivityTable {
        Objects.requireNonNull(scenario);
        Objects.requireNonNull(variable);
        Objects.requireNonNull(region);
        unit = unit == null ? "" : unit;
        rows = List.copyOf(rows);
    }

    /**
     * One parameter's indices: first order S1 and total ST, each with the bounds of its confidence interval.
     *
     * @param parameter    {@code model/parameter}
     * @param distribution its distribution, as text
     */
    public record Row(String parameter, String distribution, double s1, double s1Low, double s1High, double st,
                      double stLow, double stHigh) {
    }
}
