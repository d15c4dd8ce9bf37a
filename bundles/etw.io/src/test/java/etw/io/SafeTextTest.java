package etw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void terminalEscapesAndControlCharactersAreShownNotActedOn() {
        assertEquals("\\x1b[2J\\x1b]0;pwned\\x07x", SafeText.of("\u001b[2J\u001b]0;pwned\u0007x"));
        assertEquals("a\\nb\\rc\\td", SafeText.of("a\nb\rc\td"));
        assertEquals("\\x9b31m \\x7f", SafeText.of("\u009b31m \u007f"));
        assertEquals("evil\\u202etxt.exe", SafeText.of("evil\u202etxt.exe"));
        String plain = "Final Energy|Electricity (café, 中国)";
        assertSame(plain, SafeText.of(plain));
        assertEquals("null", SafeText.of(null));
    }
}
