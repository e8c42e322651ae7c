package io.portbroker.error;

/** Failure categories, each with its HTTP status, Anthropic error type and retry policy. */
public enum ErrorCategory {
    INVALID_REQUEST(400, "invalid_request_error", false),
    AUTHENTICATION(401, "authentication_error", false),
    BILLING(402, "billing_error", false),
    PERMISSION(403, "permission_error", false),
    NOT_FOUND(404, "not_found_error", false),
    REQUEST_TOO_LARGE(413, "request_too_large", false),
    RATE_LIMITED(429, "rate_limit_error", true),
    INTERNAL(500, "api_error", false),
    PROVIDER_AUTH(502, "api_error", false),
    PROVIDER_CONNECTION(502, "api_error", true),
    PROVIDER_SERVER(502, "api_error", true),
    PROVIDER_TIMEOUT(504, "api_error", true),
    OVERLOADED(529, "overloaded_error", true),
    CANCELLED(499, "api_error", false);

    private final int httpStatus;
    private final String anthropicType;
    private final boolean retriable;

    ErrorCategory(int httpStatus, String anthropicType, boolean retriable) {
        this.httpStatus = httpStatus;
        this.anthropicType = anthropicType;
        this.retriable = retriable;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String anthropicType() {
        return anthropicType;
    }

    public boolean retriable() {
        return retriable;
    }
}
