package io.portbroker.core.cache;

import java.time.Instant;
import java.util.Optional;

/**
 * Port: a shared cache tier that keeps opaque bytes by key until they expire (DynamoDB for L2, S3 for L3, an
 * in-memory fake for tests). Implementations must not return an item whose expiry has passed at {@code now},
 * even if their own expiry (DynamoDB TTL, S3 lifecycle) has not removed it yet. Failures throw; the tier wrapper
 * turns them into misses and counts them.
 */
public interface CacheStore {

    /** The bytes under {@code key}, unless absent or expired at {@code now}. */
    Optional<byte[]> get(String key, Instant now);

    /** Stores (or replaces) {@code value} under {@code key} until {@code expiresAt}. */
    void put(String key, byte[] value, Instant expiresAt);

    /** Removes {@code key}; absent keys are fine. */
    void delete(String key);
}
