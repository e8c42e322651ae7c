package io.portbroker.core.settings;

import io.portbroker.core.resilience.BreakerSettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Circuit breaker settings ({@code portbroker.runtime.breaker.*}); reloadable. The configuration surface of
 * {@link BreakerSettings}, which stays the domain type of core/resilience.
 */
public record BreakerTuning(
        @Doc("Failure fraction that opens a breaker (0.5 = 50 %).") @DecimalMin("0.01") @DecimalMax("1")
        double failureRate,

        @Doc("Sliding window failures are counted over.") @DurationRange(min = "1s", max = "1h")
        Duration window,

        @Doc("Calls in the window before the failure rate is judged at all.") @Min(1) @Max(1_000_000)
        int minimumCalls,

        @Doc("How long an open breaker rejects before letting probes through.") @DurationRange(min = "1s", max = "1h")
        Duration waitInOpen,

        @Doc("Trial calls allowed while half-open; all must succeed to close.") @Min(1) @Max(100)
        int halfOpenProbes,

        @Doc("How often a container reads a target's shared breaker state.") @DurationRange(min = "100ms", max = "5m")
        Duration syncInterval,

        @Doc("How long a shared breaker state row outlives its last change.") @DurationRange(min = "1m", max = "7d")
        Duration stateTtl) {

    public static BreakerTuning ofDefaults() {
        BreakerSettings d = BreakerSettings.ofDefaults();
        return new BreakerTuning(
                d.failureRateThreshold(),
                d.window(),
                d.minimumCalls(),
                d.waitInOpen(),
                d.halfOpenProbes(),
                d.syncInterval(),
                d.stateTtl());
    }

    /** The domain settings. */
    public BreakerSettings toBreakerSettings() {
        return new BreakerSettings(
                failureRate, window, minimumCalls, waitInOpen, halfOpenProbes, syncInterval, stateTtl);
    }
}
