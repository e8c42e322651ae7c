package io.portbroker.core.observability;

import java.time.Duration;

/**
 * Observability settings, validated.
 *
 * @param readinessInterval how often the readiness checks run in the background
 * @param checkTimeout how long one readiness check may take
 * @param minFreeHeap degraded below this share of free heap (0..1)
 * @param minFreeDiskBytes degraded below this much free disk (local stack)
 * @param labelRefresh how often the configured provider/model names (allowed label values) are re-read
 */
public record ObservabilitySettings(
        Duration readinessInterval,
        Duration checkTimeout,
        double minFreeHeap,
        long minFreeDiskBytes,
        Duration labelRefresh) {

    public ObservabilitySettings {
        if (readinessInterval == null || readinessInterval.isNegative() || readinessInterval.isZero()) {
            throw new IllegalArgumentException("readiness-interval must be positive");
        }
        if (checkTimeout == null || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("check-timeout must be positive");
        }
        if (!(minFreeHeap >= 0 && minFreeHeap < 1)) {
            throw new IllegalArgumentException("min-free-heap must be in [0, 1)");
        }
        if (minFreeDiskBytes < 0) {
            throw new IllegalArgumentException("min-free-disk-bytes must not be negative");
        }
        if (labelRefresh == null || labelRefresh.isNegative()) {
            throw new IllegalArgumentException("label-refresh must not be negative");
        }
    }

    /** Checks every 30 s with 2 s each, 10 % heap, 100 MiB disk, labels re-read every 30 s. */
    public static ObservabilitySettings ofDefaults() {
        return new ObservabilitySettings(
                Duration.ofSeconds(30), Duration.ofSeconds(2), 0.10, 100L * 1024 * 1024, Duration.ofSeconds(30));
    }

    /** The same settings with another readiness interval. */
    public ObservabilitySettings withReadinessInterval(Duration interval) {
        return new ObservabilitySettings(interval, checkTimeout, minFreeHeap, minFreeDiskBytes, labelRefresh);
    }
}
