package io.portbroker.core.overload;

/**
 * How much data-plane work one server takes on at once.
 *
 * @param maxInFlight data-plane requests admitted at once, counted from arrival until the response starts (a
 *     stream stops counting once its first byte is committed: an open stream waiting on the provider costs memory,
 *     not CPU). Size it from the harness: past the concurrency where throughput stops growing, more admitted work
 *     only adds queueing delay (bench/run-perf.sh)
 * @param retryAfterSeconds the {@code retry-after} sent with a refusal
 */
public record OverloadSettings(int maxInFlight, long retryAfterSeconds) {

    /** @throws IllegalArgumentException when {@code maxInFlight} is not positive or retry-after is negative */
    public OverloadSettings {
        if (maxInFlight <= 0) {
            throw new IllegalArgumentException("overload max-in-flight must be positive");
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("overload retry-after must not be negative");
        }
    }

    /** 256 requests in flight, retry after 1 s. */
    public static OverloadSettings ofDefaults() {
        return new OverloadSettings(256, 1);
    }
}
