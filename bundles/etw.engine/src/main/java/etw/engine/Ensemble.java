package etw.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

import etw.api.Parameter;
import etw.api.scenario.Distribution;
import etw.api.scenario.EnsembleResult;
import etw.api.scenario.Result;
import etw.api.scenario.Scenario;
import etw.engine.internal.YearLoop;

/**
 * Runs a scenario many times with parameters drawn from the distributions its {@code uncertainty} section
 * declares, and reports percentiles per variable, region and year.
 *
 * <p>Memory does not grow with the number of samples: each cell (variable, region, year) keeps a fixed histogram
 * whose range is set from a pilot of the first {@value #PILOT} samples, plus its exact minimum and maximum.
 * Percentiles are interpolated within a bin, so they are exact to about 1/{@value #BINS} of the cell's range.
 * Samples are drawn from a random stream derived from the seed and the sample's index, and histograms are merged
 * by adding counts, so the result is the same for any number of threads.
 *
 * <pre>{@code
 * EnsembleResult e = Ensemble.of(Wiring.wire(scenario, models)).samples(10_000).seed(1).run();
 * }</pre>
 */
public final class Ensemble {
    /** The percentiles reported. */
    public static final double[] PERCENTILES = {5, 50, 95};
    static final int PILOT = 200;
    static final int BINS = 512;

    private final Wiring wiring;
    private final List<Uncertain> uncertain;
    private int samples = 1000;
    private long seed;
    private int threads = Runtime.getRuntime().availableProcessors();
    private IntConsumer progress = done -> { };
    private Duration stepLimit = Duration.ofSeconds(10);

    /** A parameter drawn per sample: model position in the wiring order, parameter index, distribution. */
    private record Uncertain(int model, int parameter, Distribution distribution) {
    }

    private Ensemble(Wiring wiring, List<Uncertain> uncertain) {
        this.wiring = wiring;
        this.uncertain = uncertain;
        this.seed = wiring.scenario().seed();
    }

    /**
     * Prepares an ensemble of a wired scenario.
     *
     * @throws WiringException if the scenario declares no uncertainty, or a distribution names an unknown model or
     *                         parameter, or reaches outside the parameter's allowed range
     */
    public static Ensemble of(Wiring wiring) throws WiringException {
        Scenario s = wiring.scenario();
        if (s.uncertainty().isEmpty())
            throw new WiringException("scenario '" + s.name() + "' declares no uncertainty, so every sample would be the "
                    + "same. Add an 'uncertainty:' section giving parameters distributions (etw help shows an example).");
        List<Uncertain> list = new ArrayList<>();
        List<InstalledModel> order = wiring.order();
        for (Map.Entry<String, Map<String, Distribution>> e : new TreeMap<>(s.uncertainty()).entrySet()) {
            int m = 0;
            while (m < order.size() && !order.get(m).id().equals(e.getKey())) m++;
            for (Map.Entry<String, Distribution> pd : new TreeMap<>(e.getValue()).entrySet()) {
                Distribution d = pd.getValue();
                String where = d.origin().isEmpty() ? "" : d.origin() + ": ";
                if (m == order.size())
                    throw new WiringException(where + "the uncertainty section names model '" + e.getKey()
                            + "', which is not in the scenario. Models in the scenario: "
                            + String.join(", ", order.stream().map(InstalledModel::id).toList()) + ".");
                Parameter p = order.get(m).model().descriptor().parameter(pd.getKey());
                if (p == null)
                    throw new WiringException(where + "model " + e.getKey() + " has no parameter '" + pd.getKey() + "'.");
                if (!d.scale() && (!p.allows(d.min()) || !p.allows(d.max())))
                    throw new WiringException(where + "the distribution of " + e.getKey() + "/" + p.name() + " spans ["
                            + d.min() + ", " + d.max() + "], outside the parameter's allowed range [" + p.min() + ", "
                            + p.max() + "] " + p.unit() + ". Narrow its min and max.");
                if (d.scale()) {
                    for (double v : wiring.parameterValues(m, p.index()))
                        if (!p.allows(v * d.min()) || !p.allows(v * d.max()))
                            throw new WiringException(where + "scaling " + e.getKey() + "/" + p.name() + " by [" + d.min()
                                    + ", " + d.max() + "] takes its value " + v + " to [" + v * d.min() + ", " + v * d.max()
                                    + "], outside the parameter's allowed range [" + p.min() + ", " + p.max() + "] "
                                    + p.unit() + ". Narrow the factors.");
                }
                list.add(new Uncertain(m, p.index(), d));
            }
        }
        return new Ensemble(wiring, List.copyOf(list));
    }

