package io.portbroker.core.admin;

import io.portbroker.core.http.Endpoint;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.stats.StatsPoint;
import io.portbroker.core.stats.StatsTimeline;
import io.portbroker.error.InvalidRequestError;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /admin/v1/stats?window=1h|6h|24h}: the dashboard's time series from this process's
 * {@link StatsTimeline} (requests, errors by category, p50/p95 latency, tokens, cache hit ratio) and the last
 * breaker state per target. Costs over time come from {@code /admin/v1/costs}.
 */
public final class StatsAdmin implements AdminRoutes {
    private static final Map<String, Duration> STEPS = Map.of(
            "1h", Duration.ofMinutes(1),
            "6h", Duration.ofMinutes(5),
            "24h", Duration.ofMinutes(15));

    private final StatsTimeline timeline;

    public StatsAdmin(StatsTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public List<Endpoint<AdminOperation>> endpoints(String prefix) {
        return List.of(new Endpoint<>(
                "GET",
                prefix + "/stats",
                Scopes.ADMIN_READ,
                "recent traffic of this process as time series (window 1h, 6h or 24h) and breaker states",
                AdminOperation.of(200, this::stats, "window")));
    }

    Object stats(AdminCall call) {
        String window = call.query("window").orElse("1h");
        Duration step = STEPS.get(window);
        if (step == null) {
            throw new InvalidRequestError("window must be 1h, 6h or 24h");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("window", window);
        out.put("step_seconds", step.toSeconds());
        out.put("scope", "process");
        out.put(
                "points",
                timeline.points(Duration.ofHours(Long.parseLong(window.replace("h", ""))), step).stream()
                        .map(StatsAdmin::view)
                        .toList());
        out.put(
                "breakers",
                timeline.breakers().entrySet().stream()
                        .map(e -> {
                            Map<String, Object> b = new LinkedHashMap<>();
                            b.put("target", e.getKey());
                            b.put("state", e.getValue());
                            return b;
                        })
                        .toList());
        return out;
    }

    private static Map<String, Object> view(StatsPoint p) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("at", p.at().toString());
        v.put("requests", p.requests());
        v.put("errors", p.errors());
        v.put("p50_ms", p.p50Millis());
        v.put("p95_ms", p.p95Millis());
        v.put("input_tokens", p.inputTokens());
        v.put("output_tokens", p.outputTokens());
        v.put("cache_lookups", p.cacheLookups());
        v.put("cache_hits", p.cacheHits());
        v.put("cache_hit_ratio", p.cacheLookups() == 0 ? null : (double) p.cacheHits() / p.cacheLookups());
        return v;
    }
}
