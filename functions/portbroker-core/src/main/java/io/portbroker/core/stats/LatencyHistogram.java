package io.portbroker.core.stats;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Request times in fixed buckets (1-2-5 steps from 5 ms to 2 min, then one open bucket): constant memory per
 * minute, mergeable, and a percentile is the upper bound of the bucket it falls in.
 */
final class LatencyHistogram {
    static final long[] BOUNDS_MS = {5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 120_000
    };

    private final AtomicLongArray counts = new AtomicLongArray(BOUNDS_MS.length + 1);

    void record(long millis) {
        int i = 0;
        while (i < BOUNDS_MS.length && millis > BOUNDS_MS[i]) {
            i++;
        }
        counts.incrementAndGet(i);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length(); i++) {
            counts.addAndGet(i, other.counts.get(i));
        }
    }

    /** The upper bound of the bucket holding the quantile; past the last bound, that bound; null when empty. */
    Long percentile(double quantile) {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return BOUNDS_MS[Math.min(i, BOUNDS_MS.length - 1)];
            }
        }
        return BOUNDS_MS[BOUNDS_MS.length - 1];
    }
}
