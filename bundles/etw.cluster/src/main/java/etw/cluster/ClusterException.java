package etw.cluster;

/** The cluster could not run the work: the message names what, where, and how to fix it. */
public class ClusterException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
