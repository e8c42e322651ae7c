package io.portbroker.core.limits;

import io.portbroker.core.keys.KeyLimits;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** A single-container {@link RateLimiter} that counts its calls. */
class CountingLimiter implements RateLimiter {
    private final Map<String, WindowCount> windows = new HashMap<>();
    int acquisitions;
    int settled;

    @Override
    public synchronized boolean tryAcquire(String keyId, Instant windowStart, KeyLimits limits, long tokens) {
        acquisitions++;
        WindowCount c = windows.getOrDefault(keyId + windowStart, new WindowCount(0, 0));
        if ((limits.requestsPerMinute() != null && c.requests() + 1 > limits.requestsPerMinute())
                || (limits.tokensPerMinute() != null && c.tokens() + tokens > limits.tokensPerMinute())) {
            return false;
        }
        windows.put(keyId + windowStart, new WindowCount(c.requests() + 1, c.tokens() + tokens));
        return true;
    }

    @Override
    public synchronized void settle(String keyId, Instant windowStart, long delta) {
        settled++;
        WindowCount c = windows.getOrDefault(keyId + windowStart, new WindowCount(0, 0));
        windows.put(keyId + windowStart, new WindowCount(c.requests(), c.tokens() + delta));
    }

    @Override
    public synchronized WindowCount count(String keyId, Instant windowStart) {
        return windows.getOrDefault(keyId + windowStart, new WindowCount(0, 0));
    }
}
