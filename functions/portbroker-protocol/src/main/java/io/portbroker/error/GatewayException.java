package io.portbroker.error;

/**
 * Base of every failure PortBroker reports to a caller. The message is safe to show: it never contains prompt
 * text, key material or upstream credentials.
 */
public abstract sealed class GatewayException extends RuntimeException
        permits InvalidRequestError,
                AuthenticationError,
                PermissionError,
                NotFoundError,
                RequestTooLargeError,
                RateLimitError,
                ProviderAuthError,
                ProviderConnectionError,
                ProviderServerError,
                ProviderTimeoutError,
                UpstreamValidationError,
                OverloadedError,
                InternalMappingError,
                CancelledError,
                StreamTruncatedError,
                BillingError,
                ConflictError {

    private final ErrorCategory category;

    protected GatewayException(ErrorCategory category, String message, boolean stackTrace) {
        super(message, null, false, stackTrace);
        this.category = category;
    }

    public ErrorCategory category() {
        return category;
    }

    public int httpStatus() {
        return category.httpStatus();
    }

    public boolean retriable() {
        return category.retriable();
    }

    /** Seconds the caller should wait before retrying, or -1 when not known. */
    public long retryAfterSeconds() {
        return -1;
    }
}
