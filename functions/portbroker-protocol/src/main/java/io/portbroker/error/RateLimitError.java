package io.portbroker.error;

/** Too many requests, from a per-key limit or passed on from an upstream 429 (429). */
public final class RateLimitError extends GatewayException {
    private final long retryAfterSeconds;

    public RateLimitError(String message, long retryAfterSeconds) {
        super(ErrorCategory.RATE_LIMITED, message, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
