package etw.scenario;

/** A scenario of that name is already saved and overwriting was not asked for (an HTTP 409). */
public class ScenarioExistsException extends ScenarioException {
    private static final long serialVersionUID = 1L;

    public ScenarioExistsException(String message) {
        super(message);
    }
}
