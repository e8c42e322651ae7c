package io.portbroker.core.alerting;

import io.portbroker.core.finops.CostAnomaly;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.RouteTarget;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The built-in rules. Each has an AWS-side twin among the IaC alarms (docs/observability.md lists them): the
 * in-process rules notify a webhook where CloudWatch is not there (the local stack) or not fast enough.
 */
public final class Rules {
    private Rules() {}

    /**
     * A target whose breaker is not closed: {@code provider_unhealthy}, critical. Half-open still counts as down
     * (a probe is on trial), so a failed probe does not resolve and re-fire the alert; it resolves once the breaker
     * closes again.
     */
    public static AlertRule providerUnhealthy(ConfigStore config, Function<String, BreakerState> breakers) {
        return rule("provider_unhealthy", "critical", now -> {
            Map<String, String> out = new HashMap<>();
            for (String t : targets(config)) {
                if (breakers.apply(t) != BreakerState.CLOSED) {
                    out.put(t, "circuit breaker open: calls to " + t + " are failing");
                }
            }
            return out;
        });
    }

    /** A target whose breaker has been open (or half-open) longer than {@code limit}: {@code breaker_open_long}. */
    public static AlertRule breakerOpenLongerThan(
            ConfigStore config, Function<String, BreakerState> breakers, Duration limit) {
        Map<String, Instant> openSince = new HashMap<>();
        return rule("breaker_open_long", "warning", now -> {
            Map<String, String> out = new HashMap<>();
            for (String t : targets(config)) {
                if (breakers.apply(t) == BreakerState.CLOSED) {
                    openSince.remove(t);
                    continue;
                }
                Instant since = openSince.computeIfAbsent(t, k -> now);
                if (Duration.between(since, now).compareTo(limit) > 0) {
                    out.put(t, "breaker not closed for more than " + limit.toSeconds() + " s");
                }
            }
            return out;
        });
    }

    /**
     * 5xx share of requests since the previous evaluation above {@code threshold} (with at least {@code minimum}
     * requests): {@code high_error_rate}.
     */
    public static AlertRule highErrorRate(InMemoryMetrics metrics, double threshold, long minimum) {
        long[] last = new long[2];
        return rule("high_error_rate", "critical", now -> {
            long requests = metrics.counterTotal(MetricNames.REQUESTS);
            long errors = metrics.counter(MetricNames.ERROR_RATE, Map.of("class", "5xx"));
            long dr = requests - last[0];
            long de = errors - last[1];
            last[0] = requests;
            last[1] = errors;
            if (dr >= minimum && (double) de / dr > threshold) {
                return Map.of(
                        "gateway",
                        String.format(Locale.ROOT, "%.1f %% of %d requests failed with 5xx", 100.0 * de / dr, dr));
            }
            return Map.of();
        });
    }

    /** Today's cost above 1.25 × the 7-day moving average: {@code cost_anomaly}. */
    public static AlertRule costAnomaly(Supplier<Map<LocalDate, Double>> daily, Supplier<LocalDate> today) {
        return rule("cost_anomaly", "warning", now -> {
            CostAnomaly a = CostAnomaly.evaluate(daily.get(), today.get());
            return a.firing()
                    ? Map.of(
                            "costs",
                            String.format(
                                    Locale.ROOT, "today $%.2f > 1.25 x 7-day average $%.2f", a.today(), a.average()))
                    : Map.of();
        });
    }

    private static TreeSet<String> targets(ConfigStore config) {
        TreeSet<String> targets = new TreeSet<>();
        for (ModelRoute r : config.routes()) {
            for (RouteTarget t : r.targets()) {
                targets.add(t.providerId() + "/" + t.upstreamModel());
            }
        }
        return targets;
    }

    static AlertRule rule(String name, String severity, Function<Instant, Map<String, String>> firing) {
        return new AlertRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String severity() {
                return severity;
            }

            @Override
            public Map<String, String> firing(Instant now) {
                return firing.apply(now);
            }
        };
    }
}
