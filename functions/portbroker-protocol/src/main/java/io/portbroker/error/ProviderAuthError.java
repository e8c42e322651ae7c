package io.portbroker.error;

/** The upstream rejected PortBroker's own credential: a gateway fault, never the client's 401. */
public final class ProviderAuthError extends GatewayException {
    public ProviderAuthError(String message) {
        super(ErrorCategory.PROVIDER_AUTH, message, false);
    }
}
