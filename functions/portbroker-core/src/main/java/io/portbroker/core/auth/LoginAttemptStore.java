package io.portbroker.core.auth;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: failed-login counters shared by every replica (DynamoDB in production, memory in tests). Keys are opaque
 * strings chosen by {@link LoginThrottle} (hashes, never raw usernames or addresses).
 */
public interface LoginAttemptStore {

    /**
     * Atomically adds one failure at {@code now}. A counter whose {@code forgetAt} has passed starts again at
     * one. Concurrent calls never lose a failure.
     *
     * @param forgetAt when the counter may be dropped if no further failure happens
     * @return the counter after this failure
     */
    FailedAttempts recordFailure(String key, Instant now, Instant forgetAt);

    /** The counter, or empty when there is none or its {@code forgetAt} is not after {@code now}. */
    Optional<FailedAttempts> find(String key, Instant now);

    /** Drops the counter (after a successful login). */
    void clear(String key);
}
