package io.portbroker.core.limits;

import io.portbroker.core.keys.KeyLimits;
import java.time.Instant;

/**
 * Port: fleet-wide counters of one-minute windows per key. Each acquisition must be one atomic
 * check-and-increment at the shared store (never read-then-write), so N containers racing for the last slot
 * admit exactly one.
 */
public interface RateLimiter {

    /**
     * Counts one request reserving {@code tokens} in the window, unless that would pass a limit.
     *
     * @param keyId the key
     * @param windowStart start of the one-minute window (whole minute)
     * @param limits the key's limits; a null field is not checked
     * @param tokens tokens to reserve (already capped at the token limit by the caller)
     * @return true when admitted (and counted), false when a limit would be passed (nothing counted)
     */
    boolean tryAcquire(String keyId, Instant windowStart, KeyLimits limits, long tokens);

    /**
     * Corrects the reserved tokens of a window by {@code delta} (negative when the call used less than reserved).
     * Never rejected.
     */
    void settle(String keyId, Instant windowStart, long delta);

    /** The tokens and requests counted so far in a window (for tests and the admin API). */
    WindowCount count(String keyId, Instant windowStart);

    /** Counters of one window. */
    record WindowCount(long requests, long tokens) {}
}
