package io.portbroker.core.alerting;

import java.net.URI;
import java.time.Duration;

/**
 * Alerting settings, validated.
 *
 * @param webhook where notifications go (Slack-compatible JSON), or null for no in-process alerting
 * @param interval how often the rules run
 * @param breakerOpenLimit how long a breaker may stay open before {@code breaker_open_long} fires
 * @param errorRateThreshold 5xx share that fires {@code high_error_rate} (0..1)
 */
public record AlertSettings(URI webhook, Duration interval, Duration breakerOpenLimit, double errorRateThreshold) {

    public AlertSettings {
        if (webhook != null && !("https".equals(webhook.getScheme()) || "http".equals(webhook.getScheme()))) {
            throw new IllegalArgumentException("alert webhook must be an http(s) URL");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("alert interval must be positive");
        }
        if (breakerOpenLimit == null || breakerOpenLimit.isNegative()) {
            throw new IllegalArgumentException("breaker-open limit must not be negative");
        }
        if (!(errorRateThreshold > 0 && errorRateThreshold <= 1)) {
            throw new IllegalArgumentException("error-rate threshold must be in (0, 1]");
        }
    }

    /** No webhook, every 30 s, breakers open longer than 5 min, 5 % 5xx. */
    public static AlertSettings ofDefaults() {
        return new AlertSettings(null, Duration.ofSeconds(30), Duration.ofMinutes(5), 0.05);
    }
}
