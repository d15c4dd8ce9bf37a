package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.scenario.Scenario;

/** IAMC import (issue 14, items 6 and 9): selection, BOM, region mapping, limits, no content in messages, confinement. */
class IamcImportTest {
    @TempDir
    Path dir;

    /** Like pyam's tutorial file: several models and scenarios in one file. */
    private static final String PYAM = """
            Model,Scenario,Region,Variable,Unit,2010,2020
            AIM,CD-LINKS_NPi,World,Primary Energy,EJ/yr,500,550
            AIM,CD-LINKS_NoPolicy,World,Primary Energy,EJ/yr,500,600
            MESSAGE,CD-LINKS_NPi,World,Primary Energy,EJ/yr,480,530
            MESSAGE,CD-LINKS_NoPolicy,World,Primary Energy,EJ/yr,480,590
            """;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private Scenario scenario(String exogenousBody) throws Exception {
        Path s = write("s.yaml", "name: s\nregions: [World]\nexogenous:\n  Primary Energy:\n" + exogenousBody);
        return ScenarioParser.parse(s);
    }

    @Test
    void aFileOfSeveralModelsAndScenariosNeedsAChoiceAndListsThem() throws Exception {
        write("pyam.csv", PYAM);
        String m = assertThrows(ScenarioException.class, () -> scenario("    file: pyam.csv\n")).getMessage();
        assertTrue(m.contains("the file holds 2 models (AIM, MESSAGE) and 2 scenarios (CD-LINKS_NPi, CD-LINKS_NoPolicy); "
                + "say which with 'model:' and 'scenario:' under the exogenous entry"), m);
        m = assertThrows(ScenarioException.class, () -> scenario("    file: pyam.csv\n    scenario: CD-LINKS_NPi\n")).getMessage();
        assertTrue(m.contains("say which with 'model:' under"), m);
        m = assertThrows(ScenarioException.class, () -> scenario("    file: pyam.csv\n    model: GCAM\n    scenario: CD-LINKS_NPi\n")).getMessage();
        assertTrue(m.contains("no rows of model 'GCAM'; the file has AIM, MESSAGE"), m);
        Scenario s = scenario("    file: pyam.csv\n    model: MESSAGE\n    scenario: CD-LINKS_NoPolicy\n");
        assertEquals(590, s.exogenous().get("Primary Energy").values().forRegion("World").valueAt(2020));
        assertEquals("EJ/yr", s.exogenous().get("Primary Energy").unit());
    }

    @Test
    void selectionKeysNeedAFile() {
        String m = assertThrows(ScenarioException.class, () -> scenario("    unit: EJ/yr\n    values: 1\n    model: X\n")).getMessage();
        assertTrue(m.contains("'model:' applies only with 'file:'"), m);
    }

    @Test
    void aCsvWithAUtf8ByteOrderMarkLoads() throws Exception {
        byte[] body = "Model,Scenario,Region,Variable,Unit,2024\nM,S,World,Primary Energy,EJ/yr,600\n".getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xef;
        bom[1] = (byte) 0xbb;
        bom[2] = (byte) 0xbf;
        System.arraycopy(body, 0, bom, 3, body.length);
        Files.write(dir.resolve("excel.csv"), bom);
        assertEquals(600, scenario("    file: excel.csv\n").exogenous().get("Primary Energy").values().forRegion("World").valueAt(2024));
    }

    private static final String R5 = """
            Model,Scenario,Region,Variable,Unit,2020,2030
            M,S,R5ASIA,Primary Energy,EJ/yr,200,260
            M,S,R5LAM,Primary Energy,EJ/yr,40,
            M,S,R5MAF,Primary Energy,EJ/yr,50,60
            M,S,R5OECD90+EU,Primary Energy,EJ/yr,230,220
            M,S,R5REF,Primary Energy,EJ/yr,50,50
            M,S,R5ASIA,Price|Electricity,USD/MWh,80,70
            M,S,R5LAM,Price|Electricity,USD/MWh,90,85
            """;

    @Test
    void regionsAreMappedAndSummed() throws Exception {
        write("r5.csv", R5);
        write("r5.yaml", "OECD: [R5OECD90+EU]\nRest: [R5ASIA, R5LAM, R5MAF, R5REF]\n");
        Path s = write("s.yaml", "name: s\nregions: [OECD, Rest]\nexogenous:\n  Primary Energy:\n    file: r5.csv\n    regions: r5.yaml\n");
        Scenario sc = ScenarioParser.parse(s);
        var v = sc.exogenous().get("Primary Energy").values();
        assertEquals(230, v.forRegion("OECD").valueAt(2020));
        assertEquals(200 + 40 + 50 + 50, v.forRegion("Rest").valueAt(2020));
        assertEquals(260 + 40 + 60 + 50, v.forRegion("Rest").valueAt(2030), "R5LAM has no 2030: flat after its last point");
        assertEquals(null, v.forRegion("R5ASIA"), "unmapped file regions are left out");
    }

