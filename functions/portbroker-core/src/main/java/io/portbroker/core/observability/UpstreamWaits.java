package io.portbroker.core.observability;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per request id: when the first upstream call was sent and when the first body byte of any attempt arrived.
 * The span between the two is time spent waiting for providers (retries and hedges included); the rest of the
 * client's time to first byte is the gateway's overhead. Bounded like {@link RequestFactsBoard}.
 */
public final class UpstreamWaits {
    static final int CAPACITY = 10_000;

    private final ConcurrentMap<String, long[]> waits = new ConcurrentHashMap<>();

    /** Notes a call being sent at {@code nanos} (only the first one counts). */
    void sent(String requestId, long nanos) {
        if (requestId != null && waits.size() < CAPACITY) {
            waits.putIfAbsent(requestId, new long[] {nanos, 0});
        }
    }

    /** Notes a first body byte at {@code nanos} (only the first one counts). */
    void firstByte(String requestId, long nanos) {
        long[] w = requestId == null ? null : waits.get(requestId);
        if (w != null) {
            synchronized (w) {
                if (w[1] == 0) {
                    w[1] = nanos;
                }
            }
        }
    }

    /** Takes (and forgets) the wait of {@code requestId}: empty when no upstream byte arrived. */
    Optional<Duration> take(String requestId) {
        long[] w = requestId == null ? null : waits.remove(requestId);
        if (w == null) {
            return Optional.empty();
        }
        synchronized (w) {
            return w[1] == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(w[1] - w[0]));
        }
    }

    int size() {
        return waits.size();
    }
}
