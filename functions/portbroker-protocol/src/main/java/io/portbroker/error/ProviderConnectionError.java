package io.portbroker.error;

/** The upstream could not be reached or dropped the connection. */
public final class ProviderConnectionError extends GatewayException {
    public ProviderConnectionError(String message) {
        super(ErrorCategory.PROVIDER_CONNECTION, message, false);
    }
}
