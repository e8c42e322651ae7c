package io.portbroker.error;

/** The request body exceeds the configured limit (413). */
public final class RequestTooLargeError extends GatewayException {
    public RequestTooLargeError(String message) {
        super(ErrorCategory.REQUEST_TOO_LARGE, message, false);
    }
}
