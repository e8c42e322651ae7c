package io.portbroker.core.resilience;

import java.time.Duration;

/**
 * Circuit breaker tuning, one breaker per target. Defaults follow the research notes for LLM traffic (low volume,
 * slow calls): a 60 s window, at least 10 calls, 50 % failures, 30 s open, 2 probes.
 *
 * @param failureRateThreshold failure fraction that opens the breaker (0.5 = 50 %)
 * @param window the sliding window failures are counted over
 * @param minimumCalls calls in the window before the rate is judged at all
 * @param waitInOpen how long an open breaker rejects before letting probes through (half-open)
 * @param halfOpenProbes trial calls allowed while half-open; all must succeed to close
 * @param syncInterval how often a container reads a target's shared state from the store
 * @param stateTtl how long a shared state row outlives its last change (the store's TTL)
 */
public record BreakerSettings(
        double failureRateThreshold,
        Duration window,
        int minimumCalls,
        Duration waitInOpen,
        int halfOpenProbes,
        Duration syncInterval,
        Duration stateTtl) {

    public BreakerSettings {
        if (!(failureRateThreshold > 0 && failureRateThreshold <= 1) || minimumCalls < 1 || halfOpenProbes < 1) {
            throw new IllegalArgumentException("threshold in (0, 1], minimum calls and probes >= 1");
        }
        RetrySettings.requirePositive(window, waitInOpen, syncInterval, stateTtl);
    }

    public static BreakerSettings ofDefaults() {
        return new BreakerSettings(
                0.5, Duration.ofSeconds(60), 10, Duration.ofSeconds(30), 2, Duration.ofSeconds(2), Duration.ofHours(1));
    }
}
