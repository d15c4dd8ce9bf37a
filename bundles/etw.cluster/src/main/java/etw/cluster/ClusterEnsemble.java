package etw.cluster;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Scenario;
import etw.engine.RunException;
import etw.engine.WiringException;

/**
 * Runs an ensemble on the members of a cluster ({@code etw node}): this process runs the pilot, the members run
 * blocks of sample indices, and this process merges their histograms. The result equals a local
 * {@code Ensemble.run()} with the same scenario, seed and sample count, bit for bit.
 */
@ProviderType
public interface ClusterEnsemble {
    /** What the run reports while it goes: samples done so far and members working, and one-line notes. */
    interface Progress {
        void update(int samplesDone, int members);

        void note(String line);
    }

    /**
     * @param addresses  members to join, {@code HOST:PORT} each
     * @param secretFile the cluster secret that signs every job and bundle
     * @throws ClusterException if no member can be reached or none can run the scenario (the message says why)
     * @throws RunException     if a model fails in some sample (as a local run would)
     */
    EnsembleResult run(Scenario scenario, long seed, int samples, List<String> addresses, Path secretFile, Progress progress)
            throws ClusterException, RunException, WiringException;
}
