package io.portbroker.testkit;

import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.limits.RateLimiter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RateLimiter} in a map; each check-and-count is atomic per window, like the conditional update. */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Map<String, WindowCount> windows = new ConcurrentHashMap<>();

    @Override
    public boolean tryAcquire(String keyId, Instant windowStart, KeyLimits limits, long tokens) {
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
