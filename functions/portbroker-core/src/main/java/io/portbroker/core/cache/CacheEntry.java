package io.portbroker.core.cache;

import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One cached answer.
 *
 * @param keyHash the key it is stored under
 * @param route the route pattern (stats, admin)
 * @param providerId the provider that produced it (reported in {@code x-portbroker-provider} on a hit)
 * @param createdAt when it was produced ({@code age} on a hit counts from here)
 * @param expiresAt when every tier must stop serving it
 * @param upstreamMillis how long the upstream call took (latency saved by a hit)
 * @param costUsd what the upstream call cost at list price (cost saved by a hit), 0 when unknown
 * @param response the whole answer
 * @param events the stream as the client saw it when the answer was streamed (pings dropped), else empty: a
 *     stream hit replays these exactly, or events derived from {@code response} in chunks
 */
public record CacheEntry(
        String keyHash,
        String route,
        String providerId,
        Instant createdAt,
        Instant expiresAt,
        long upstreamMillis,
        double costUsd,
        NormalizedResponse response,
        List<StreamEvent> events) {
    public CacheEntry {
        events = List.copyOf(events);
    }

    /** Whether the entry may still be served at {@code now}. */
    public boolean liveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** Seconds since the answer was produced (the {@code age} header). */
    public long ageSeconds(Instant now) {
        return Math.max(0, Duration.between(createdAt, now).toSeconds());
    }

    /** Tokens in and out: the L1 weight grows with them. */
    public long tokens() {
        return response.usage().totalInputTokens() + response.usage().outputTokens();
    }
}
