package io.portbroker.error;

/** Missing, unknown, expired or revoked client key (401). */
public final class AuthenticationError extends GatewayException {
    public AuthenticationError(String message) {
        super(ErrorCategory.AUTHENTICATION, message, false);
    }
}
