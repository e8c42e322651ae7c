package io.portbroker.core.observability;

import io.portbroker.core.metrics.Metrics;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cache-hit potential, measured even when the response cache is off: remembers the fingerprints of the most
 * recent {@code capacity} requests (bounded, least recently seen dropped first) and counts how many requests
 * repeated one of them ({@code cache_key_repeats_total} out of {@code cache_key_lookups_total}). A fingerprint is
 * the caller's key id with the decoded request's value hash (records hash their whole content), so it repeats
 * exactly when the same caller sends the same request; an upper bound of what an exact-match cache could serve.
 */
public final class RepeatSketch {
    /** Requests seen. */
    public static final String LOOKUPS = "cache_key_lookups";
    /** Requests whose fingerprint was among the recent ones. */
    public static final String REPEATS = "cache_key_repeats";

    private final Metrics metrics;
    private final Map<Long, Boolean> recent;

    public RepeatSketch(Metrics metrics, int capacity) {
        this.metrics = metrics;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Notes one request; true when its fingerprint was seen recently. */
    public boolean observe(String callerId, Object request) {
        long fingerprint =
                ((long) (callerId == null ? 0 : callerId.hashCode()) << 32) ^ (request.hashCode() & 0xffffffffL);
        boolean repeat;
        synchronized (recent) {
            repeat = recent.put(fingerprint, Boolean.TRUE) != null;
        }
        metrics.increment(LOOKUPS, Map.of());
        if (repeat) {
            metrics.increment(REPEATS, Map.of());
        }
        return repeat;
    }
}
