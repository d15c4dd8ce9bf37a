package etw.launcher;

/** The workbench could not start; the message says why. */
public class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
