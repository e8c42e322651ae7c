package io.portbroker.core.resilience;

import java.time.Duration;

/**
 * How a request may be retried.
 *
 * @param maxAttempts attempts per request, the first included (retries, failovers and hedges all count)
 * @param baseBackoff the first backoff ceiling; it doubles per retry on the same target
 * @param maxBackoff the largest backoff ceiling
 * @param retryAfterCap the longest upstream {@code Retry-After} the gateway waits out itself; a longer one fails
 *     the attempt over (or reaches the client)
 * @param budgetRatio retries allowed as a fraction of recent requests (0.2 = one retry per five requests)
 * @param budgetMinPerSecond retries always allowed per second, so a quiet gateway can still retry
 * @param budgetWindow how far back "recent" reaches
 * @param totalDeadline the longest one client request may take over all its attempts before the first byte
 */
public record RetrySettings(
        int maxAttempts,
        Duration baseBackoff,
        Duration maxBackoff,
        Duration retryAfterCap,
        double budgetRatio,
        int budgetMinPerSecond,
        Duration budgetWindow,
        Duration totalDeadline) {

    public RetrySettings {
        if (maxAttempts < 1 || budgetRatio < 0 || budgetMinPerSecond < 0) {
            throw new IllegalArgumentException("maxAttempts >= 1, budget ratio and minimum >= 0");
        }
        requirePositive(baseBackoff, maxBackoff, retryAfterCap, budgetWindow, totalDeadline);
    }

    /** 3 attempts, 100 ms doubling to 2 s, Retry-After waited out up to 10 s, budget 20 % + 5/s over 10 s. */
    public static RetrySettings ofDefaults() {
        return new RetrySettings(
                3,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofSeconds(10),
                0.2,
                5,
                Duration.ofSeconds(10),
                Duration.ofMinutes(2));
    }

    /** A copy whose requests may make {@code value} attempts (at least one), the other settings kept. */
    public RetrySettings withMaxAttempts(int value) {
        return new RetrySettings(
                Math.max(1, value),
                baseBackoff,
                maxBackoff,
                retryAfterCap,
                budgetRatio,
                budgetMinPerSecond,
                budgetWindow,
                totalDeadline);
    }

    static void requirePositive(Duration... durations) {
        for (Duration d : durations) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }
}
