package etw.engine;

/** A run failed because a model misbehaved; the message names the model, the year and, where known, the variable. */
public class RunException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String modelId;
    private final int year;

    public RunException(String modelId, int year, String message, Throwable cause) {
        super(message, cause);
        this.modelId = modelId;
        this.year = year;
    }

    public String modelId() {
        return modelId;
    }

    public int year() {
        return year;
    }
}
