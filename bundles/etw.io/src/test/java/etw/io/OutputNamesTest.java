package etw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class OutputNamesTest {
    @Test
    void ordinaryNamesPass() {
        for (String ok : new String[] {"baseline", "ai-boom", "AI_boom.v2", "x", "a".repeat(100), "2030-net-zero"})
            assertEquals(ok, OutputNames.check(ok));
    }

    @Test
    void namesThatAreNotPlainFileNamesAreRefusedNamingTheRule() {
        for (String bad : new String[] {"../x", "/abs", "", ".hidden", "..", ".", "a/b", "a\\b", "x\u001b[31mred",
                "tab\there", "new\nline", "a".repeat(101), "space name", "caf\u00e9", "rtl\u202eexe.csv", "nul\u0000"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputNames.check(bad), bad);
            assertTrue(e.getMessage().contains(OutputNames.RULE), bad + ": " + e.getMessage());
            assertFalse(e.getMessage().chars().anyMatch(c -> c < 0x20 || c == 0x202e), "no raw control characters: " + e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutputNames.check("../x")).getMessage()
                .contains("path separator"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutputNames.check(".x")).getMessage()
                .contains("starts with '.'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OutputNames.check("a\u001bb")).getMessage()
                .contains("a\\x1bb"));
    }

    @Test
    void resolvedFilesStayInsideTheFolder() {
        Path out = Path.of("results");
        assertEquals(Path.of("results", "baseline.csv"), OutputNames.resolve(out, "baseline", ".csv"));
        assertEquals(Path.of("results", "a..b.manifest.json"), OutputNames.resolve(out, "a..b", ".manifest.json"));
        assertThrows(IllegalArgumentException.class, () -> OutputNames.resolve(out, "../x", ".csv"));
        assertThrows(IllegalArgumentException.class, () -> OutputNames.resolve(out, "/etc/x", ".csv"));
        assertThrows(IllegalArgumentException.class, () -> OutputNames.resolve(out, "", ".csv"));
    }
}
