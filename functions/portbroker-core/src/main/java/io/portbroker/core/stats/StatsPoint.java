package io.portbroker.core.stats;

import java.time.Instant;
import java.util.Map;

/**
 * One step of the dashboard's time series.
 *
 * @param at the step's start
 * @param requests data-plane requests answered
 * @param errors errors returned to clients, by category
 * @param p50Millis median request time: the upper bound of its latency histogram bucket, or null without requests
 * @param p95Millis 95th percentile request time, likewise
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param cacheLookups response cache decisions (hits, misses, bypasses)
 * @param cacheHits cache hits of any tier
 */
public record StatsPoint(
        Instant at,
        long requests,
        Map<String, Long> errors,
        Long p50Millis,
        Long p95Millis,
        long inputTokens,
        long outputTokens,
        long cacheLookups,
        long cacheHits) {
    public StatsPoint {
        errors = Map.copyOf(errors);
    }
}