    @Test
    void ratiosAreNotSummedAndMissingRegionsAreNamed() throws Exception {
        write("r5.csv", R5);
        write("rename.yaml", "Asia: [R5ASIA]\n");
        write("sum.yaml", "Asia: [R5ASIA, R5LAM]\n");
        write("missing.yaml", "Asia: [R5ASIA, R5CHN]\n");
        write("twice.yaml", "Asia: [R5ASIA]\nMore: [R5LAM, R5ASIA]\n");
        String head = "name: s\nregions: [Asia]\nexogenous:\n  Price|Electricity:\n    file: r5.csv\n    regions: ";
        assertEquals(80, ScenarioParser.parse(write("a.yaml", head + "rename.yaml\n")).exogenous().get("Price|Electricity")
                .values().forRegion("Asia").valueAt(2020));
        String m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(write("b.yaml", head + "sum.yaml\n"))).getMessage();
        assertTrue(m.contains("is in 'USD/MWh', not an amount, so regions cannot be summed into 'Asia'"), m);
        m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(write("c.yaml", head + "missing.yaml\n"))).getMessage();
        assertTrue(m.contains("the file has no 'Price|Electricity' for R5CHN"), m);
        m = assertThrows(ScenarioException.class, () -> ScenarioParser.parse(write("d.yaml", head + "twice.yaml\n"))).getMessage();
        assertTrue(m.contains("twice.yaml:2:15: data-file region 'R5ASIA' feeds both 'Asia' and 'More'"), m);
        assertTrue(IamcCsvReader.extensive("TWh/yr") && IamcCsvReader.extensive("Mt CO2/yr") && IamcCsvReader.extensive("GW")
                && !IamcCsvReader.extensive("%") && !IamcCsvReader.extensive("USD/MWh") && !IamcCsvReader.extensive("kg/MWh/yr"));
    }

    @Test
    void anEndlessFileFailsFastNamingTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (!Files.exists(zero)) return;
        String m = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(ScenarioException.class, () -> IamcCsvReader.read(zero, "V", null)).getMessage());
        assertEquals("/dev/zero: larger than the limit of 64 MiB for a data file; use a smaller file", m);
    }

    @Test
    void noMessageQuotesMoreThanAShortPieceOfTheFile() throws Exception {
        String secret = "root:x:0:0:SECRET-abcdefghijklmnopqrstuvwxyz-0123456789-SECRET-TAIL";
        Path f = write("secret.csv", secret + "\n" + secret + "\n");
        String m = assertThrows(ScenarioException.class, () -> IamcCsvReader.read(f, "V", null)).getMessage();
        assertFalse(m.contains("SECRET-TAIL") || m.contains("0123456789"), m);
        Path g = write("cells.csv", "Model,Scenario,Region,Variable,Unit,2024\nM,S,World,V,TWh,\u001b]0;" + secret + "\n");
        m = assertThrows(ScenarioException.class, () -> IamcCsvReader.read(g, "V", null)).getMessage();
        assertTrue(m.contains("control character U+001B"), m);
        Path h = write("cells2.csv", "Model,Scenario,Region,Variable,Unit,2024\nM,S,World,V,TWh," + secret + "\n");
        m = assertThrows(ScenarioException.class, () -> IamcCsvReader.read(h, "V", null)).getMessage();
        assertTrue(m.contains("'root:x:0:0:SECRET-abcdefghijklmnopqrstuv...' in column 2024 is not a number"), m);
        assertFalse(m.contains("SECRET-TAIL"), m);
        Path units = write("units.csv", "Model,Scenario,Region,Variable,Unit,2024\nM,S,A,V,TWh,1\nM,S,B,V," + secret + ",1\n");
        m = assertThrows(ScenarioException.class, () -> IamcCsvReader.read(units, "V", null)).getMessage();
        assertFalse(m.contains("SECRET-TAIL"), m);
    }

    // ---------------------------------------------------------------- Access.REMOTE

    private ScenarioService remote() {
        return new ScenarioService(List::of, dir, ScenarioService.Access.REMOTE);
    }

    private String remoteError(String file) {
        return assertThrows(ScenarioException.class, () -> remote().parse(
                "name: s\nregions: [World]\nexogenous:\n  Primary Energy:\n    file: " + file + "\n", "request")).getMessage();
    }

    @Test
    void overHttpDataFilesMustBeInsideTheWorkspace() throws Exception {
        write("data/pe.csv", "Model,Scenario,Region,Variable,Unit,2024\nM,S,World,Primary Energy,EJ/yr,600\n");
        Scenario s = remote().parse("name: s\nregions: [World]\nexogenous:\n  Primary Energy:\n    file: data/pe.csv\n", "request");
        assertEquals(600, s.exogenous().get("Primary Energy").values().forRegion("World").valueAt(2024));
        String m = remoteError("/etc/passwd");
        assertTrue(m.startsWith("request:5:11: exogenous Primary Energy: '/etc/passwd' is an absolute path"), m);
        assertFalse(m.contains("root:"), m);
        assertTrue(remoteError("../outside.csv").contains("'../outside.csv' leaves the folder with '..'"));
        assertTrue(remoteError("data/../../x.csv").contains("leaves the folder"));
        assertTrue(remoteError("/proc/self/environ").contains("is an absolute path"));
        Path outside = Files.createTempFile("etw-outside", ".csv");
        try {
            Files.writeString(outside, "Model,Scenario,Region,Variable,Unit,2024\nM,S,World,Primary Energy,EJ/yr,1\n");
            Files.createSymbolicLink(dir.resolve("link.csv"), outside);
            assertTrue(remoteError("link.csv").contains("'link.csv' is a link to a file outside the workspace"), remoteError("link.csv"));
            Files.createSymbolicLink(dir.resolve("linkdir"), outside.getParent());
            assertTrue(remoteError("linkdir/" + outside.getFileName()).contains("outside the workspace"));
        } finally {
            Files.deleteIfExists(outside);
        }
        ScenarioService local = new ScenarioService(List::of, dir, ScenarioService.Access.LOCAL);
        assertEquals(600, local.parse("name: s\nregions: [World]\nexogenous:\n  Primary Energy:\n    file: " + dir.resolve("data/pe.csv")
                + "\n", "typed").exogenous().get("Primary Energy").values().forRegion("World").valueAt(2024), "LOCAL reads what the user names");
    }
}
