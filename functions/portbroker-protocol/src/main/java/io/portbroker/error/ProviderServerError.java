package io.portbroker.error;

/** The upstream answered with a server error (5xx). */
public final class ProviderServerError extends GatewayException {
    public ProviderServerError(String message) {
        super(ErrorCategory.PROVIDER_SERVER, message, false);
    }
}
