package io.portbroker.core.resilience;

import java.time.Duration;
import java.time.Instant;

/**
 * One target's breaker (closed, open, half-open), as described by resilience4j: outcomes are counted over a
 * time-based sliding window; at or past the failure-rate threshold with at least the minimum number of calls it
 * opens and rejects; after the wait it lets a few probes through (half-open), closing when all succeed and
 * opening again on any failure. Not thread-safe: {@link CircuitBreakers} guards each instance. Time comes in as
 * an argument, so tests move a clock instead of sleeping.
 */
final class CircuitBreaker {

    private static final int BUCKETS = 10;

    private final BreakerSettings settings;
    private final long bucketMillis;
    private final long[] bucketEpoch = new long[BUCKETS];
    private final int[] calls = new int[BUCKETS];
    private final int[] failures = new int[BUCKETS];
    private BreakerState state = BreakerState.CLOSED;
    private Instant openUntil = Instant.MIN;
    private int probesStarted;
    private int probesSucceeded;

    CircuitBreaker(BreakerSettings settings) {
        this.settings = settings;
        this.bucketMillis = Math.max(1, settings.window().toMillis() / BUCKETS);
    }

    BreakerState state() {
        return state;
    }

    Instant openUntil() {
        return openUntil;
    }

    /** Whether a call would be let through now, without taking a probe. */
    boolean isAvailable(Instant now) {
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> !now.isBefore(openUntil);
            case HALF_OPEN -> probesStarted < settings.halfOpenProbes();
        };
    }

    Duration unavailableFor(Instant now) {
        return state == BreakerState.OPEN && now.isBefore(openUntil) ? Duration.between(now, openUntil) : Duration.ZERO;
    }

    /** Lets a call through (taking a probe when half-open) or refuses it. */
    boolean tryAcquire(Instant now) {
        if (state == BreakerState.OPEN && !now.isBefore(openUntil)) {
            state = BreakerState.HALF_OPEN;
            probesStarted = 0;
            probesSucceeded = 0;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> probesStarted++ < settings.halfOpenProbes();
        };
    }

    /**
     * Records an outcome of a call that {@link #tryAcquire} let through.
     *
     * @return the new state
     */
    BreakerState onResult(boolean success, Instant now) {
        if (state == BreakerState.HALF_OPEN) {
            if (!success) {
                open(now);
            } else if (++probesSucceeded >= settings.halfOpenProbes()) {
                close();
            }
            return state;
        }
        if (state == BreakerState.CLOSED) {
            int bucket = bucket(now);
            calls[bucket]++;
            if (!success) {
                failures[bucket]++;
                judge(now);
            }
        }
        return state;
    }

    /** A permitted call ended without saying anything about the target's health (cancelled, client error). */
    void release() {
        if (state == BreakerState.HALF_OPEN && probesStarted > probesSucceeded) {
            probesStarted--;
        }
    }

    /** Takes over a state another container published. */
    void adopt(BreakerState shared, Instant sharedOpenUntil, Instant now) {
        if (shared == BreakerState.OPEN && now.isBefore(sharedOpenUntil) && state == BreakerState.CLOSED) {
            state = BreakerState.OPEN;
            openUntil = sharedOpenUntil;
        } else if (shared == BreakerState.CLOSED && state != BreakerState.CLOSED) {
            close();
        }
    }

    private void judge(Instant now) {
        long epoch = now.toEpochMilli() / bucketMillis;
        int total = 0;
        int failed = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketEpoch[i] > epoch - BUCKETS) {
                total += calls[i];
                failed += failures[i];
            }
        }
        if (total >= settings.minimumCalls() && failed >= settings.failureRateThreshold() * total) {
            open(now);
        }
    }

    private void open(Instant now) {
        state = BreakerState.OPEN;
        openUntil = now.plus(settings.waitInOpen());
    }

    private void close() {
        state = BreakerState.CLOSED;
        openUntil = Instant.MIN;
        java.util.Arrays.fill(calls, 0);
        java.util.Arrays.fill(failures, 0);
    }

    private int bucket(Instant now) {
        long epoch = now.toEpochMilli() / bucketMillis;
        int bucket = (int) Math.floorMod(epoch, (long) BUCKETS);
        if (bucketEpoch[bucket] != epoch) {
            bucketEpoch[bucket] = epoch;
            calls[bucket] = 0;
            failures[bucket] = 0;
        }
        return bucket;
    }
}
