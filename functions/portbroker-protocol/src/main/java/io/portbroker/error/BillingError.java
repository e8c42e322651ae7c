package io.portbroker.error;

/** The upstream refused for quota or billing reasons (402). */
public final class BillingError extends GatewayException {
    public BillingError(String message) {
        super(ErrorCategory.BILLING, message, false);
    }
}
