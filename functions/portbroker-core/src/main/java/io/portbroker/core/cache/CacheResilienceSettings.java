package io.portbroker.core.cache;

import java.time.Duration;

/**
 * The cache's answers to an outage and to a fleet: serving an expired answer when the provider fails
 * (stale-if-error) and a cross-container single-flight lease. Both are off by default (docs/cache.md says why).
 *
 * @param staleGrace how long after its expiry an entry is retained and may still be served, marked {@code stale},
 *     when every attempt upstream failed; zero: never
 * @param lease how long a container that goes upstream for a key holds its lease in L2 (other containers missing
 *     the same key wait for its answer instead of calling upstream too); zero: no lease
 * @param leaseWait the longest a container waits for another container's answer before calling upstream itself
 * @param leasePoll how often a waiting container reads L2 for that answer
 */
public record CacheResilienceSettings(Duration staleGrace, Duration lease, Duration leaseWait, Duration leasePoll) {

    /**
     * @throws IllegalArgumentException when a duration is negative, the poll is not positive while a lease is on,
     *     or the grace exceeds a week
     */
    public CacheResilienceSettings {
        require(staleGrace != null && !staleGrace.isNegative(), "stale grace must not be negative");
        require(staleGrace.compareTo(Duration.ofDays(7)) <= 0, "stale grace is at most a week");
        require(
                lease != null && !lease.isNegative() && lease.compareTo(Duration.ofMinutes(10)) <= 0,
                "lease must be within 0..10 minutes");
        require(leaseWait != null && !leaseWait.isNegative(), "lease wait must not be negative");
        require(leasePoll != null && !leasePoll.isNegative() && !leasePoll.isZero(), "lease poll must be positive");
    }

    /** Off: no stale answers, no lease (a 30 s lease, 10 s wait and 50 ms poll once a lease is set). */
    public static CacheResilienceSettings ofDefaults() {
        return new CacheResilienceSettings(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10), Duration.ofMillis(50));
    }

    /** Whether stale-if-error is on. */
    public boolean staleEnabled() {
        return !staleGrace.isZero();
    }

    /** Whether the cross-container lease is on. */
    public boolean leaseEnabled() {
        return !lease.isZero();
    }

    /** A copy with another grace. */
    public CacheResilienceSettings withStaleGrace(Duration grace) {
        return new CacheResilienceSettings(grace, lease, leaseWait, leasePoll);
    }

    /** A copy with another lease and wait. */
    public CacheResilienceSettings withLease(Duration newLease, Duration wait) {
        return new CacheResilienceSettings(staleGrace, newLease, wait, leasePoll);
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
