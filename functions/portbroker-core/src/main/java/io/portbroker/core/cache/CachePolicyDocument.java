package io.portbroker.core.cache;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of {@link CacheSettings} an operator edits while the gateway runs (master switch, TTL bounds, rollout,
 * per-route overrides), as it is stored in the {@code runtime.cache-policy} setting so every container reads the
 * same one. The rest of the cache settings (capacity, retention, timeouts) stay those of start-up.
 *
 * @param enabled the master switch
 * @param minTtlSeconds lower bound of the adaptive TTL
 * @param maxTtlSeconds upper bound of the adaptive TTL
 * @param rolloutPercent share of eligible prompts that use the cache
 * @param routes per-route overrides by route pattern
 */
public record CachePolicyDocument(
        @JsonProperty("enabled") boolean enabled,
        @JsonProperty("min_ttl_seconds") long minTtlSeconds,
        @JsonProperty("max_ttl_seconds") long maxTtlSeconds,
        @JsonProperty("rollout_percent") int rolloutPercent,
        @JsonProperty("routes") Map<String, Route> routes) {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);

    /**
     * One route's overrides.
     *
     * @param enabled whether the route's answers may be cached
     * @param rolloutPercent the route's share, or null to inherit
     * @param deterministic requests without a temperature count as deterministic
     * @param sharedNamespace all keys share entries on this route
     * @param maxTtlSeconds a tighter TTL bound, or null
     */
    public record Route(
            @JsonProperty("enabled") boolean enabled,
            @JsonProperty("rollout_percent") Integer rolloutPercent,
            @JsonProperty("deterministic") boolean deterministic,
            @JsonProperty("shared_namespace") boolean sharedNamespace,
            @JsonProperty("max_ttl_seconds") Long maxTtlSeconds) {}

    public CachePolicyDocument {
        routes = routes == null ? Map.of() : Map.copyOf(new TreeMap<>(routes));
    }

    /** The policy part of {@code s}. */
    public static CachePolicyDocument of(CacheSettings s) {
        Map<String, Route> routes = new TreeMap<>();
        s.routes()
                .forEach((p, r) -> routes.put(
                        p,
                        new Route(
                                r.enabled(),
                                r.rolloutPercent(),
                                r.deterministic(),
                                r.sharedNamespace(),
                                r.maxTtl() == null ? null : r.maxTtl().toSeconds())));
        return new CachePolicyDocument(
                s.enabled(), s.minTtl().toSeconds(), s.maxTtl().toSeconds(), s.rolloutPercent(), routes);
    }

    /**
     * Reads a stored policy.
     *
     * @throws IllegalArgumentException when the text is not a policy document
     */
    public static CachePolicyDocument parse(String json) {
        try {
            CachePolicyDocument d = MAPPER.readValue(json, CachePolicyDocument.class);
            if (d == null) {
                throw new IllegalArgumentException("the cache policy is empty");
            }
            return d;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the cache policy is not valid JSON of the policy shape", e);
        }
    }

    /** The stored form. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a cache policy always serialises", e);
        }
    }

    /**
     * {@code base} with this policy.
     *
     * @throws IllegalArgumentException when the policy contradicts itself or the base (e.g. min TTL above max TTL)
     */
    public CacheSettings applyTo(CacheSettings base) {
        Map<String, CacheSettings.RoutePolicy> policies = new TreeMap<>();
        routes.forEach((p, r) -> policies.put(
                p,
                new CacheSettings.RoutePolicy(
                        r.enabled(),
                        r.rolloutPercent(),
                        r.deterministic(),
                        r.sharedNamespace(),
                        r.maxTtlSeconds() == null ? null : Duration.ofSeconds(r.maxTtlSeconds()))));
        return base.withPolicy(
                        enabled, Duration.ofSeconds(minTtlSeconds), Duration.ofSeconds(maxTtlSeconds), rolloutPercent)
                .withRoutes(policies);
    }
}
