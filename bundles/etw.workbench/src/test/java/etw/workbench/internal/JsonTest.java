package etw.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsWhatItWrites() throws Exception {
        Object v = Json.parse("{\"a\": [1, 2.5, -3e2, true, false, null], \"b\": {\"c\": \"x\\\"y\\u00e9\\n\"}}");
        assertEquals(Map.of("a", java.util.Arrays.asList(1.0, 2.5, -300.0, true, false, null), "b", Map.of("c", "x\"y\u00e9\n")), v);
        assertEquals(v, Json.parse(Json.write(v)));
        assertEquals(v, Json.parse(Json.writeYaml(v)));
    }

    @Test
    void writesNumbersCompactlyAndNonFiniteAsNull() {
        assertEquals("[1,0.25,null,null]", Json.write(List.of(1.0, 0.25, Double.NaN, Double.POSITIVE_INFINITY)));
        assertEquals("[1.5,2]", Json.write(new double[] {1.5, 2}));
        assertEquals("\"\\u003c/script>\"", Json.write("</script>"));
    }

    @Test
    void rejectsBadTextWithAPosition() {
        Json.SyntaxException e = assertThrows(Json.SyntaxException.class, () -> Json.parse("{\"a\": 1,\n \"a\": 2}"));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("twice"), e.getMessage());
        assertThrows(Json.SyntaxException.class, () -> Json.parse("{\"a\": }"));
        assertThrows(Json.SyntaxException.class, () -> Json.parse("[1] x"));
        assertThrows(Json.SyntaxException.class, () -> Json.parse("\"open"));
        assertThrows(Json.SyntaxException.class, () -> Json.parse("[".repeat(100) + "]".repeat(100)));
    }
}
