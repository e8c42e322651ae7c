package io.portbroker.error;

/** Every eligible provider is overloaded or unavailable (529). */
public final class OverloadedError extends GatewayException {
    public OverloadedError(String message) {
        super(ErrorCategory.OVERLOADED, message, false);
    }
}
