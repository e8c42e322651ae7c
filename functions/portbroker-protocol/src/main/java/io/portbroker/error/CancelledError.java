package io.portbroker.error;

/** The client went away; the upstream call was cancelled. */
public final class CancelledError extends GatewayException {
    public CancelledError(String message) {
        super(ErrorCategory.CANCELLED, message, false);
    }
}
