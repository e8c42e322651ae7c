package io.portbroker.error;

/** The upstream did not answer in time (connect, first token, idle gap or total). */
public final class ProviderTimeoutError extends GatewayException {
    public ProviderTimeoutError(String message) {
        super(ErrorCategory.PROVIDER_TIMEOUT, message, false);
    }
}
