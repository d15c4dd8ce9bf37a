package etw.scenario;

/** No scenario has the name asked for (a CLI usage error, an HTTP 404); the message lists what there is. */
public class ScenarioNotFoundException extends ScenarioException {
    private static final long serialVersionUID = 1L;

    public ScenarioNotFoundException(String message) {
        super(message);
    }
}
