package etw.cluster.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster secret: it signs every message a coordinator sends (jobs, bundles) and every answer a member returns
 * with HMAC-SHA256, and names the Hazelcast cluster, so processes with another secret do not even join.
 * <p>
 * A signed message: {@code "ETWC"}, format version, kind byte, payload length, payload, then the 32-byte HMAC of
 * all that. Nothing of the payload is read before the HMAC is checked.
 */
final class Secret {
    static final int MIN_BYTES = 16;
    private static final byte[] MAGIC = {'E', 'T', 'W', 'C'};
    private static final int VERSION = 1;
    private static final int MAC_BYTES = 32;

    private final byte[] key;

    Secret(byte[] key) {
        if (key.length < MIN_BYTES) throw new IllegalArgumentException("a cluster secret needs at least " + MIN_BYTES + " bytes");
        this.key = key.clone();
    }

    /** Reads a secret file: its bytes, with surrounding whitespace trimmed (so `echo` and editors do not matter). */
    static Secret load(Path file) throws IOException {
        if (file == null)
            throw new IOException("a cluster needs a secret: create one with `head -c 32 /dev/urandom | base64 > cluster.secret; "
                    + "chmod 600 cluster.secret`, copy it to every machine, and pass --secret-file cluster.secret");
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read the cluster secret " + file.toAbsolutePath() + " (" + e.getMessage()
                    + "); create one with `head -c 32 /dev/urandom | base64 > " + file + "; chmod 600 " + file + "`");
        }
        byte[] trimmed = new String(raw, StandardCharsets.ISO_8859_1).strip().getBytes(StandardCharsets.ISO_8859_1);
        if (trimmed.length < MIN_BYTES)
            throw new IOException("the cluster secret " + file.toAbsolutePath() + " has " + trimmed.length + " bytes; it needs at least "
                    + MIN_BYTES + " (make one with `head -c 32 /dev/urandom | base64 > " + file + "`)");
        return new Secret(trimmed);
    }

    /** The Hazelcast cluster name: derived from the secret, so it does not reveal it, and differs per secret. */
    String clusterName() {
        return "etw-" + HexFormat.of().formatHex(mac("etw cluster name".getBytes(StandardCharsets.UTF_8)), 0, 8);
    }

    byte[] seal(Kind kind, byte[] payload) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 48);
        try (DataOutputStream o = new DataOutputStream(bytes)) {
            o.write(MAGIC);
            o.writeByte(VERSION);
            o.writeByte(kind.ordinal());
            o.writeInt(payload.length);
            o.write(payload);
            o.write(mac(bytes.toByteArray()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A checked message: its kind and payload. */
    record Opened(Kind kind, byte[] payload) {
    }

    /**
     * Checks the HMAC and returns the payload.
     *
     * @throws SecurityException if the message is not signed with this secret (unsigned, tampered, or another secret)
     */
    Opened open(byte[] message, String what) {
        int header = MAGIC.length + 2 + 4;
        if (message == null || message.length < header + MAC_BYTES || !Arrays.equals(message, 0, 4, MAGIC, 0, 4))
            throw new SecurityException("refused " + what + ": it is not a signed ETW cluster message");
        byte[] expected = macOf(message, message.length - MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(message, message.length - MAC_BYTES, message.length)))
            throw new SecurityException("refused " + what + ": its HMAC does not match this cluster's secret (unsigned, "
                    + "tampered with, or signed with another --secret-file)");
        int version = message[4], kind = message[5];
        int length = ((message[6] & 0xFF) << 24) | ((message[7] & 0xFF) << 16) | ((message[8] & 0xFF) << 8) | (message[9] & 0xFF);
        if (version != VERSION || kind < 0 || kind >= Kind.values().length || length != message.length - header - MAC_BYTES)
            throw new SecurityException("refused " + what + ": signed, but of an unknown format (version " + version + ", kind " + kind + ")");
        return new Opened(Kind.values()[kind], Arrays.copyOfRange(message, header, header + length));
    }

    private byte[] mac(byte[] data) {
        return macOf(data, data.length);
    }

    private byte[] macOf(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    /** What a message asks or answers. */
    enum Kind {
        PREPARE, PREPARED, BLOCK, BLOCK_DONE, INSTALL, INSTALLED, FINISH, FINISHED
    }
}
