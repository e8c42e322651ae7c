package io.portbroker.error;

/** Unknown model or resource (404). */
public final class NotFoundError extends GatewayException {
    public NotFoundError(String message) {
        super(ErrorCategory.NOT_FOUND, message, false);
    }
}
