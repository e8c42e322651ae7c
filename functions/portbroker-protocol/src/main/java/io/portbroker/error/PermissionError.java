package io.portbroker.error;

/** The key is valid but lacks the scope for this operation (403). */
public final class PermissionError extends GatewayException {
    public PermissionError(String message) {
        super(ErrorCategory.PERMISSION, message, false);
    }
}
