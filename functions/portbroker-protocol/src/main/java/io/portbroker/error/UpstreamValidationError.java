package io.portbroker.error;

/** The upstream rejected the request as invalid (e.g. context too long); its reason is passed on. */
public final class UpstreamValidationError extends GatewayException {
    public UpstreamValidationError(String message) {
        super(ErrorCategory.INVALID_REQUEST, message, false);
    }
}
