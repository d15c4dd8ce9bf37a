package etw.sensitivity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.commons.math3.random.SobolSequenceGenerator;

import etw.engine.RunException;

/**
 * First-order and total Sobol indices of a function of k independent inputs, by Saltelli's sampling design.
 *
 * <p><b>Design.</b> Base row {@code r} (0 &#8804; r &lt; N) is point {@code r + 1} of the 2k-dimensional Sobol
 * sequence (Commons Math {@link SobolSequenceGenerator}, Joe and Kuo direction numbers; point 0, all zeros, is
 * skipped), randomised by a digital shift (an exclusive-or of each coordinate's 52 bits with random bits drawn
 * from the seed), which keeps the points' low discrepancy. Its first k coordinates are row r of matrix A, the
 * last k row r of matrix B; AB<sub>i</sub> is A with column i taken from B. Each coordinate is mapped onto its
 * factor by the factor's inverse CDF. A row is evaluated k + 2 times (A, B, AB<sub>1..k</sub>), so the analysis
 * costs N (k + 2) evaluations.
 *
 * <p><b>Estimators</b> (Saltelli et al. 2010, Computer Physics Communications 181:259-270, Table 2): with V the
 * variance of f over the 2N points of A and B,
 * <ul>
 * <li>first order (Saltelli 2010, item b): S1<sub>i</sub> = (1/N) &#931; f(B)(f(AB<sub>i</sub>) &#8722; f(A)) / V</li>
 * <li>total (Jansen 1999, item f): ST<sub>i</sub> = (1/2N) &#931; (f(A) &#8722; f(AB<sub>i</sub>))&#178; / V</li>
 * </ul>
 * Confidence intervals are bootstrap percentile intervals: the rows are resampled with replacement (from a
 * stream of the seed), the indices recomputed, and the 2.5th and 97.5th percentiles of the resamples reported.
 *
 * <p><b>Distribution.</b> The evaluation is a pure function of (factors, seed, row): {@link #rows(int, int)}
 * evaluates any block of rows, anywhere, and {@link #estimate(double[][][][])} merges blocks in row order. The
 * result depends on the seed and N only, not on the number of threads or how rows were split into blocks.
 *
 * <pre>{@code
 * List<Indices> ix = SobolAnalysis.of(factors, List.of("y"), (x, run) -> new double[] {f(x)})
 *         .samples(4096).seed(1).bootstrap(200).run();
 * }</pre>
 */
public final class SobolAnalysis {
    /** Level of the bootstrap confidence intervals. */
    public static final double CONFIDENCE = 0.95;

    /** The function analysed: the outputs at input {@code x}. {@code run} numbers the evaluation, for messages. */
    @FunctionalInterface
    public interface Model {
        double[] evaluate(double[] x, long run) throws RunException;
    }

    /** Waits for a worker's result; a guard may fail it early (a model step that hangs, say). */
    @FunctionalInterface
    public interface Waiter {
        <T> T await(Future<T> future) throws RunException, InterruptedException;
    }

    private final List<Factor> factors;
    private final List<String> outputs;
    private final Model model;
    private int samples = 1024;
    private long seed = 1;
    private int bootstrap = 200;
    private int threads = Runtime.getRuntime().availableProcessors();
    private LongConsumer progress = done -> { };
    private Waiter waiter = SobolAnalysis::plainAwait;

    private SobolAnalysis(List<Factor> factors, List<String> outputs, Model model) {
        this.factors = List.copyOf(factors);
        this.outputs = List.copyOf(outputs);
        this.model = Objects.requireNonNull(model, "model");
        if (this.factors.isEmpty()) throw new IllegalArgumentException("a sensitivity analysis needs at least one factor");
        if (this.outputs.isEmpty()) throw new IllegalArgumentException("a sensitivity analysis needs at least one output");
        if (2 * this.factors.size() > 1000)
            throw new IllegalArgumentException("at most 500 factors (the Sobol sequence has 1000 dimensions), got "
                    + this.factors.size());
    }

    /**
     * @param factors the inputs, independent of each other
     * @param outputs names of the outputs {@code model} returns, in its order
     */
    public static SobolAnalysis of(List<Factor> factors, List<String> outputs, Model model) {
        return new SobolAnalysis(factors, outputs, model);
    }

    /** N, the number of base samples (default 1024); the analysis runs the model N (k + 2) times. */
    public SobolAnalysis samples(int n) {
        if (n < 2) throw new IllegalArgumentException("a sensitivity analysis needs at least 2 base samples, got " + n);
        if ((long) n + 1 >= Integer.MAX_VALUE) throw new IllegalArgumentException("too many base samples: " + n);
        this.samples = n;
        return this;
    }

    /** The seed of the digital shift of the Sobol points and of the bootstrap (default 1). */
    public SobolAnalysis seed(long s) {
        this.seed = s;
        return this;
    }

