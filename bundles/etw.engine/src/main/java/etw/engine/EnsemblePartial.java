package etw.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Part of an ensemble: the histograms of some of its samples, with the bin ranges its pilot fixed. Partials of one
 * ensemble merge by adding counts and taking extremes, which does not depend on their order, so an ensemble spread
 * over processes in blocks ({@link Ensemble#pilot()}, {@link Ensemble#block}) ends with the result of
 * {@link Ensemble#run()}, bit for bit.
 * <p>
 * Two encodings, both deflated: {@link #encodeRange()} (the bin ranges, sent once per process) and
 * {@link #encodeCounts()} (extremes and sparse non-empty bins, sent per block); {@link #decodeRange} and
 * {@link #mergeCounts} read them back.
 */
public final class EnsemblePartial {
    private static final int RANGE = 0x45525247; // "ERRG"
    private static final int COUNTS = 0x45524354; // "ERCT"

    private final Ensemble.Histograms histograms;
    private int samples;

    EnsemblePartial(Ensemble.Histograms histograms, int samples) {
        this.histograms = histograms;
        this.samples = samples;
    }

    Ensemble.Histograms histograms() {
        return histograms;
    }

    /** How many samples the partial holds. */
    public int samples() {
        return samples;
    }

    /** Adds another partial of the same ensemble (same ranges) to this one. */
    public void merge(EnsemblePartial other) {
        if (!histograms.sameRange(other.histograms))
            throw new IllegalArgumentException("the partials belong to different ensembles (their bin ranges differ)");
        histograms.merge(other.histograms);
        samples += other.samples;
    }

    /** The bin ranges (not the counts), for the processes that run blocks. */
    public byte[] encodeRange() {
        return encode(RANGE, o -> histograms.writeRange(o));
    }

    /** An empty partial with the ranges {@link #encodeRange()} wrote. */
    public static EnsemblePartial decodeRange(byte[] bytes) throws IOException {
        try (DataInputStream in = open(bytes, RANGE)) {
            return new EnsemblePartial(Ensemble.Histograms.readRange(in), 0);
        }
    }

    /** The sample count, extremes and non-empty bins: what a block sends back. */
    public byte[] encodeCounts() {
        Bytes o = new Bytes(new byte[1 << 16]);
        o.putInt(COUNTS);
        o.putInt(samples);
        histograms.writeCounts(o);
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(o.buffer, 0, o.position);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(o.position / 2 + 64);
            byte[] chunk = new byte[1 << 16];
            while (!d.finished()) out.write(chunk, 0, d.deflate(chunk));
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    /** Adds counts that {@link #encodeCounts()} wrote, of a partial with the same ranges, to this partial. */
    public void mergeCounts(byte[] bytes) throws IOException {
        Bytes in;
        try (InflaterInputStream z = new InflaterInputStream(new ByteArrayInputStream(bytes), new java.util.zip.Inflater(), 1 << 16)) {
            in = new Bytes(z.readAllBytes());
        }
        try {
            if (in.getInt() != COUNTS) throw new IOException("not an ensemble partial");
            int n = in.getInt();
            if (n < 0) throw new IOException("negative sample count");
            histograms.addCounts(in);
            samples += n;
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("the partial is truncated");
        }
    }

    /** A growable big-endian byte buffer with variable-length ints, faster than Data streams for millions of fields. */
    static final class Bytes {
        byte[] buffer;
        int position;

        Bytes(byte[] buffer) {
            this.buffer = buffer;
        }

        private void room(int n) {
            if (position + n > buffer.length) buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + n));
        }

        void putInt(int v) {
            room(4);
            buffer[position++] = (byte) (v >>> 24);
            buffer[position++] = (byte) (v >>> 16);
            buffer[position++] = (byte) (v >>> 8);
            buffer[position++] = (byte) v;
        }

        void putDouble(double d) {
            long v = Double.doubleToRawLongBits(d);
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        void putVar(int v) {
            room(5);
            while ((v & ~0x7F) != 0) {
                buffer[position++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buffer[position++] = (byte) v;
        }

        int getInt() {
            int v = ((buffer[position] & 0xFF) << 24) | ((buffer[position + 1] & 0xFF) << 16)
                    | ((buffer[position + 2] & 0xFF) << 8) | (buffer[position + 3] & 0xFF);
            position += 4;
            return v;
        }

        double getDouble() {
            long hi = getInt() & 0xFFFFFFFFL, lo = getInt() & 0xFFFFFFFFL;
            return Double.longBitsToDouble((hi << 32) | lo);
        }

        int getVar() throws IOException {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = buffer[position++] & 0xFF;
                v |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) return v;
            }
            throw new IOException("bad count encoding");
        }
    }

    private interface Writer {
        void write(DataOutputStream o) throws IOException;
    }

    private static byte[] encode(int magic, Writer w) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                new DeflaterOutputStream(bytes, new Deflater(Deflater.BEST_SPEED), 1 << 16), 1 << 16))) {
            o.writeInt(magic);
            w.write(o);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static DataInputStream open(byte[] bytes, int magic) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(bytes)), 1 << 16));
        if (in.readInt() != magic) throw new IOException("not an ensemble " + (magic == RANGE ? "range" : "partial"));
        return in;
    }
}
