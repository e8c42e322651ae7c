package io.portbroker.core.auth;

import java.time.Duration;

/**
 * Exponential lockout: the first {@code freeFailures} failures cost nothing; failure number {@code free + n}
 * locks the key for {@code baseLockout * 2^(n-1)}, capped at {@code maxLockout}, counted from that failure.
 *
 * @param freeFailures failures allowed before any lockout
 * @param baseLockout the first lockout
 * @param maxLockout the longest lockout
 * @param forgetAfter a counter with no new failure for this long is dropped
 */
public record ThrottlePolicy(int freeFailures, Duration baseLockout, Duration maxLockout, Duration forgetAfter) {

    /**
     * @throws IllegalArgumentException when a value is not positive or the cap is below the base
     */
    public ThrottlePolicy {
        if (freeFailures < 0
                || baseLockout.isNegative()
                || baseLockout.isZero()
                || maxLockout.compareTo(baseLockout) < 0
                || forgetAfter.compareTo(maxLockout) < 0) {
            throw new IllegalArgumentException("throttle policy needs 0 < base <= max <= forgetAfter");
        }
    }

    /** How long the key is locked after its {@code failures}-th failure. */
    public Duration lockoutAfter(long failures) {
        long over = failures - freeFailures;
        if (over <= 0) {
            return Duration.ZERO;
        }
        // 2^(over-1) overflows long past 62 doublings; the cap is reached long before
        long factor = over > 40 ? Long.MAX_VALUE : 1L << (over - 1);
        long maxFactor = maxLockout.toMillis() / baseLockout.toMillis();
        return factor >= maxFactor ? maxLockout : baseLockout.multipliedBy(factor);
    }
}
