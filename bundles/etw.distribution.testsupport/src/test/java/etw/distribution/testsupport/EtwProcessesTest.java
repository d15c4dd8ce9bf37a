package etw.distribution.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EtwProcessesTest {
    private static final Path RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    @Test
    void theEphemeralRangeStartIsReadWhole() throws Exception {
        assertEquals(32768, EtwProcesses.ephemeralStart("32768\t60999"));
        assertEquals(49152, EtwProcesses.ephemeralStart(" 49152 65535\n"));
        assertEquals(EtwProcesses.USUAL_EPHEMERAL_START, EtwProcesses.ephemeralStart("not a range"));
        assertEquals(EtwProcesses.USUAL_EPHEMERAL_START, EtwProcesses.ephemeralStart("0 0"));
        if (!Files.isReadable(RANGE)) return;
        // what the kernel says, read by another program than the JDK's file reader
        Process cat = new ProcessBuilder("cat", RANGE.toString()).start();
        String text = new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, cat.waitFor());
        int first = Integer.parseInt(text.strip().split("\\s+")[0]);
        assertEquals(first, EtwProcesses.ephemeralStart());
        assertTrue(first > 1024, "the kernel's ephemeral range starts at " + first);
    }

    @Test
    void freePortsAreBelowTheEphemeralRangeBindAndAreNeverGivenTwice() throws IOException {
        int top = EtwProcesses.ephemeralStart();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = EtwProcesses.freePort();
            assertTrue(seen.add(port), "port " + port + " given twice");
            if (top - EtwProcesses.LOWEST_PORT >= 1000)
                assertTrue(port >= EtwProcesses.LOWEST_PORT && port < top, port + " is not in [" + EtwProcesses.LOWEST_PORT + ", " + top + ")");
            assertTrue(port >= 1024, "port " + port);
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void aNodeWhosePortWasTakenIsRecognised() {
        // NodeComponent's line as CI printed it
        assertTrue(EtwProcesses.portTaken("etw: the node did not start on 127.0.0.1:38551: Cannot bind to a given address: /127.0.0.1. "
                + "Hazelcast cannot start. Port [38551] is already in use and auto-increment is disabled. (is the port taken? "
                + "choose another with --port)"));
        assertFalse(EtwProcesses.portTaken("etw: cannot read the cluster secret /tmp/x"));
    }
}
