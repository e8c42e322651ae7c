package io.portbroker.core.stats;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** One minute's counters; also used to sum minutes into a step. Thread-safe. */
final class MinuteBucket {
    final LongAdder requests = new LongAdder();
    final LatencyHistogram latency = new LatencyHistogram();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder input = new LongAdder();
    private final LongAdder output = new LongAdder();
    private final LongAdder lookups = new LongAdder();
    private final LongAdder hits = new LongAdder();

    void error(String category, long amount) {
        errors.computeIfAbsent(category.toLowerCase(java.util.Locale.ROOT), k -> new LongAdder())
                .add(amount);
    }

    void tokens(String direction, long amount) {
        if ("input".equals(direction)) {
            input.add(amount);
        } else if ("output".equals(direction)) {
            output.add(amount);
        }
    }

    void cache(String outcome, long amount) {
        lookups.add(amount);
        if (outcome.startsWith("hit")) {
            hits.add(amount);
        }
    }

    void add(MinuteBucket other) {
        requests.add(other.requests.sum());
        other.errors.forEach((c, n) -> error(c, n.sum()));
        input.add(other.input.sum());
        output.add(other.output.sum());
        lookups.add(other.lookups.sum());
        hits.add(other.hits.sum());
        latency.add(other.latency);
    }

    StatsPoint point(Instant at) {
        Map<String, Long> byCategory = new TreeMap<>();
        errors.forEach((c, n) -> byCategory.put(c, n.sum()));
        return new StatsPoint(
                at,
                requests.sum(),
                byCategory,
                latency.percentile(0.50),
                latency.percentile(0.95),
                input.sum(),
                output.sum(),
                lookups.sum(),
                hits.sum());
    }
}
