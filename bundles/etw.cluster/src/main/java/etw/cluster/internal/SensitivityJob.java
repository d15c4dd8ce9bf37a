package etw.cluster.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import etw.engine.RunException;
import etw.sensitivity.Indices;
import etw.sensitivity.ScenarioSensitivity.Output;
import etw.sensitivity.SobolAnalysis;

/**
 * A clustered Sobol analysis: members evaluate blocks of base rows of the Saltelli design
 * ({@link SobolAnalysis#rows(int, int)}, a pure function of the factors, the seed and the rows) and answer with
 * the rows' outputs as raw IEEE-754 doubles; the coordinator puts them back in row order and estimates the indices
 * itself (the bootstrap included). The result equals {@link SobolAnalysis#run()} bit for bit.
 * <p>
 * A block answer: rows, k + 2, outputs (ints), then the doubles row by row, point by point ({@code 8 (k + 2) m}
 * bytes a row).
 */
final class SensitivityJob implements Job {
    static final String KIND = "sensitivity";
    private final SobolAnalysis analysis;
    private final List<Output> outputs;
    private final long seed;
    private final double[][][] rows;
    private final boolean[] merged;

    /**
     * @param analysis the coordinator's analysis of the same scenario and outputs, with the samples, seed and
     *                 bootstrap set: it estimates the indices from the members' rows
     */
    SensitivityJob(SobolAnalysis analysis, List<Output> outputs, long seed) {
        this.analysis = analysis;
        this.outputs = List.copyOf(outputs);
        this.seed = seed;
        this.rows = new double[analysis.samples()][][];
        this.merged = new boolean[analysis.samples()];
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
        return analysis.samples();
    }

    @Override
    public void start() {
    }

    @Override
    public byte[] data() {
        return writeOutputs(outputs);
    }

    @Override
    public int first() {
        return 0;
    }

    @Override
    public int blockSize(int members) {
        return Math.max(1, Math.min(64, samples() / (8 * members)));
    }

    @Override
    public void merge(int from, int to, byte[] answer) throws IOException {
        double[][][] block = decode(answer, to - from, analysis.factors().size() + 2, outputs.size());
        for (int r = from; r < to; r++)
            if (merged[r]) throw new IOException("row " + r + " was answered twice");
        for (int r = from; r < to; r++) {
            rows[r] = block[r - from];
            merged[r] = true;
        }
    }

    @Override
    public String unit() {
        return "rows";
    }

    /** The indices, once every row is merged. */
    List<Indices> result() {
        for (int r = 0; r < rows.length; r++)
            if (!merged[r]) throw new IllegalStateException("row " + r + " of " + rows.length + " was never evaluated");
        return analysis.estimate(new double[][][][] {rows});
    }

    static byte[] writeOutputs(List<Output> outputs) {
        return Io.bytes(o -> {
            o.writeInt(outputs.size());
            for (Output x : outputs) {
                o.writeUTF(x.variable());
                o.writeUTF(x.region());
                o.writeInt(x.year());
            }
        });
    }

    static List<Output> readOutputs(byte[] data) throws IOException {
        try (DataInputStream in = Io.in(data)) {
            int n = in.readInt();
            if (n < 1 || n > 10_000) throw new IOException("bad output count " + n);
            List<Output> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(new Output(in.readUTF(), in.readUTF(), in.readInt()));
            return out;
        }
    }

    /** Rows as {@link SobolAnalysis#rows} returns them, in the answer's format. */
    static byte[] encode(double[][][] block) {
        return Io.bytes(o -> {
            int points = block.length == 0 ? 0 : block[0].length, m = points == 0 ? 0 : block[0][0].length;
            o.writeInt(block.length);
            o.writeInt(points);
            o.writeInt(m);
            for (double[][] row : block)
                for (double[] point : row)
                    for (double y : point) o.writeLong(Double.doubleToRawLongBits(y));
        });
    }

    /** An answer read back; its shape must be {@code rows x points x outputs}. */
    static double[][][] decode(byte[] answer, int rows, int points, int outputs) throws IOException {
        try (DataInputStream in = Io.in(answer)) {
            int r = in.readInt(), p = in.readInt(), m = in.readInt();
            if (r != rows || (rows > 0 && (p != points || m != outputs)))
                throw new IOException("the answer holds " + r + " rows x " + p + " points x " + m + " outputs; expected "
                        + rows + " x " + points + " x " + outputs + " (a member with other models or parameters?)");
            if (answer.length != 12 + 8L * rows * points * outputs)
                throw new IOException("the answer has " + answer.length + " bytes, expected " + (12 + 8L * rows * points * outputs));
            double[][][] out = new double[rows][points][outputs];
            for (double[][] row : out)
                for (double[] point : row)
                    for (int o = 0; o < outputs; o++) point[o] = Double.longBitsToDouble(in.readLong());
            return out;
        }
    }

    /** A member's side: evaluates rows one at a time, so a run whose coordinator left stops at the next row. */
    static Worker.Prepared member(SobolAnalysis analysis, String description) {
        return new Worker.Prepared() {
            @Override
            public byte[] block(int from, int to, BooleanSupplier cancelled) throws RunException {
                double[][][] out = new double[to - from][][];
                for (int r = from; r < to; r++) {
                    if (cancelled.getAsBoolean()) throw new RunException("", 0, "the run was stopped: its coordinator left", null);
                    out[r - from] = analysis.rows(r, r + 1)[0];
                }
                return encode(out);
            }

            @Override
            public String describe() {
                return description;
            }

            @Override
            public String unit() {
                return "rows";
            }
        };
    }
}
