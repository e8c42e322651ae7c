package io.portbroker.core.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The rules over a {@link TrafficWindow}: the chat latency SLO and the cache-hit collapse. Their CloudWatch twins
 * are listed in docs/observability.md.
 */
public final class WindowedRules {
    private WindowedRules() {}

    /**
     * {@code latency_slo}, warning: the p95 of chat requests in the last {@code window} is above {@code slo}, with
     * at least {@code minimum} requests in it (a quiet gateway does not page on three slow calls).
     */
    public static AlertRule latencySlo(TrafficWindow traffic, Duration window, Duration slo, int minimum) {
        return Rules.rule("latency_slo", "warning", now -> {
            long[] sorted = traffic.latenciesBetween(now.minus(window), now.plusMillis(1));
            if (sorted.length == 0 || sorted.length < minimum) {
                return Map.of();
            }
            long p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
            if (p95 <= slo.toMillis()) {
                return Map.of();
            }
            return Map.of(
                    "chat",
                    String.format(
                            Locale.ROOT,
                            "chat p95 %d ms > SLO %d ms over %d s (%d requests)",
                            p95,
                            slo.toMillis(),
                            window.toSeconds(),
                            sorted.length));
        });
    }

    /**
     * {@code cache_hit_collapse}, warning: the cache hit ratio of the last {@code window} fell below
     * {@code fraction} of its average over the {@code trailing} windows before it. Needs at least {@code minimum}
     * lookups in the current window and in the trailing ones together, and a trailing ratio above zero.
     */
    public static AlertRule cacheHitCollapse(
            TrafficWindow traffic, Duration window, int trailing, double fraction, int minimum) {
        if (trailing < 1 || !(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("trailing must be >= 1 and fraction in (0, 1)");
        }
        return Rules.rule("cache_hit_collapse", "warning", now -> {
            Instant end = now.plusMillis(1);
            Instant start = end.minus(window);
            TrafficWindow.HitCount current = traffic.hitsBetween(start, end);
            TrafficWindow.HitCount before = traffic.hitsBetween(start.minus(window.multipliedBy(trailing)), start);
            if (current.lookups() < minimum || before.lookups() < minimum || before.hits() == 0) {
                return Map.of();
            }
            if (current.ratio() >= fraction * before.ratio()) {
                return Map.of();
            }
            return Map.of(
                    "cache",
                    String.format(
                            Locale.ROOT,
                            "cache hit ratio %.1f %% < %.0f %% of its trailing average %.1f %% (%d lookups)",
                            100 * current.ratio(),
                            100 * fraction,
                            100 * before.ratio(),
                            current.lookups()));
        });
    }
}