    /** Bootstrap resamples for the confidence intervals (default 200; 0: none). */
    public SobolAnalysis bootstrap(int b) {
        if (b < 0) throw new IllegalArgumentException("bootstrap resamples cannot be negative, got " + b);
        this.bootstrap = b;
        return this;
    }

    public SobolAnalysis threads(int n) {
        this.threads = Math.max(1, n);
        return this;
    }

    /** Called from worker threads with the number of model evaluations done, about every 1%. */
    public SobolAnalysis progress(LongConsumer listener) {
        this.progress = Objects.requireNonNull(listener);
        return this;
    }

    /** How the coordinator waits for its workers (default: plainly). */
    public SobolAnalysis waiter(Waiter w) {
        this.waiter = Objects.requireNonNull(w);
        return this;
    }

    public List<Factor> factors() {
        return factors;
    }

    public int samples() {
        return samples;
    }

    /** The number of model evaluations: N (k + 2). */
    public long runs() {
        return (long) samples * (factors.size() + 2);
    }

    /**
     * The k + 2 input points of base rows {@code from} to {@code to - 1}: {@code [row - from][j][factor]}, j = 0
     * for A, 1 for B, 2 + i for AB<sub>i</sub>. A pure function of the factors, the seed and the rows.
     */
    public double[][][] points(int from, int to) {
        checkRows(from, to);
        int k = factors.size();
        long[] shift = shift();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
        double[][][] out = new double[to - from][][];
        for (int r = from; r < to; r++) {
            double[] q = r == from ? sobol.skipTo(r + 1) : sobol.nextVector();
            double[] a = new double[k], b = new double[k];
            for (int d = 0; d < k; d++) {
                a[d] = factors.get(d).inverseCdf().applyAsDouble(shifted(q[d], shift[d]));
                b[d] = factors.get(d).inverseCdf().applyAsDouble(shifted(q[k + d], shift[k + d]));
            }
            double[][] row = new double[k + 2][];
            row[0] = a;
            row[1] = b;
            for (int i = 0; i < k; i++) {
                row[2 + i] = a.clone();
                row[2 + i][i] = b[i];
            }
            out[r - from] = row;
        }
        return out;
    }

    /**
     * Evaluates base rows {@code from} to {@code to - 1}: {@code [row - from][j][output]} with j as in
     * {@link #points}. A pure function of the factors, the model, the seed and the rows: any machine may evaluate
     * any block.
     */
    public double[][][] rows(int from, int to) throws RunException {
        return rows(from, to, new AtomicLong(), Long.MAX_VALUE);
    }

    private double[][][] rows(int from, int to, AtomicLong done, long step) throws RunException {
        double[][][] points = points(from, to);
        int k = factors.size();
        double[][][] out = new double[points.length][k + 2][];
        for (int r = 0; r < points.length; r++) {
            for (int j = 0; j < k + 2; j++) {
                long run = (long) (from + r) * (k + 2) + j;
                double[] y = model.evaluate(points[r][j], run);
                if (y.length != outputs.size())
                    throw new IllegalStateException("the model returned " + y.length + " outputs, expected " + outputs.size());
                out[r][j] = y;
            }
            long d = done.addAndGet(k + 2);
            if (d / step != (d - k - 2) / step) progress.accept(d);
        }
        return out;
    }

