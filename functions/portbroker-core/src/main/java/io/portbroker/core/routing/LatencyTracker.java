package io.portbroker.core.routing;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observed time-to-first-token per target, kept in this container: an exponentially weighted moving average for
 * the least-latency strategy and the p95 of the most recent samples for hedging. Thread-safe.
 */
public final class LatencyTracker {

    /** Samples needed before a p95 is reported; fewer would make the percentile a guess. */
    static final int MIN_SAMPLES_FOR_P95 = 20;

    private final double alpha;
    private final int window;
    private final Map<String, Series> byTarget = new ConcurrentHashMap<>();

    /**
     * @param alpha weight of a new sample in the average (0 &lt; alpha &le; 1; 0.2 forgets in about ten samples)
     * @param window how many recent samples the p95 is computed over
     */
    public LatencyTracker(double alpha, int window) {
        if (!(alpha > 0 && alpha <= 1) || window < MIN_SAMPLES_FOR_P95) {
            throw new IllegalArgumentException("alpha must be in (0, 1] and window at least " + MIN_SAMPLES_FOR_P95);
        }
        this.alpha = alpha;
        this.window = window;
    }

    /** Alpha 0.2, a window of 200 samples. */
    public static LatencyTracker ofDefaults() {
        return new LatencyTracker(0.2, 200);
    }

    /** Records one time-to-first-token of a target. */
    public void record(String targetId, Duration ttft) {
        byTarget.computeIfAbsent(targetId, id -> new Series(window)).add(Math.max(0, ttft.toMillis()), alpha);
    }

    /** The moving average in milliseconds, or empty before the first sample. */
    public OptionalLong averageMillis(String targetId) {
        Series s = byTarget.get(targetId);
        return s == null ? OptionalLong.empty() : s.average();
    }

    /** The p95 of recent samples in milliseconds, or empty while there are too few. */
    public OptionalLong p95Millis(String targetId) {
        Series s = byTarget.get(targetId);
        return s == null ? OptionalLong.empty() : s.p95();
    }

    private static final class Series {
        private final long[] ring;
        private int next;
        private int size;
        private double average = -1;

        Series(int window) {
            this.ring = new long[window];
        }

        synchronized void add(long millis, double alpha) {
            ring[next] = millis;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
            average = average < 0 ? millis : alpha * millis + (1 - alpha) * average;
        }

        synchronized OptionalLong average() {
            return average < 0 ? OptionalLong.empty() : OptionalLong.of(Math.round(average));
        }

        synchronized OptionalLong p95() {
            if (size < MIN_SAMPLES_FOR_P95) {
                return OptionalLong.empty();
            }
            long[] sorted = Arrays.copyOf(ring, size);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(0.95 * size) - 1;
            return OptionalLong.of(sorted[index]);
        }
    }
}
