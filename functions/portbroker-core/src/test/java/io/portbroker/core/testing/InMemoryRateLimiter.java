package io.portbroker.core.testing;

import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.limits.RateLimiter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one in-memory {@link RateLimiter}: a map where each check-and-count is atomic per window, like the conditional
 * update. Counts calls so tests can see whether the limiter was consulted, and can make {@link #settle} fail.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Map<String, WindowCount> windows = new ConcurrentHashMap<>();
    private final AtomicBoolean failSettles = new AtomicBoolean();
    /** How many times {@link #tryAcquire} was called. */
    public final AtomicInteger acquisitions = new AtomicInteger();
    /** How many times {@link #settle} was called. */
    public final AtomicInteger settled = new AtomicInteger();

    /** While true, {@link #settle} throws as an unreachable counter table would. */
    public InMemoryRateLimiter failingSettles(boolean value) {
        failSettles.set(value);
        return this;
    }

    @Override
    public boolean tryAcquire(String keyId, Instant windowStart, KeyLimits limits, long tokens) {
        acquisitions.incrementAndGet();
        boolean[] admitted = {false};
        windows.compute(keyId + "#" + windowStart.getEpochSecond(), (k, c) -> {
            WindowCount current = c == null ? new WindowCount(0, 0) : c;
            boolean requestsOk = limits.requestsPerMinute() == null || current.requests() < limits.requestsPerMinute();
            boolean tokensOk =
                    limits.tokensPerMinute() == null || current.tokens() + tokens <= limits.tokensPerMinute();
            admitted[0] = requestsOk && tokensOk;
            return admitted[0] ? new WindowCount(current.requests() + 1, current.tokens() + tokens) : c;
        });
        return admitted[0];
    }

    @Override
    public void settle(String keyId, Instant windowStart, long delta) {
        settled.incrementAndGet();
        if (failSettles.get()) {
            throw new IllegalStateException("counter table unavailable (simulated)");
        }
        windows.merge(
                keyId + "#" + windowStart.getEpochSecond(),
                new WindowCount(0, delta),
                (a, b) -> new WindowCount(a.requests(), a.tokens() + b.tokens()));
    }

    @Override
    public WindowCount count(String keyId, Instant windowStart) {
        return windows.getOrDefault(keyId + "#" + windowStart.getEpochSecond(), new WindowCount(0, 0));
    }
}
