package io.portbroker.core.settings;

import io.portbroker.core.resilience.RetrySettings;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Retry, backoff and retry-budget settings ({@code portbroker.runtime.retry.*}); reloadable. The configuration
 * surface of {@link RetrySettings}, which stays the domain type of core/resilience.
 */
public record RetryTuning(
        @Doc("Attempts per request, the first included (retries, failovers and hedges all count).") @Min(1) @Max(10)
        int maxAttempts,

        @Doc("The first backoff ceiling; it doubles per retry on the same target.")
        @DurationRange(min = "1ms", max = "30s")
        Duration baseBackoff,

        @Doc("The largest backoff ceiling.") @DurationRange(min = "1ms", max = "1m")
        Duration maxBackoff,

        @Doc("Longest upstream Retry-After the gateway waits out itself.") @DurationRange(min = "1ms", max = "5m")
        Duration retryAfterCap,

        @Doc("Retries allowed as a fraction of recent requests (0.2 = one retry per five requests).")
        @DecimalMin("0")
        @DecimalMax("1")
        double budgetRatio,

        @Doc("Retries always allowed per second, so a quiet gateway can still retry.") @Min(0) @Max(10_000)
        int budgetMinPerSecond,

        @Doc("How far back 'recent' reaches for the retry budget.") @DurationRange(min = "1s", max = "10m")
        Duration budgetWindow,

        @Doc("Longest one client request may take over all its attempts before the first byte.")
        @DurationRange(min = "1s", max = "15m")
        Duration requestDeadline) {

    /**
     * @throws IllegalArgumentException when the largest backoff is below the first one (reported for the group)
     */
    public RetryTuning {
        if (baseBackoff != null && maxBackoff != null && maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("max-backoff must not be below base-backoff");
        }
    }

    public static RetryTuning ofDefaults() {
        RetrySettings d = RetrySettings.ofDefaults();
        return new RetryTuning(
                d.maxAttempts(),
                d.baseBackoff(),
                d.maxBackoff(),
                d.retryAfterCap(),
                d.budgetRatio(),
                d.budgetMinPerSecond(),
                d.budgetWindow(),
                d.totalDeadline());
    }

    /** The domain settings. */
    public RetrySettings toRetrySettings() {
        return new RetrySettings(
                maxAttempts,
                baseBackoff,
                maxBackoff,
                retryAfterCap,
                budgetRatio,
                budgetMinPerSecond,
                budgetWindow,
                requestDeadline);
    }
}
