package io.portbroker.core.alerting;

import io.portbroker.core.cache.CacheMetricNames;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * A metrics sink that remembers the recent past for the windowed alert rules: each chat request's duration and
 * each cache decision (hit or miss), stamped with the clock. Bounded: at most {@code capacity} of each are kept
 * (the oldest go first), so memory stays flat under any traffic; a window older than what is kept simply sees
 * fewer samples. Thread-safe; never throws.
 */
public final class TrafficWindow implements Metrics {
    /** The endpoints whose latency the SLO covers (Anthropic and OpenAI chat, not models or admin). */
    static final Set<String> CHAT_ENDPOINTS = Set.of("/v1/messages", "/v1/chat/completions", "/openai");

    private final Clock clock;
    private final int capacity;
    private final ArrayDeque<long[]> latencies = new ArrayDeque<>();
    private final ArrayDeque<long[]> lookups = new ArrayDeque<>();

    /** Keeps at most {@code capacity} latencies and as many cache decisions. */
    public TrafficWindow(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public void count(String name, Map<String, String> dimensions, long amount) {
        if (!CacheMetricNames.LOOKUPS.equals(name)) {
            return;
        }
        String outcome = dimensions.getOrDefault("outcome", "");
        boolean hit = outcome.startsWith("hit");
        if (hit || "miss".equals(outcome)) {
            add(lookups, new long[] {clock.millis(), hit ? 1 : 0});
        }
    }

    @Override
    public void time(String name, Map<String, String> dimensions, Duration duration) {
        if (MetricNames.REQUEST_DURATION.equals(name) && CHAT_ENDPOINTS.contains(dimensions.get("endpoint"))) {
            add(latencies, new long[] {clock.millis(), duration.toMillis()});
        }
    }

    @Override
    public void gauge(String name, Map<String, String> dimensions, double value) {
        // gauges carry no history
    }

    /** The chat requests' latencies (ms) from {@code from} (inclusive) to {@code to} (exclusive), sorted. */
    public synchronized long[] latenciesBetween(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        long[] out = latencies.stream()
                .filter(s -> s[0] >= a && s[0] < b)
                .mapToLong(s -> s[1])
                .toArray();
        Arrays.sort(out);
        return out;
    }

    /** Cache hits and hit-or-miss decisions from {@code from} (inclusive) to {@code to} (exclusive). */
    public synchronized HitCount hitsBetween(Instant from, Instant to) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        long hits = 0;
        long all = 0;
        for (long[] s : lookups) {
            if (s[0] >= a && s[0] < b) {
                all++;
                hits += s[1];
            }
        }
        return new HitCount(hits, all);
    }

    private synchronized void add(ArrayDeque<long[]> samples, long[] sample) {
        if (samples.size() == capacity) {
            samples.removeFirst();
        }
        samples.addLast(sample);
    }

    /**
     * Hits among cache decisions.
     *
     * @param hits answers served from the cache
     * @param lookups hits plus misses (bypass and skip are not lookups)
     */
    public record HitCount(long hits, long lookups) {
        /** hits / lookups, 0 without lookups. */
        public double ratio() {
            return lookups == 0 ? 0 : (double) hits / lookups;
        }
    }
}
