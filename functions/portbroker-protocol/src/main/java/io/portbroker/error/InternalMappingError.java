package io.portbroker.error;

/** A translation bug: the gateway produced or met something it cannot map (500). */
public final class InternalMappingError extends GatewayException {
    public InternalMappingError(String message) {
        super(ErrorCategory.INTERNAL, message, true);
    }
}