    /**
     * Runs the whole design on {@link #threads} threads, in blocks of rows, and estimates the indices.
     *
     * @return the indices of every output, in the order of the outputs
     * @throws RunException if an evaluation fails
     */
    public List<Indices> run() throws RunException {
        int workers = Math.max(1, Math.min(threads, samples));
        int block = Math.max(1, Math.min(256, samples / (workers * 8)));
        int blocks = (samples + block - 1) / block;
        long step = Math.max(1, runs() / 100);
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "etw-sensitivity");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<double[][][]>> futures = new ArrayList<>(blocks);
            for (int b = 0; b < blocks; b++) {
                int from = b * block, to = Math.min(samples, from + block);
                futures.add(pool.submit(() -> rows(from, to, done, step)));
            }
            double[][][][] results = new double[blocks][][][];
            for (int b = 0; b < blocks; b++) results[b] = waiter.await(futures.get(b));
            progress.accept(runs());
            return estimate(results);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunException("", 0, "the sensitivity analysis was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The indices from evaluated blocks of rows (each as {@link #rows} returns it), which together cover rows 0 to
     * N - 1 in order.
     */
    public List<Indices> estimate(double[][][][] blocks) {
        int k = factors.size(), m = outputs.size();
        double[][] fa = new double[m][samples], fb = new double[m][samples];
        double[][][] fab = new double[m][k][samples];
        int r = 0;
        for (double[][][] block : blocks)
            for (double[][] row : block) {
                if (r >= samples) throw new IllegalArgumentException("the blocks hold more than " + samples + " rows");
                for (int o = 0; o < m; o++) {
                    fa[o][r] = row[0][o];
                    fb[o][r] = row[1][o];
                    for (int i = 0; i < k; i++) fab[o][i][r] = row[2 + i][o];
                }
                r++;
            }
        if (r != samples) throw new IllegalArgumentException("the blocks hold " + r + " rows, expected " + samples);

        List<String> names = factors.stream().map(Factor::name).toList();
        List<Indices> out = new ArrayList<>(m);
        for (int o = 0; o < m; o++) {
            int[] all = new int[samples];
            for (int i = 0; i < samples; i++) all[i] = i;
            double[][] point = indices(fa[o], fb[o], fab[o], all);
            double[][] s1 = new double[k][bootstrap], st = new double[k][bootstrap];
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L + o);
            int[] pick = new int[samples];
            for (int b = 0; b < bootstrap; b++) {
                for (int i = 0; i < samples; i++) pick[i] = random.nextInt(samples);
                double[][] x = indices(fa[o], fb[o], fab[o], pick);
                for (int i = 0; i < k; i++) {
                    s1[i][b] = x[0][i];
                    st[i][b] = x[1][i];
                }
            }
            double[] s1Lo = new double[k], s1Hi = new double[k], stLo = new double[k], stHi = new double[k];
            for (int i = 0; i < k; i++) {
                s1Lo[i] = bootstrap == 0 ? point[0][i] : percentile(s1[i], (1 - CONFIDENCE) / 2);
                s1Hi[i] = bootstrap == 0 ? point[0][i] : percentile(s1[i], (1 + CONFIDENCE) / 2);
                stLo[i] = bootstrap == 0 ? point[1][i] : percentile(st[i], (1 - CONFIDENCE) / 2);
                stHi[i] = bootstrap == 0 ? point[1][i] : percentile(st[i], (1 + CONFIDENCE) / 2);
            }
            out.add(new Indices(outputs.get(o), names, point[0], s1Lo, s1Hi, point[1], stLo, stHi, point[2][0],
                    point[2][1], samples, CONFIDENCE, bootstrap));
        }
        return out;
    }

    /** {S1 by factor, ST by factor, {mean, variance}} over the rows {@code pick}. */
    private static double[][] indices(double[] fa, double[] fb, double[][] fab, int[] pick) {
        int n = pick.length, k = fab.length;
        double mean = 0;
        for (int r : pick) mean += fa[r] + fb[r];
        mean /= 2.0 * n;
        double var = 0;
        for (int r : pick) {
            double da = fa[r] - mean, db = fb[r] - mean;
            var += da * da + db * db;
        }
        var /= 2.0 * n - 1;
        double[] s1 = new double[k], st = new double[k];
        // relative to the spread of the output: below this the output does not vary (rounding only)
        if (var > 1e-24 * Math.max(1, mean * mean)) {
            for (int i = 0; i < k; i++) {
                double first = 0, total = 0;
                double[] ab = fab[i];
                for (int r : pick) {
                    first += fb[r] * (ab[r] - fa[r]);
                    double d = fa[r] - ab[r];
                    total += d * d;
                }
                s1[i] = first / n / var;
                st[i] = total / (2.0 * n) / var;
            }
        } else {
            var = 0;
        }
        return new double[][] {s1, st, {mean, var}};
    }

    /** The p-quantile of the values (linear interpolation between order statistics); sorts them. */
    static double percentile(double[] values, double p) {
        Arrays.sort(values);
        double pos = p * (values.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(values.length - 1, lo + 1);
        return values[lo] + (pos - lo) * (values[hi] - values[lo]);
    }

    /** 52 random bits per dimension, from the seed: the digital shift. */
    private long[] shift() {
        SplittableRandom random = new SplittableRandom(seed);
        long[] s = new long[2 * factors.size()];
        for (int d = 0; d < s.length; d++) s[d] = random.nextLong() & ((1L << 52) - 1);
        return s;
    }

    /** A Sobol coordinate (a multiple of 2^-52 in [0, 1)) with its bits exclusive-ored with {@code shift}. */
    private static double shifted(double q, long shift) {
        long bits = (long) (q * 0x1p52);
        return (bits ^ shift) * 0x1p-52;
    }

    private void checkRows(int from, int to) {
        if (from < 0 || to > samples || from > to)
            throw new IllegalArgumentException("rows " + from + " to " + to + " are outside 0 to " + samples);
    }

    private static <T> T plainAwait(Future<T> f) throws RunException, InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RunException r) throw r;
            if (cause instanceof Error err) throw err;
            if (cause instanceof RuntimeException re) throw re;
            throw new IllegalStateException("a sensitivity worker failed: " + cause, cause);
        }
    }
}
