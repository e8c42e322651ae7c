package io.portbroker.core.cache;

import io.portbroker.core.metrics.Metrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@link ResponseCache} counts: decisions per route (admin stats), L1 hits, corrupt entries dropped, stale
 * answers, and what hits saved (latency, cost); each also reaches the metrics. Lock-free adders: every request
 * counts here.
 */
final class CacheCounters {
    private final Metrics metrics;
    private final Map<String, Map<String, LongAdder>> routeStats = new ConcurrentHashMap<>();
    private final LongAdder l1Hits = new LongAdder();
    private final LongAdder corrupt = new LongAdder();
    private final LongAdder savedMillis = new LongAdder();
    private final LongAdder savedHits = new LongAdder();
    private final LongAdder staleServed = new LongAdder();
    private final DoubleAdder costSaved = new DoubleAdder();

    CacheCounters(Metrics metrics) {
        this.metrics = metrics;
    }

    void l1Hit() {
        l1Hits.increment();
    }

    long l1Hits() {
        return l1Hits.sum();
    }

    /** An entry of {@code tier} that could not be decoded (dropped). */
    void corrupt(CacheOutcome.Tier tier) {
        corrupt.increment();
        metrics.increment(CacheMetricNames.CORRUPT, Map.of("tier", tier.id()));
    }

    long corruptCount() {
        return corrupt.sum();
    }

    void staleServed() {
        staleServed.increment();
        metrics.increment(CacheMetricNames.STALE_SERVED, Map.of());
    }

    long staleServedCount() {
        return staleServed.sum();
    }

    /** One decision for a route (null: before a route was known). */
    void count(String route, CacheOutcome outcome) {
        routeStats
                .computeIfAbsent(route == null ? "-" : route, r -> new ConcurrentHashMap<>())
                .computeIfAbsent(outcome.header(), o -> new LongAdder())
                .increment();
        metrics.increment(CacheMetricNames.LOOKUPS, Map.of("outcome", outcome.header()));
        switch (outcome) {
            case HIT_L1 -> metrics.increment(CacheMetricNames.L1_HIT, Map.of());
            case HIT_L2 -> metrics.increment(CacheMetricNames.L2_HIT, Map.of());
            case HIT_L3 -> metrics.increment(CacheMetricNames.L3_HIT, Map.of());
            default -> {
                // misses, bypasses and skips have only the outcome counter
            }
        }
    }

    /** Decisions per route and outcome, sorted. */
    Map<String, Object> routes() {
        Map<String, Object> routes = new TreeMap<>();
        routeStats.forEach((route, outcomes) -> {
            Map<String, Long> counts = new TreeMap<>();
            outcomes.forEach((o, n) -> counts.put(o, n.sum()));
            routes.put(route, counts);
        });
        return routes;
    }

    /** What a hit saved against the upstream call that made the entry. */
    void saved(CacheEntry entry, Duration hitTook) {
        savedMillis.add(Math.max(0, entry.upstreamMillis() - hitTook.toMillis()));
        savedHits.increment();
        costSaved.add(entry.costUsd());
        metrics.gauge(CacheMetricNames.LATENCY_SAVED, Map.of(), (double) savedMillis.sum() / savedHits.sum());
        metrics.gauge(CacheMetricNames.COST_SAVED, Map.of(), costSaved.sum());
    }

    long savedMillis() {
        return savedMillis.sum();
    }

    double costSaved() {
        return costSaved.sum();
    }

    void evicted(String reason) {
        metrics.increment(CacheMetricNames.EVICTIONS, Map.of("reason", reason));
    }
}
