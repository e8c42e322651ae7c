package io.portbroker.core.overload;

/**
 * How much data-plane work one server takes on at once.
 *
 * @param maxInFlight data-plane requests admitted at once, counted from arrival until the response starts (a
 *     stream stops counting once its first byte is committed: an open stream waiting on the provider costs memory,
 *     not CPU). Size it from the harness: past the concurrency where throughput stops growing, more admitted work
 *     only adds queueing delay (bench/run-perf.sh)
 * @param retryAfterSeconds the {@code retry-after} sent with a refusal
 * @param maxBodyBytesInFlight request-body bytes (declared lengths) worked on at once by the local server; a body
 *     that does not fit next to the others is refused with 529 before it is buffered ({@link BodyBudget}). Each
 *     buffered body costs several times its size in heap while it is decoded and re-encoded; size it from the heap
 *     (bench/run-perf.sh's large-body step)
 */
public record OverloadSettings(int maxInFlight, long retryAfterSeconds, long maxBodyBytesInFlight) {
    /** The default body budget: two 32 MB bodies at once. */
    public static final long DEFAULT_MAX_BODY_BYTES_IN_FLIGHT = 64L * 1024 * 1024;

    /**
     * @throws IllegalArgumentException when {@code maxInFlight} or the body budget is not positive or retry-after
     *     is negative
     */
    public OverloadSettings {
        if (maxBodyBytesInFlight <= 0) {
            throw new IllegalArgumentException("overload max-body-bytes-in-flight must be positive");
        }
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("overload max-in-flight must be positive");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("overload retry-after must not be negative");
        }
    }

    /** 256 requests in flight, retry after 1 s, 64 MB of bodies. */
    public static OverloadSettings ofDefaults() {
        return new OverloadSettings(256, 1, DEFAULT_MAX_BODY_BYTES_IN_FLIGHT);
    }

    /** These settings with another in-flight bound. */
    public OverloadSettings withMaxInFlight(int value) {
        return new OverloadSettings(value, retryAfterSeconds, maxBodyBytesInFlight);
    }

    /** These settings with another retry-after. */
    public OverloadSettings withRetryAfterSeconds(long value) {
        return new OverloadSettings(maxInFlight, value, maxBodyBytesInFlight);
    }

    /** These settings with another body budget. */
    public OverloadSettings withMaxBodyBytesInFlight(long value) {
        return new OverloadSettings(maxInFlight, retryAfterSeconds, value);
    }
}
