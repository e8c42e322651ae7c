package io.portbroker.core.cache;

import java.time.Instant;

/**
 * Port: a short, expiring claim on a cache key shared by every container (DynamoDB conditional writes on the
 * cache table; an in-memory fake for tests), so that containers missing the same key at once go upstream once.
 * Failures throw; the cache treats a failing lease as no lease (the request goes upstream).
 */
public interface CacheLease {

    /**
     * Claims {@code key} for {@code owner} until {@code until}, unless another owner holds a claim that has not
     * expired at {@code now}.
     *
     * @return whether {@code owner} now holds the claim
     */
    boolean acquire(String key, String owner, Instant until, Instant now);

    /** Whether anyone holds an unexpired claim on {@code key} at {@code now}. */
    boolean held(String key, Instant now);

    /** Gives the claim up if {@code owner} still holds it; a claim of another owner is left alone. */
    void release(String key, String owner);
}
