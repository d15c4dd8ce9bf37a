package etw.cluster.internal;

import java.io.IOException;
import java.util.function.BooleanSupplier;

import etw.api.scenario.EnsembleResult;
import etw.engine.Ensemble;
import etw.engine.EnsemblePartial;
import etw.engine.RunException;

/**
 * A clustered ensemble: the coordinator runs the pilot (which fixes the histograms' ranges), members run blocks of
 * sample indices and answer with histogram counts, which are added up. The result equals {@code Ensemble.run()}.
 */
final class EnsembleJob implements Job {
    static final String KIND = "ensemble";
    private final Ensemble ensemble;
    private final long seed;
    private final int samples;
    private EnsemblePartial total;
    private byte[] range;

    EnsembleJob(Ensemble ensemble, long seed, int samples) {
        this.ensemble = ensemble;
        this.seed = seed;
        this.samples = samples;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int samples() {
        return samples;
    }

    @Override
    public void start() throws RunException {
        total = ensemble.pilot();
        range = total.encodeRange();
    }

    @Override
    public byte[] data() {
        return range;
    }

    @Override
    public int first() {
        return ensemble.pilotCount();
    }

    @Override
    public int blockSize(int members) {
        return Math.max(1, Math.min(250, (samples - first()) / (8 * members)));
    }

    @Override
    public void merge(int from, int to, byte[] answer) throws IOException {
        total.mergeCounts(answer);
    }

    @Override
    public String unit() {
        return "samples";
    }

    EnsembleResult result() {
        return ensemble.result(total);
    }

    /** A member's side: blocks of sample indices answered with the histogram counts of the block. */
    static Worker.Prepared member(Ensemble ensemble, byte[] data, String description) throws java.io.IOException {
        EnsemblePartial partial = EnsemblePartial.decodeRange(data);
        return new Worker.Prepared() {
            private volatile String last = "";

            @Override
            public byte[] block(int from, int to, BooleanSupplier cancelled) throws RunException {
                long t0 = System.nanoTime();
                EnsemblePartial done = ensemble.block(partial, from, to, cancelled);
                long t1 = System.nanoTime();
                byte[] counts = done.encodeCounts();
                last = String.format(java.util.Locale.ROOT, "ran in %.0f ms, encoded %,d bytes in %.0f ms", (t1 - t0) / 1e6,
                        counts.length, (System.nanoTime() - t1) / 1e6);
                return counts;
            }

            @Override
            public String lastBlock() {
                return last;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }
}
