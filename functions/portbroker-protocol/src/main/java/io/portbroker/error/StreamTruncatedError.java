package io.portbroker.error;

/**
 * A stream reached the gateway's per-stream byte cap and was cut short. Reported inside the stream as an
 * {@code error} event whose message starts with {@code stream truncated}; never retried (the client already has
 * the first part of the answer).
 */
public final class StreamTruncatedError extends GatewayException {
    public StreamTruncatedError(long limitBytes) {
        super(
                ErrorCategory.INTERNAL,
                "stream truncated: the answer exceeded the gateway's limit of " + limitBytes + " bytes per stream",
                false);
    }
}
