package etw.cluster;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import etw.api.scenario.Scenario;
import etw.engine.RunException;
import etw.engine.WiringException;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity;

/**
 * Runs a Sobol sensitivity analysis on the members of a cluster ({@code etw node}): the members evaluate blocks of
 * base rows of the Saltelli design ({@code SobolAnalysis.rows(from, to)}, each row k + 2 runs), this process puts
 * the rows back in order and estimates the indices. The result equals a local
 * {@code ScenarioSensitivity.of(...).samples(N).seed(S).bootstrap(B).run()} bit for bit.
 */
@ProviderType
public interface ClusterSensitivity {
    /**
     * @param scenario   the scenario as analysed (cut to the analysed year if the caller wants that:
     *                   {@link ScenarioSensitivity#upTo})
     * @param outputs    the outputs analysed
     * @param samples    N, the base samples (rows)
     * @param seed       the seed of the Sobol points' shift and of the bootstrap
     * @param bootstrap  bootstrap resamples for the intervals
     * @param addresses  members to join, {@code HOST:PORT} each
     * @param secretFile the cluster secret that signs every job and bundle
     * @param progress   base rows done and members working
     * @return the indices of every output, in the order of {@code outputs}
     * @throws ClusterException if no member can be reached or none can run the analysis (the message says why), or
     *                          an output does not exist in the scenario
     * @throws RunException     if a model fails in some run (as a local analysis would)
     */
    List<Indices> run(Scenario scenario, List<ScenarioSensitivity.Output> outputs, int samples, long seed, int bootstrap,
            List<String> addresses, Path secretFile, ClusterEnsemble.Progress progress)
            throws ClusterException, RunException, WiringException;
}
