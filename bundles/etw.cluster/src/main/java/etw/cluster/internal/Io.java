package etw.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** Small helpers for the payloads: written and read with java.io Data streams, never with Java serialization. */
final class Io {
    private Io() {
    }

    interface Writer {
        void write(DataOutputStream o) throws IOException;
    }

    static byte[] bytes(Writer w) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (DataOutputStream o = new DataOutputStream(b)) {
            w.write(o);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return b.toByteArray();
    }

    static DataInputStream in(byte[] payload) {
        return new DataInputStream(new ByteArrayInputStream(payload));
    }

    static void writeBlob(DataOutputStream o, byte[] b) throws IOException {
        o.writeInt(b.length);
        o.write(b);
    }

    static byte[] readBlob(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > WorkTask.MAX_BYTES) throw new IOException("bad length " + n);
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
