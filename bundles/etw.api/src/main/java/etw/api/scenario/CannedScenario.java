package etw.api.scenario;

import java.net.URL;
import java.util.Objects;

/**
 * A scenario shipped inside a bundle, found through a {@link ScenarioLibrary}.
 *
 * @param name     what users type: {@code etw run baseline}
 * @param title    one line for listings
 * @param location the scenario file (YAML), typically a bundle resource
 * @param labSheet a lab sheet in Markdown (what the scenario shows, what to change, questions, sources), or null
 */
public record CannedScenario(String name, String title, URL location, URL labSheet) {
    public CannedScenario {
        Objects.requireNonNull(name);
        Objects.requireNonNull(title);
        Objects.requireNonNull(location);
    }

    /** A canned scenario without a lab sheet. */
    public CannedScenario(String name, String title, URL location) {
        this(name, title, location, null);
    }
}