    public Ensemble samples(int n) {
        if (n < 1) throw new IllegalArgumentException("an ensemble needs at least one sample, got " + n);
        this.samples = n;
        return this;
    }

    public Ensemble seed(long s) {
        this.seed = s;
        return this;
    }

    public Ensemble threads(int n) {
        this.threads = Math.max(1, n);
        return this;
    }

    /** A model step that runs longer than this fails the ensemble, naming the sample (default 10 s). */
    public Ensemble stepLimit(Duration limit) {
        this.stepLimit = limit;
        return this;
    }

    /** Called from worker threads with the number of samples done so far, about every 1% of the samples. */
    public Ensemble progress(IntConsumer listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Runs every sample and returns p5, p50 and p95.
     *
     * @throws RunException if a model fails in some sample; the message names the sample and the drawn values
     */
    public EnsembleResult run() throws RunException {
        int pilot = Math.min(PILOT, samples);
        int workers = Math.min(threads, Math.max(1, samples - pilot));
        StepWatchdog watchdog = new StepWatchdog(stepLimit);
        List<StepWatchdog.Watch> watches = new ArrayList<>();
        for (int w = 0; w < workers; w++) watches.add(watchdog.watch());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "etw-ensemble");
            t.setDaemon(true);
            return t;
        });
        try {
            double[][][] pilotValues = new double[pilot][][];
            await(pool.submit(() -> {
                for (int i = 0; i < pilot; i++) pilotValues[i] = sample(i, watches.get(0));
                return null;
            }), watchdog);
            Histograms range = new Histograms(pilotValues[0]);
            for (double[][] v : pilotValues) range.widen(v);
            range.fixRange();

            AtomicInteger done = new AtomicInteger(pilot);
            int step = Math.max(1, samples / 100);
            List<Future<Histograms>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int first = pilot + w;
                StepWatchdog.Watch watch = watches.get(w);
                futures.add(pool.submit(() -> {
                    Histograms h = range.emptyCopy();
                    for (int i = first; i < samples; i += workers) {
                        h.add(sample(i, watch));
                        int d = done.incrementAndGet();
                        if (d % step == 0) progress.accept(d);
                    }
                    return h;
                }));
            }
            Histograms total = range.emptyCopy();
            for (double[][] v : pilotValues) total.add(v);
            for (Future<Histograms> f : futures) total.merge(await(f, watchdog));
            progress.accept(samples);
            return new EnsembleResult(wiring.scenario(), samples, PERCENTILES, wiring.resultVariables(),
                    total.percentiles(PERCENTILES, samples));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("", wiring.scenario().firstYear(), "the ensemble was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- blocks of samples, for runs spread over several processes (etw.cluster) ----

    /** The number of samples this ensemble runs. */
    public int sampleCount() {
        return samples;
    }

    /** The number of pilot samples (indices 0 .. pilotCount() - 1), which fix every cell's histogram range. */
    public int pilotCount() {
        return Math.min(PILOT, samples);
    }

    /**
     * Runs the pilot in the calling thread and returns its partial: the histogram ranges every block must share, and
     * the pilot's own counts. The pilot of {@link #run()} computes the same ranges.
     */
    public EnsemblePartial pilot() throws RunException {
        StepWatchdog watchdog = new StepWatchdog(stepLimit);
        StepWatchdog.Watch watch = watchdog.watch();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "etw-ensemble-pilot");
            t.setDaemon(true);
            return t;
        });
        try {
            int pilot = pilotCount();
            double[][][] pilotValues = new double[pilot][][];
            await(pool.submit(() -> {
                for (int i = 0; i < pilot; i++) pilotValues[i] = sample(i, watch);
                return null;
            }), watchdog);
            Histograms range = new Histograms(pilotValues[0]);
            for (double[][] v : pilotValues) range.widen(v);
            range.fixRange();
            Histograms total = range.emptyCopy();
            for (double[][] v : pilotValues) total.add(v);
            return new EnsemblePartial(total, pilot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("", wiring.scenario().firstYear(), "the ensemble was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs samples {@code from} (inclusive) to {@code to} (exclusive) in the calling thread into an empty partial with
     * the ranges of {@code range} (a {@link #pilot()} result, possibly decoded in another process). Merging the pilot
     * with blocks that cover every other index once gives counts, minima and maxima equal to those of {@link #run()}.
     *
     * @param cancelled asked before each sample; when it answers true the block stops with a {@link RunException}
     */
    public EnsemblePartial block(EnsemblePartial range, int from, int to, BooleanSupplier cancelled) throws RunException {
        if (from < pilotCount() || to > samples || from > to)
            throw new IllegalArgumentException("block [" + from + ", " + to + ") is outside samples [" + pilotCount()
                    + ", " + samples + ") of this ensemble");
        StepWatchdog watchdog = new StepWatchdog(stepLimit);
        StepWatchdog.Watch watch = watchdog.watch();
        Histograms h = range.histograms().emptyCopy();
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "etw-ensemble-block");
            t.setDaemon(true);
            return t;
        });
        try {
            await(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    if (cancelled.getAsBoolean())
                        throw new RunException("", wiring.scenario().firstYear(), "block [" + from + ", " + to
                                + ") was cancelled at sample " + i, null);
                    h.add(sample(i, watch));
                }
                return null;
            }), watchdog);
            return new EnsemblePartial(h, to - from);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("", wiring.scenario().firstYear(), "the ensemble block was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The percentiles of a partial that holds every sample of this ensemble (pilot and blocks merged). */
    public EnsembleResult result(EnsemblePartial total) {
        if (total.samples() != samples)
            throw new IllegalStateException("the partial holds " + total.samples() + " of " + samples + " samples");
        return new EnsembleResult(wiring.scenario(), samples, PERCENTILES, wiring.resultVariables(),
                total.histograms().percentiles(PERCENTILES, samples));
    }

    /** Waits for a worker's result, failing the ensemble as soon as any worker's step overruns the limit. */
    private <T> T await(Future<T> future, StepWatchdog watchdog) throws RunException, InterruptedException {
        try {
            return watchdog.await(future);
        } catch (StepWatchdog.Overran e) {
            throw inSample(e.overdue.sample(), e.overdue.failure());
        }
    }

    /** The parameter values drawn for sample {@code i}, as text, for messages. */
    public String describeSample(int i) {
        double[] drawn = draw(i);
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < uncertain.size(); k++) {
            Uncertain u = uncertain.get(k);
            s.append(s.length() == 0 ? "" : ", ").append(wiring.order().get(u.model).id()).append('/')
                    .append(wiring.order().get(u.model).model().descriptor().parameters().get(u.parameter).name())
                    .append(u.distribution.scale() ? " x " : "=").append(drawn[k]);
        }
        return s.toString();
    }

    private double[][] sample(int i, StepWatchdog.Watch watch) throws RunException {
        watch.sample = i;
        try {
            double[] drawn = draw(i);
            double[][] overrides = new double[wiring.order().size()][];
            double[][] scales = new double[wiring.order().size()][];
            for (int k = 0; k < uncertain.size(); k++) {
                Uncertain u = uncertain.get(k);
                double[][] target = u.distribution.scale() ? scales : overrides;
                if (target[u.model] == null) {
                    target[u.model] = new double[wiring.order().get(u.model).model().descriptor().parameters().size()];
                    Arrays.fill(target[u.model], Double.NaN);
                }
                target[u.model][u.parameter] = drawn[k];
            }
            return wiring.runWith(overrides, scales, watch, i);
        } catch (RunException e) {
            throw inSample(i, e);
        }
    }

    private RunException inSample(int i, RunException e) {
        return new RunException(e.modelId(), e.year(), "sample " + i + " of the ensemble failed (" + describeSample(i)
                + "): " + e.getMessage(), e);
    }

    /** The values drawn for sample {@code i}, one per uncertain parameter, from its own random stream. */
    private double[] draw(int i) {
        SplittableRandom random = new SplittableRandom(mix(seed, i));
        double[] drawn = new double[uncertain.size()];
        for (int k = 0; k < drawn.length; k++) drawn[k] = draw(uncertain.get(k).distribution, random);
        return drawn;
    }

    static double draw(Distribution d, SplittableRandom random) {
        switch (d.kind()) {
            case UNIFORM:
                return d.min() + random.nextDouble() * (d.max() - d.min());
            case TRIANGULAR: {
                double u = random.nextDouble();
                double span = d.max() - d.min();
                if (span == 0) return d.min();
                double f = (d.a() - d.min()) / span;
                return u < f ? d.min() + Math.sqrt(u * span * (d.a() - d.min()))
                        : d.max() - Math.sqrt((1 - u) * span * (d.max() - d.a()));
            }
            default: {
                for (int attempt = 0; attempt < 10_000; attempt++) {
                    double z = random.nextGaussian();
                    double v = d.kind() == Distribution.Kind.NORMAL ? d.a() + d.b() * z : d.a() * Math.exp(d.b() * z);
                    if (v >= d.min() && v <= d.max()) return v;
                }
                // the bounds hold almost none of the distribution: fall back to the nearer bound of the centre
                return Math.min(d.max(), Math.max(d.min(), d.a()));
            }
        }
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Per cell (variable, region, year): a fixed-range histogram with under- and overflow, and exact extremes. */
    static final class Histograms {
        private final int variables;
        private final int cells;
        private final double[] lo;
        private final double[] width;
        private final double[] min;
        private final double[] max;
        private final int[] counts; // [(v * cells + c) * (BINS + 2) + bin], bin 0 underflow, BINS + 1 overflow

        Histograms(double[][] first) {
            this(first.length, first[0].length, new double[first.length * first[0].length],
                    new double[first.length * first[0].length], false);
            for (int v = 0; v < variables; v++)
                for (int c = 0; c < cells; c++) {
                    min[v * cells + c] = first[v][c];
                    max[v * cells + c] = first[v][c];
                }
        }

        private Histograms(int variables, int cells, double[] lo, double[] width, boolean withCounts) {
            this.variables = variables;
            this.cells = cells;
            this.lo = lo;
            this.width = width;
            this.min = new double[variables * cells];
            this.max = new double[variables * cells];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            this.counts = withCounts ? new int[variables * cells * (BINS + 2)] : null;
        }

        /** Writes the shape and the bins' ranges (no counts). */
        void writeRange(java.io.DataOutput o) throws java.io.IOException {
            o.writeInt(BINS);
            o.writeInt(variables);
            o.writeInt(cells);
            for (int k = 0; k < lo.length; k++) {
                o.writeDouble(lo[k]);
                o.writeDouble(width[k]);
            }
        }

        /** An empty histogram set (with counts) of the shape and ranges {@link #writeRange} wrote. */
        static Histograms readRange(java.io.DataInput in) throws java.io.IOException {
            int bins = in.readInt(), variables = in.readInt(), cells = in.readInt();
            if (bins != BINS || variables < 1 || cells < 1 || (long) variables * cells > 50_000_000L)
                throw new java.io.IOException("not an ensemble range of this engine: " + bins + " bins, " + variables
                        + " variables x " + cells + " cells");
            double[] lo = new double[variables * cells], width = new double[variables * cells];
            for (int k = 0; k < lo.length; k++) {
                lo[k] = in.readDouble();
                width[k] = in.readDouble();
            }
            return new Histograms(variables, cells, lo, width, true);
        }

        boolean sameRange(Histograms other) {
            return variables == other.variables && cells == other.cells && Arrays.equals(lo, other.lo)
                    && Arrays.equals(width, other.width);
        }

        /** Writes extremes and the non-empty bins of every cell (sparse: a partial of n samples has at most n per cell). */
        void writeCounts(EnsemblePartial.Bytes o) {
            o.putInt(variables);
            o.putInt(cells);
            for (int k = 0; k < min.length; k++) {
                o.putDouble(min[k]);
                o.putDouble(max[k]);
                int base = k * (BINS + 2), nonZero = 0;
                for (int b = 0; b < BINS + 2; b++) if (counts[base + b] != 0) nonZero++;
                o.putVar(nonZero);
                int last = -1;
                for (int b = 0; b < BINS + 2; b++)
                    if (counts[base + b] != 0) {
                        o.putVar(b - last);
                        o.putVar(counts[base + b]);
                        last = b;
                    }
            }
        }

        /** Adds what {@link #writeCounts} wrote (of a partial with this shape and these ranges) to this one. */
        void addCounts(EnsemblePartial.Bytes in) throws java.io.IOException {
            if (in.getInt() != variables || in.getInt() != cells)
                throw new java.io.IOException("the partial's shape differs from this ensemble's");
            for (int k = 0; k < min.length; k++) {
                min[k] = Math.min(min[k], in.getDouble());
                max[k] = Math.max(max[k], in.getDouble());
                int base = k * (BINS + 2), nonZero = in.getVar(), b = -1;
                for (int i = 0; i < nonZero; i++) {
                    b += in.getVar();
                    if (b < 0 || b > BINS + 1) throw new java.io.IOException("bin " + b + " out of range");
                    counts[base + b] += in.getVar();
                }
            }
        }

        void widen(double[][] values) {
            for (int v = 0; v < variables; v++)
                for (int c = 0; c < cells; c++) {
                    int k = v * cells + c;
                    min[k] = Math.min(min[k], values[v][c]);
                    max[k] = Math.max(max[k], values[v][c]);
                }
        }

        /** Sets each cell's bins to the pilot's range widened by 10% on each side. */
        void fixRange() {
            for (int k = 0; k < lo.length; k++) {
                double span = max[k] - min[k];
                double pad = span > 0 ? 0.1 * span : Math.max(Math.abs(min[k]) * 1e-9, 1e-12);
                lo[k] = min[k] - pad;
                width[k] = (span + 2 * pad) / BINS;
            }
        }

        Histograms emptyCopy() {
            return new Histograms(variables, cells, lo, width, true);
        }

        void add(double[][] values) {
            for (int v = 0; v < variables; v++) {
                double[] row = values[v];
                for (int c = 0; c < cells; c++) {
                    int k = v * cells + c;
                    double x = row[c];
                    if (x < min[k]) min[k] = x;
                    if (x > max[k]) max[k] = x;
                    int bin = (int) Math.floor((x - lo[k]) / width[k]) + 1;
                    if (bin < 0) bin = 0;
                    else if (bin > BINS + 1) bin = BINS + 1;
                    counts[k * (BINS + 2) + bin]++;
                }
            }
        }

        void merge(Histograms other) {
            for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
            for (int k = 0; k < min.length; k++) {
                min[k] = Math.min(min[k], other.min[k]);
                max[k] = Math.max(max[k], other.max[k]);
            }
        }

        double[][][] percentiles(double[] ps, int n) {
            double[][][] out = new double[variables][ps.length][cells];
            for (int v = 0; v < variables; v++)
                for (int c = 0; c < cells; c++) {
                    int k = v * cells + c;
                    for (int p = 0; p < ps.length; p++) out[v][p][c] = percentile(k, ps[p] / 100 * n);
                }
            return out;
        }

        /** The value below which {@code rank} of the samples fall, interpolated within its bin. */
        private double percentile(int k, double rank) {
            if (min[k] == max[k]) return min[k];
            int base = k * (BINS + 2);
            double cumulative = 0;
            for (int bin = 0; bin < BINS + 2; bin++) {
                int count = counts[base + bin];
                if (count > 0 && cumulative + count >= rank) {
                    double from = bin == 0 ? min[k] : lo[k] + (bin - 1) * width[k];
                    double to = bin == BINS + 1 ? max[k] : lo[k] + bin * width[k];
                    double v = from + (to - from) * ((rank - cumulative) / count);
                    return Math.min(max[k], Math.max(min[k], v));
                }
                cumulative += count;
            }
            return max[k];
        }
    }
}
