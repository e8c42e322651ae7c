package io.portbroker.core.cache;

import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import java.time.Duration;
import java.util.Optional;

/**
 * Which requests may use the cache and which answers may be kept. A request is eligible when the cache and its
 * route are on, it is deterministic (a temperature below the threshold, or none on a route declared
 * {@code deterministic}), and its key falls inside the rollout percentage. An answer is kept only when it ended
 * normally: never an error, a refusal, a {@code max_tokens} truncation or a paused turn.
 */
public final class CachePolicy {
    private CachePolicy() {}

    /**
     * Why a request is not eligible (before its key is built, so ineligible requests cost no cache read), or empty
     * when it is.
     *
     * @param route the route pattern the request matched
     */
    public static Optional<String> ineligible(CacheSettings s, NormalizedRequest request, String route) {
        CacheSettings.RoutePolicy policy = s.route(route);
        if (!s.enabled() || !policy.enabled()) {
            return Optional.of("disabled");
        }
        Double t = request.sampling().temperature();
        boolean deterministic = t == null ? policy.deterministic() : t < s.deterministicTemperature();
        return deterministic ? Optional.empty() : Optional.of("not_deterministic");
    }

    /** Whether the key falls inside its route's rollout percentage (stable per prompt: cut on the key's bucket). */
    public static boolean inRollout(CacheSettings s, CacheKey key) {
        CacheSettings.RoutePolicy policy = s.route(key.route());
        int rollout = policy.rolloutPercent() == null ? s.rolloutPercent() : policy.rolloutPercent();
        return key.bucket() < rollout;
    }

    /** Whether a finished answer may be stored. */
    public static boolean storable(NormalizedResponse response) {
        StopReason r = response.stopReason();
        return r == StopReason.END_TURN || r == StopReason.STOP_SEQUENCE || r == StopReason.TOOL_USE;
    }

    /**
     * The adaptive TTL: {@code min + (max − min) × (0.5 × min(1, hits / 10) + 0.5 × min(1, upstream / 10 s))},
     * clamped to the route's bound and the retention bound. Popular answers and answers that were slow to
     * produce live longer; a cold, fast answer lives the minimum.
     *
     * @param hits hits the key had before this write
     * @param upstream how long the upstream took
     */
    public static Duration ttl(CacheSettings s, String route, long hits, Duration upstream) {
        double popularity = Math.min(1.0, Math.max(0, hits) / 10.0);
        double slowness = Math.min(1.0, Math.max(0, upstream.toMillis()) / 10_000.0);
        long span = s.maxTtl().minus(s.minTtl()).toMillis();
        Duration ttl = s.minTtl().plusMillis(Math.round(span * (0.5 * popularity + 0.5 * slowness)));
        Duration routeMax = s.route(route).maxTtl();
        if (routeMax != null && ttl.compareTo(routeMax) > 0) {
            ttl = routeMax;
        }
        return ttl.compareTo(s.retention()) > 0 ? s.retention() : ttl;
    }
}
