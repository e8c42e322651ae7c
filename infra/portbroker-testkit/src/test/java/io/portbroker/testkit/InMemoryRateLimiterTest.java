package io.portbroker.testkit;

import io.portbroker.core.limits.RateLimiter;
import io.portbroker.core.testing.InMemoryRateLimiter;
import io.portbroker.testkit.contract.RateLimiterContract;

class InMemoryRateLimiterTest extends RateLimiterContract {
    @Override
    protected RateLimiter newLimiter() {
        return new InMemoryRateLimiter();
    }
}
