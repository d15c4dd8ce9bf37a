package etw.scenario;

/** A scenario file is wrong; the message starts with {@code file:line:column} and says how to fix it. */
public class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String message) {
        super(message);
    }
}
