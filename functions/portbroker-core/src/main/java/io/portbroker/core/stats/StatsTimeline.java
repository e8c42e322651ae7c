package io.portbroker.core.stats;

import io.portbroker.core.cache.CacheMetricNames;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A {@link Metrics} sink that keeps the last 24 hours of data-plane traffic in one-minute buckets (requests,
 * errors by category, a latency histogram, input/output tokens, cache lookups and hits) plus each target's last
 * breaker state, and answers them as points over a window. Admin, portal and health requests are not counted.
 * Never throws into the request path; memory is bounded by the retention (at most 1,440 small buckets).
 */
public final class StatsTimeline implements Metrics {
    /** How long minute buckets are kept. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final Clock clock;
    private final ConcurrentSkipListMap<Long, MinuteBucket> minutes = new ConcurrentSkipListMap<>();
    private final Map<String, Double> breakers = new ConcurrentHashMap<>();

    public StatsTimeline(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void count(String name, Map<String, String> dimensions, long amount) {
        switch (name) {
            case MetricNames.REQUESTS -> {
                if (dataPlane(dimensions)) {
                    bucket().requests.add(amount);
                }
            }
            case MetricNames.ERRORS -> bucket().error(dimensions.getOrDefault("category", "unknown"), amount);
            case MetricNames.TOKENS -> bucket().tokens(dimensions.get("direction"), amount);
            case CacheMetricNames.LOOKUPS -> bucket().cache(dimensions.getOrDefault("outcome", ""), amount);
            default -> {
                // not on the dashboard
            }
        }
    }

    @Override
    public void time(String name, Map<String, String> dimensions, Duration duration) {
        if (MetricNames.REQUEST_DURATION.equals(name) && dataPlane(dimensions)) {
            bucket().latency.record(duration.toMillis());
        }
    }

    @Override
    public void gauge(String name, Map<String, String> dimensions, double value) {
        if (MetricNames.BREAKER_STATE.equals(name) && dimensions.containsKey("target")) {
            breakers.put(dimensions.get("target"), value);
        }
    }

    /**
     * The window ending now in points of {@code step} (oldest first; empty steps are zero points).
     *
     * @throws IllegalArgumentException when the window is longer than the retention or not a multiple of the step
     */
    public List<StatsPoint> points(Duration window, Duration step) {
        if (window.compareTo(RETENTION) > 0 || step.toMinutes() < 1 || window.toMinutes() % step.toMinutes() != 0) {
            throw new IllegalArgumentException("window must be at most 24h and a whole number of steps");
        }
        long stepMinutes = step.toMinutes();
        long nowMinute = minute(clock.instant());
        long last = nowMinute - Math.floorMod(nowMinute, stepMinutes);
        long first = last - window.toMinutes() + stepMinutes;
        List<StatsPoint> out = new ArrayList<>();
        for (long start = first; start <= last; start += stepMinutes) {
            MinuteBucket sum = new MinuteBucket();
            minutes.subMap(start, true, start + stepMinutes, false).values().forEach(sum::add);
            out.add(sum.point(Instant.ofEpochSecond(start * 60)));
        }
        return out;
    }

    /** Each target's last reported breaker state: {@code closed}, {@code half_open} or {@code open}. */
    public Map<String, String> breakers() {
        Map<String, String> out = new TreeMap<>();
        breakers.forEach((t, v) -> out.put(t, v >= 2 ? "open" : v >= 1 ? "half_open" : "closed"));
        return out;
    }

    private MinuteBucket bucket() {
        long now = minute(clock.instant());
        MinuteBucket b = minutes.computeIfAbsent(now, k -> new MinuteBucket());
        if (minutes.firstKey() < now - RETENTION.toMinutes()) {
            minutes.headMap(now - RETENTION.toMinutes()).clear();
        }
        return b;
    }

    private static long minute(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), 60);
    }

    private static boolean dataPlane(Map<String, String> dimensions) {
        String endpoint = dimensions.getOrDefault("endpoint", "");
        return endpoint.startsWith("/v1/") || endpoint.equals("/openai");
    }
}
