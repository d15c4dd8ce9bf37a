package etw.engine;

/** A scenario cannot be wired to the installed models; the message says what, where and how to fix it. */
public class WiringException extends Exception {
    private static final long serialVersionUID = 1L;

    public WiringException(String message) {
        super(message);
    }
}
