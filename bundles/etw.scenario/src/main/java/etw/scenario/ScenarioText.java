package etw.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Turns the bytes of a text file into text, or says where it is not text: UTF-8 with or without a byte-order
 * mark, and UTF-16 (either byte order) with one, are read; invalid UTF-8, NUL and other control characters
 * (anything but tab, line feed and carriage return) are refused with {@code file:line:column}. Reading is
 * bounded: a file over the limit (or an endless one, such as {@code /dev/zero}) is refused after reading at
 * most one byte more than the limit.
 */
final class ScenarioText {
    private ScenarioText() {
    }

    /** The bytes of a file, at most {@code limit}; {@code what} names the kind of file in the message. */
    static byte[] read(Path file, long limit, String what) throws ScenarioException, NoSuchFileException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit)
                throw new ScenarioException(file + ": larger than the limit of " + Limits.mib(limit) + " for " + what
                        + "; use a smaller file");
            return bytes;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** SHA-256 of bytes, in lower-case hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Decodes a scenario file's bytes (see the class comment) and checks the text as a scenario. */
    static String decode(byte[] b, String name) throws ScenarioException {
        return check(decodeText(b, name), name, Limits.MAX_SCENARIO_BYTES);
    }

    /** Decodes a file's bytes (see the class comment) and refuses control characters. */
    static String decodeText(byte[] b, String name) throws ScenarioException {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            skip = 3;
        } else if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        // validate in chunks (no second copy of a large file), then decode once
        CharsetDecoder decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
        CharBuffer chunk = CharBuffer.allocate(64 * 1024);
        CoderResult r;
        do {
            chunk.clear();
            r = decoder.decode(in, chunk, true);
        } while (r.isOverflow());
        if (!r.isError()) {
            chunk.clear();
            r = decoder.flush(chunk);
        }
        if (r.isError()) {
            String before = new String(b, skip, in.position() - skip, cs);
            scan(before, name, Integer.MAX_VALUE); // a NUL before the bad byte says more: UTF-16 without a mark
            String where = position(name, before, before.length());
            throw new ScenarioException(where + ": not " + (cs == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16")
                    + " text (byte 0x" + String.format("%02x", b[in.position()] & 0xff) + " at byte " + in.position()
                    + "); save the file as UTF-8 text");
        }
        String text = new String(b, skip, b.length - skip, cs);
        scan(text, name, Integer.MAX_VALUE);
        return text;
    }

    /**
     * Checks text handed in as a string: its length, control characters, and words too long to scan.
     *
     * @param limit most characters allowed
     */
    static String check(String text, String name, int limit) throws ScenarioException {
        if (text.length() > limit)
            throw new ScenarioException(name + ": " + text.length() + " characters, over the limit of "
                    + Limits.mib(limit) + " for a scenario; a scenario file is far smaller");
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        scan(text, name, Limits.MAX_WORD);
        return text;
    }

    /** Refuses control characters (but tab, line feed, carriage return) and runs of more than {@code maxWord} non-spaces. */
    private static void scan(String text, String name, int maxWord) throws ScenarioException {
        int line = 1;
        int col = 1;
        int wordStart = -1;
        int wordLine = 0;
        int wordCol = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            if (!space && Character.isISOControl(c))
                throw new ScenarioException(name + ":" + line + ":" + col + ": control character U+"
                        + String.format("%04X", (int) c) + (c == 0 ? " (NUL: a binary file, or UTF-16 without a byte-order mark?)" : "")
                        + "; a scenario is plain text: save it as UTF-8 and remove the character");
            if (space) {
                wordStart = -1;
            } else if (wordStart < 0) {
                wordStart = i;
                wordLine = line;
                wordCol = col;
            } else if (i - wordStart >= maxWord) {
                throw new ScenarioException(name + ":" + wordLine + ":" + wordCol + ": a value of more than "
                        + maxWord + " characters without a space (the limit); no scenario value is that long");
            }
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
    }

    /** {@code name:line:col} of character {@code index} of {@code text}. */
    static String position(String name, String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return name + ":" + line + ":" + (index - lineStart + 1);
    }

}
