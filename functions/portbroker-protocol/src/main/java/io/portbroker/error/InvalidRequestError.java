package io.portbroker.error;

/** The client's request is malformed or cannot be served as asked (400). */
public final class InvalidRequestError extends GatewayException {
    public InvalidRequestError(String message) {
        super(ErrorCategory.INVALID_REQUEST, message, false);
    }
}
