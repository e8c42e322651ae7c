package io.portbroker.error;

/**
 * The request conflicts with the state it was based on (409): an edit sent with a version that is no longer the
 * one in force (optimistic concurrency). Read again and retry.
 */
public final class ConflictError extends GatewayException {
    public ConflictError(String message) {
        super(ErrorCategory.CONFLICT, message, false);
    }
}
