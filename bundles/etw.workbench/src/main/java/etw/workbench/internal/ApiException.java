package etw.workbench.internal;

/** A request the API refuses: the HTTP status (always 4xx) and one message for people. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
        super(message);
        if (status < 400 || status > 499) throw new IllegalArgumentException("an API error is a 4xx, got " + status);
        this.status = status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The request is well-formed but its scenario cannot be parsed, wired or run. */
    static ApiException unprocessable(String message) {
        return new ApiException(422, message);
    }

    int status() {
        return status;
    }
}
