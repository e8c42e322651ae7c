package io.portbroker.core.keys;

import java.time.Duration;

/**
 * How long an authenticated key's record is trusted in one container, and when it is re-read ahead of that.
 *
 * @param ttl how long a record read from the store is used; a revocation made in another container is seen
 *     within this time, never later (zero: every request reads the store)
 * @param refreshAhead how long before {@code ttl} ends the next request re-reads the record, so a busy key never
 *     reaches a miss; a failed re-read keeps the still-valid entry until {@code ttl}
 * @param maxEntries entries kept before the cache is emptied (a bound on memory, not an LRU)
 */
public record KeyCacheSettings(Duration ttl, Duration refreshAhead, int maxEntries) {

    /**
     * @throws IllegalArgumentException when a duration is negative, {@code refreshAhead} exceeds {@code ttl}, or
     *     {@code maxEntries} is not positive
     */
    public KeyCacheSettings {
        if (ttl == null || ttl.isNegative()) {
            throw new IllegalArgumentException("key cache ttl must be zero or positive");
        }
        if (refreshAhead == null || refreshAhead.isNegative() || refreshAhead.compareTo(ttl) > 0) {
            throw new IllegalArgumentException("key cache refresh-ahead must be between zero and the ttl");
        }
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("key cache max entries must be positive");
        }
    }

    /** Five seconds, refreshed during the last second, 10,000 entries. */
    public static KeyCacheSettings ofDefaults() {
        return ofTtl(Duration.ofSeconds(5));
    }

    /** The given ttl, refreshed during its last fifth, 10,000 entries. */
    public static KeyCacheSettings ofTtl(Duration ttl) {
        return new KeyCacheSettings(ttl, ttl.dividedBy(5), 10_000);
    }
}
