package io.portbroker.core.resilience;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff and Jitter"): the wait is
 * uniform in {@code [0, min(cap, base * 2^retry))}, which spreads the retries of many clients instead of
 * synchronising them into waves. An upstream {@code Retry-After} is a floor on the wait.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final RandomGenerator random;

    public Backoff(Duration base, Duration cap, RandomGenerator random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /**
     * The wait before retry number {@code retry} (0 for the first retry).
     *
     * @param retryAfter the upstream's Retry-After (already capped), or zero
     */
    public Duration delay(int retry, Duration retryAfter) {
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(retry, 30));
        long jitter = ceiling <= 0 ? 0 : random.nextLong(ceiling + 1);
        return Duration.ofMillis(Math.max(jitter, retryAfter.toMillis()));
    }
}
