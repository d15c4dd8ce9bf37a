package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.scenario.Scenario;

class IamcCsvReaderTest {
    @TempDir
    Path dir;

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("data.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsOneVariablePerRegionSkippingEmptyCells() throws Exception {
        Path f = csv("Model,Scenario,Region,Variable,Unit,2024,2030,2050\n"
                + "ETW,base,World,Final Energy|Electricity|Hydrogen,TWh/yr,1,,21\n"
                + "ETW,base,China,Final Energy|Electricity|Hydrogen,TWh/yr,0.5,2,3\n"
                + "ETW,base,World,Other,TWh/yr,9,9,9\n");
        IamcCsvReader.Series s = IamcCsvReader.read(f, "Final Energy|Electricity|Hydrogen", null);
        assertEquals("TWh/yr", s.unit());
        assertEquals(11, s.values().forRegion("World").valueAt(2037), 1e-12, "2030 was empty: interpolated 2024-2050");
        assertEquals(2, s.values().forRegion("China").valueAt(2030));
    }

    @Test
    void aScenarioFileTakesExogenousDataFromAFile() throws Exception {
        csv("model,scenario,region,variable,unit,2024,2050\n\"ETW\",\"a, b\",World,H2,TWh/yr,1,27\nETW,c,World,H2,TWh/yr,0,0\n");
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nregions: [World]\nexogenous:\n  H2:\n    file: data.csv\n    scenario: a, b\n");
        Scenario s = ScenarioParser.parse(scenario);
        assertEquals("TWh/yr", s.exogenous().get("H2").unit());
        assertEquals(14, s.exogenous().get("H2").values().forRegion("World").valueAt(2037), 1e-12);
    }

    private String error(String text, String variable, String scenario) throws Exception {
        Path f = csv(text);
        return assertThrows(ScenarioException.class, () -> IamcCsvReader.read(f, variable, scenario)).getMessage();
    }

    @Test
    void mistakesNameTheFileAndLine() throws Exception {
        String f = dir.resolve("data.csv").toString();
        assertEquals(f + ":1: not an IAMC header: expected Model,Scenario,Region,Variable,Unit and then one column per "
                + "year, found Region,Variable,2024", error("Region,Variable,2024\nWorld,V,1\n", "V", null));
        assertTrue(error("Model,Scenario,Region,Variable,Unit,2024,Notes\n", "V", null)
                .startsWith(f + ":1: column 'Notes' is not a year"));
        assertTrue(error("Model,Scenario,Region,Variable,Unit,2024\nETW,s,World,V,TWh/yr,lots\n", "V", null)
                .startsWith(f + ":2: 'lots' in column 2024 is not a number"));
        assertTrue(error("Model,Scenario,Region,Variable,Unit,2024\nETW,s,World,V,TWh/yr\n", "V", null)
                .startsWith(f + ":2: 5 fields where the header has 6"));
        assertTrue(error("Model,Scenario,Region,Variable,Unit,2024\nETW,s,World,V,TWh/yr,1\nETW,s,China,V,GWh/yr,1\n", "V", null)
                .startsWith(f + ":3: 'V' is in 'GWh/yr' here but in 'TWh/yr' on line 2"));
        assertTrue(error("Model,Scenario,Region,Variable,Unit,2024\nETW,a,World,V,TWh/yr,1\nETW,b,World,V,TWh/yr,1\n", "V", null)
                .contains("the file holds 1 model (ETW) and 2 scenarios (a, b); say which with 'scenario:' under the exogenous entry"));
        assertTrue(error("Model,Scenario,Region,Variable,Unit,2024\nETW,a,World,W,TWh/yr,1\n", "V", null)
                .contains("no rows for variable 'V'"));
    }

    @Test
    void theScenarioFileLocatesFileErrors() throws Exception {
        Path scenario = dir.resolve("s.yaml");
        Files.writeString(scenario, "name: s\nregions: [World]\nexogenous:\n  H2:\n    file: missing.csv\n");
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(scenario)).getMessage();
        assertTrue(m.startsWith(scenario + ":5:11: exogenous H2: ") && m.contains("missing.csv: no such file"), m);
    }
}
