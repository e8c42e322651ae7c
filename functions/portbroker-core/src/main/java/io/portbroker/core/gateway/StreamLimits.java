package io.portbroker.core.gateway;

/**
 * Memory bounds of one upstream stream (seed §2.2).
 *
 * @param maxStreamBytes upstream bytes one stream may accumulate; past it the stream ends with an in-stream
 *     {@code error} event saying {@code stream truncated}, the upstream is cancelled and
 *     {@code stream_truncate_events} counts it
 * @param maxSseEventBytes the largest single SSE line or event accepted from a provider; past it the stream fails
 *     cleanly (a 502 before the first event, an in-stream error after)
 */
public record StreamLimits(long maxStreamBytes, int maxSseEventBytes) {
    /** 8 MiB per stream, as the seed asks. */
    public static final long DEFAULT_MAX_STREAM_BYTES = 8L * 1024 * 1024;

    /** 2 MiB per event: far above any real chunk (at most a whole tool call's arguments arrive in one). */
    public static final int DEFAULT_MAX_SSE_EVENT_BYTES = 2 * 1024 * 1024;

    /**
     * @throws IllegalArgumentException when a limit is not positive, or one event may exceed the whole stream
     */
    public StreamLimits {
        if (maxStreamBytes < 1 || maxSseEventBytes < 1) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
        if (maxSseEventBytes > maxStreamBytes) {
            throw new IllegalArgumentException("one SSE event may not exceed the whole stream limit");
        }
    }

    public static StreamLimits ofDefaults() {
        return new StreamLimits(DEFAULT_MAX_STREAM_BYTES, DEFAULT_MAX_SSE_EVENT_BYTES);
    }
}
