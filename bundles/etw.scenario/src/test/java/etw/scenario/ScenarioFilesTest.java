package etw.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import etw.api.scenario.Scenario;

/** The {@code with:} key, and the files a scenario was read from with the SHA-256 of their bytes. */
class ScenarioFilesTest {
    @TempDir
    Path dir;

    private static String sha(Path f) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    @Test
    void withNamesModelsThatJoin() throws Exception {
        Scenario s = ScenarioParser.parse("name: w\nregions: [World]\nwith: [org.example.heatpumps, org.example.h2]\n", "w.yaml");
        assertEquals(List.of("org.example.heatpumps", "org.example.h2"), s.with());
        ScenarioParser.ParentResolver parent = (n, of) -> java.util.Optional.of(new ScenarioParser.Source(
                "name: p\nregions: [World]\nwith: [a]\n", "p.yaml"));
        assertEquals(List.of("a"), ScenarioParser.parse("name: v\nextends: p\n", "v.yaml", parent).with(), "inherited");
        assertEquals(List.of("b"), ScenarioParser.parse("name: v\nextends: p\nwith: [b]\n", "v.yaml", parent).with(), "replaced");
    }

    @Test
    void everyFileReadIsHashed() throws Exception {
        Path csv = dir.resolve("h2.csv");
        Files.writeString(csv, "Model,Scenario,Region,Variable,Unit,2024,2050\nM,S,World,H2,TWh/yr,1,27\nM,S,World,H3,TWh/yr,2,3\n");
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "Earth: [World]\n");
        Path parent = dir.resolve("parent.yaml");
        Files.writeString(parent, "name: parent\nregions: [World]\nexogenous:\n  H2:\n    file: h2.csv\n");
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "name: child\nextends: parent.yaml\nregions: [Earth]\nexogenous:\n  H3:\n    file: h2.csv\n"
                + "    regions: map.yaml\n  H2:\n    unit: TWh/yr\n    values: 1\n");
        Scenario s = new ScenarioService(List::of, null, ScenarioService.Access.LOCAL).load(child.toString());
        assertEquals(Map.of(child.toString(), sha(child), parent.toString(), sha(parent), csv.toString(), sha(csv),
                map.toString(), sha(map)), s.files());
    }
}
