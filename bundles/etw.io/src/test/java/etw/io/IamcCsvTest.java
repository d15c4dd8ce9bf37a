package etw.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import etw.api.scenario.Result;
import etw.api.scenario.RunManifest;
import etw.api.scenario.Scenario;

class IamcCsvTest {
    private static Result result() {
        Scenario s = Scenario.builder("demo, v2").regions(List.of("World", "China")).years(2024, 2026).build();
        List<Result.VariableInfo> vars = List.of(new Result.VariableInfo("Final Energy|Electricity", "TWh/yr", "m"));
        double[][] values = {{27773.5, 0.1 + 0.2, 1e-7, 1, 2, 3}};
        return new Result(s, vars, values, new RunManifest("run-1", "demo", "abc", Map.of(), Map.of("b", "1.0"), Map.of("m", "b"), java.util.List.of(), Map.of("m/p", "0.5"), 1, "now", java.util.List.of()));
    }

    @Test
    void writesTheIamcWideFormatWithFullPrecision() throws Exception {
        StringWriter w = new StringWriter();
        IamcCsv.write(result(), w);
        String[] lines = w.toString().split("\n");
        assertEquals("Model,Scenario,Region,Variable,Unit,2024,2025,2026", lines[0]);
        assertEquals("ETW,\"demo, v2\",World,Final Energy|Electricity,TWh/yr,27773.5,0.30000000000000004,1.0E-7", lines[1]);
        assertEquals("ETW,\"demo, v2\",China,Final Energy|Electricity,TWh/yr,1.0,2.0,3.0", lines[2]);
        assertEquals(3, lines.length);
        assertEquals(0.1 + 0.2, Double.parseDouble(lines[1].split(",")[7]), 0.0, "doubles survive the round trip");
    }

    @Test
    void nanOrInfinityIsRefusedBeforeAnythingIsWritten() {
        Scenario s = Scenario.builder("demo").regions(List.of("World", "China")).years(2024, 2026).build();
        List<Result.VariableInfo> vars = List.of(new Result.VariableInfo("Emissions|CO2", "Mt CO2/yr", "m"));
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Result r = new Result(s, vars, new double[][] {{1, 2, 3, 4, bad, 6}}, result().manifest());
            StringWriter w = new StringWriter();
            NonFiniteValueException e = assertThrows(NonFiniteValueException.class, () -> IamcCsv.write(r, w));
            assertEquals("", w.toString(), "not even the header");
            assertEquals("Emissions|CO2", e.variable());
            assertEquals("China", e.region());
            assertEquals(2025, e.year());
            assertTrue(e.getMessage().contains(bad + " for Emissions|CO2 in China, 2025"), e.getMessage());
        }
    }

    @Test
    void manifestHasEveryField() {
        String json = ManifestJson.toJson(RunFilesTest.result("x", "a", 1).manifest(), "c0ffee");
        for (String field : List.of("\"runId\": \"run-a\"", "\"scenario\": \"x\"", "\"scenarioSha256\": \"sha-a\"",
                "\"csvSha256\": \"c0ffee\"", "\"seed\": 1", "\"runAt\": \"now\"",
                "\"files\": {\n    \"scenarios/x.yaml\": \"f00d\"\n  }", "\"models\": {\n    \"m\": \"b\"\n  }",
                "\"plugins\": [\n    \"plugin.x (b 1.0)\"\n  ]", "\"m/variant\": \"a\"",
                "\"warnings\": [\n    \"plugin.y left out: unit \\\"mW\\\" unknown\"\n  ]"))
            assertTrue(json.contains(field), field + " in " + json);
        assertTrue(ManifestJson.toJson(result().manifest()).contains("\"plugins\": []"));
    }

    @Test
    void manifestIsJsonWithSortedKeys() {
        String json = ManifestJson.toJson(result().manifest());
        assertTrue(json.contains("\"scenarioSha256\": \"abc\""), json);
        assertTrue(json.contains("\"bundles\": {\n    \"b\": \"1.0\"\n  }"), json);
        assertTrue(json.contains("\"m/p\": \"0.5\""), json);
        assertEquals("\"a\\\"b\\\\c\\n\"", ManifestJson.quote("a\"b\\c\n"));
    }
}
