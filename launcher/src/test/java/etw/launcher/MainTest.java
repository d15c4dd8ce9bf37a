package etw.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class MainTest {
    private static final Path CWD = Path.of("/home/ada/project");

    @Test
    void theWorkspaceIsTheScenariosFolderOfTheCurrentDirectoryByDefault() {
        Main.Options o = Main.Options.parse(new String[] {"run", "baseline"}, CWD);
        assertEquals(Path.of("/home/ada/project/scenarios"), o.workspace());
        assertEquals(List.of("run", "baseline"), o.args());
    }

    @Test
    void workspaceIsAGlobalOptionTakenOutOfTheArguments() {
        Main.Options o = Main.Options.parse(new String[] {"--workspace", "mine", "run", "baseline", "--out", "x"}, CWD);
        assertEquals(Path.of("/home/ada/project/mine"), o.workspace());
        assertEquals(List.of("run", "baseline", "--out", "x"), o.args());

        o = Main.Options.parse(new String[] {"workbench", "--port", "0", "--workspace=/srv/etw/../scenarios"}, CWD);
        assertEquals(Path.of("/srv/scenarios"), o.workspace());
        assertEquals(List.of("workbench", "--port", "0"), o.args());
    }

    @Test
    void aWorkspaceWithoutAFolderOrGivenTwiceIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"run", "x", "--workspace"}, CWD));
        assertThrows(IllegalArgumentException.class, () -> Main.Options.parse(new String[] {"--workspace=", "run"}, CWD));
        assertThrows(IllegalArgumentException.class,
                () -> Main.Options.parse(new String[] {"--workspace", "a", "--workspace", "b", "run"}, CWD));
    }
}
