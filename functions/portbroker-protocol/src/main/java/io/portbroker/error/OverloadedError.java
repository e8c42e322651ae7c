package io.portbroker.error;

/** Every eligible provider is overloaded or unavailable (neutral 503; Anthropic clients see 529). */
public final class OverloadedError extends GatewayException {
    private final long retryAfterSeconds;

    public OverloadedError(String message) {
        this(message, -1);
    }

    /** @param retryAfterSeconds when the caller may try again (an upstream 503's Retry-After), or -1 */
    public OverloadedError(String message, long retryAfterSeconds) {
        super(ErrorCategory.OVERLOADED, message, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
