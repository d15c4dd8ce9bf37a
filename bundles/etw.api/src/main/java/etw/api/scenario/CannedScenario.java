package etw.api.scenario;

import java.net.URL;
import java.util.Objects;

/**
 * A scenario shipped inside a bundle, found through a {@link ScenarioLibrary}.
 *
 * @param name     what users type: {@code etw run baseline}
 * @param title    one line for listings
 * @param location the scenario file (YAML), typically a bundle resource
 */
public record CannedScenario(String name, String title, URL location) {
    public CannedScenario {
        Objects.requireNonNull(name);
        Objects.requireNonNull(title);
        Objects.requireNonNull(location);
    }
}
