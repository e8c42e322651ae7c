package io.portbroker.error;

/**
 * Failure categories in PortBroker's own terms, each with a dialect-neutral HTTP status and a retry policy. How a
 * category is named on the wire (Anthropic's {@code overloaded_error} and 529, OpenAI's {@code server_error} and
 * 503, ...) is decided by each client dialect's codec, never here.
 */
public enum ErrorCategory {
    INVALID_REQUEST(400, false),
    AUTHENTICATION(401, false),
    BILLING(402, false),
    PERMISSION(403, false),
    NOT_FOUND(404, false),
    /** An edit based on a version that is no longer in force (admin API optimistic concurrency). */
    CONFLICT(409, false),
    REQUEST_TOO_LARGE(413, false),
    RATE_LIMITED(429, true),
    INTERNAL(500, false),
    PROVIDER_AUTH(502, false),
    PROVIDER_CONNECTION(502, true),
    PROVIDER_SERVER(502, true),
    PROVIDER_TIMEOUT(504, true),
    /** Every eligible provider is overloaded: 503 in neutral HTTP terms (Anthropic's codec says 529). */
    OVERLOADED(503, true),
    CANCELLED(499, false);

    private final int httpStatus;
    private final boolean retriable;

    ErrorCategory(int httpStatus, boolean retriable) {
        this.httpStatus = httpStatus;
        this.retriable = retriable;
    }

    /** The neutral HTTP status; a client dialect may render another one (see its codec). */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean retriable() {
        return retriable;
    }
}
