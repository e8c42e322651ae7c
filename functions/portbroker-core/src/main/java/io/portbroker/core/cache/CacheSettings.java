package io.portbroker.core.cache;

import java.time.Duration;
import java.util.Map;

/**
 * Response-cache settings, immutable and validated; {@link #ofDefaults()} is what runs when nothing is set.
 *
 * @param enabled the master switch (off: every request goes upstream untouched, no header is added)
 * @param l1MaxWeight L1 capacity in weight units: an entry weighs 1 + its tokens / 1,000, so 5,000 short answers fit
 * @param minTtl lower bound of the adaptive TTL
 * @param maxTtl upper bound of the adaptive TTL
 * @param retention the longest any tier may keep an entry (privacy bound; TTLs are clamped to it)
 * @param rolloutPercent share of eligible prompts (by key hash, so stable per prompt) that use the cache, 0..100
 * @param deterministicTemperature temperatures strictly below this count as deterministic
 * @param piiAction what happens to an answer whose prompt or text matches a PII detector
 * @param readTimeout how long a read of L2 or L3 may take before the request goes on as a miss
 * @param breakerFailures consecutive failures that open a tier's breaker
 * @param breakerOpen how long an open breaker skips its tier
 * @param l2MaxItemBytes encoded entries larger than this go to L3, with a pointer in L2
 * @param writeQueue capacity of the write-behind queue (full: the write is dropped and counted)
 * @param flightWait how long identical concurrent misses wait for the first one's answer
 * @param routes per-route overrides by route pattern (exactly as declared in the route)
 */
public record CacheSettings(
        boolean enabled,
        long l1MaxWeight,
        Duration minTtl,
        Duration maxTtl,
        Duration retention,
        int rolloutPercent,
        double deterministicTemperature,
        PiiAction piiAction,
        Duration readTimeout,
        int breakerFailures,
        Duration breakerOpen,
        int l2MaxItemBytes,
        int writeQueue,
        Duration flightWait,
        Map<String, RoutePolicy> routes) {

    /** What to do with an answer when PII is found. */
    public enum PiiAction {
        /** Do not cache it (the default). */
        SKIP,
        /** Cache it with every match replaced by a placeholder such as {@code [EMAIL]}. */
        REDACT
    }

    /**
     * Per-route overrides.
     *
     * @param enabled whether the route's answers may be cached
     * @param rolloutPercent the route's share (replaces the global one), or null to inherit
     * @param deterministic treat requests without a temperature as deterministic (the route's default sampling is)
     * @param sharedNamespace whether all keys share entries on this route (else each key has its own)
     * @param maxTtl a tighter TTL bound for this route, or null
     */
    public record RoutePolicy(
            boolean enabled, Integer rolloutPercent, boolean deterministic, boolean sharedNamespace, Duration maxTtl) {
        public RoutePolicy {
            if (rolloutPercent != null && (rolloutPercent < 0 || rolloutPercent > 100)) {
                throw new IllegalArgumentException("route rollout percent must be within 0..100");
            }
            if (maxTtl != null && (maxTtl.isNegative() || maxTtl.isZero())) {
                throw new IllegalArgumentException("route max TTL must be positive");
            }
        }

        /** Enabled, inheriting everything. */
        public static RoutePolicy inherit() {
            return new RoutePolicy(true, null, false, false, null);
        }
    }

    /**
     * @throws IllegalArgumentException when a value is out of range or the bounds contradict each other
     */
    public CacheSettings {
        routes = routes == null ? Map.of() : Map.copyOf(routes);
        piiAction = piiAction == null ? PiiAction.SKIP : piiAction;
        require(l1MaxWeight >= 0, "l1 max weight must not be negative");
        require(positive(minTtl) && positive(maxTtl) && positive(retention), "TTLs and retention must be positive");
        require(minTtl.compareTo(maxTtl) <= 0, "min TTL must not exceed max TTL");
        require(maxTtl.compareTo(retention) <= 0, "max TTL must not exceed the retention bound");
        require(retention.compareTo(Duration.ofDays(366)) <= 0, "retention is at most a year");
        require(rolloutPercent >= 0 && rolloutPercent <= 100, "rollout percent must be within 0..100");
        require(deterministicTemperature >= 0 && deterministicTemperature <= 2, "temperature threshold out of range");
        require(positive(readTimeout) && positive(breakerOpen) && positive(flightWait), "timeouts must be positive");
        require(breakerFailures >= 1, "breaker failures must be at least 1");
        require(l2MaxItemBytes >= 1024 && l2MaxItemBytes <= 390_000, "L2 item limit must be within 1 KB..390 KB");
        require(writeQueue >= 1, "write queue must hold at least one write");
    }

    /** The defaults: on, 5,000 weight units, 5–30 min adaptive TTL, 90 days retention, PII skipped. */
    public static CacheSettings ofDefaults() {
        return new CacheSettings(
                true,
                5_000,
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofDays(90),
                100,
                0.15,
                PiiAction.SKIP,
                Duration.ofMillis(25),
                5,
                Duration.ofSeconds(30),
                350_000,
                10_000,
                Duration.ofMinutes(2),
                Map.of());
    }

    /** The policy of a route pattern (inherit when none is declared). */
    public RoutePolicy route(String pattern) {
        return routes.getOrDefault(pattern, RoutePolicy.inherit());
    }

    /** A copy with another master switch, TTL bounds and rollout (the admin's hot update). */
    public CacheSettings withPolicy(boolean on, Duration min, Duration max, int rollout) {
        return new CacheSettings(
                on,
                l1MaxWeight,
                min,
                max,
                retention,
                rollout,
                deterministicTemperature,
                piiAction,
                readTimeout,
                breakerFailures,
                breakerOpen,
                l2MaxItemBytes,
                writeQueue,
                flightWait,
                routes);
    }

    /** A copy with other per-route overrides. */
    public CacheSettings withRoutes(Map<String, RoutePolicy> newRoutes) {
        return new CacheSettings(
                enabled,
                l1MaxWeight,
                minTtl,
                maxTtl,
                retention,
                rolloutPercent,
                deterministicTemperature,
                piiAction,
                readTimeout,
                breakerFailures,
                breakerOpen,
                l2MaxItemBytes,
                writeQueue,
                flightWait,
                newRoutes);
    }

    /** A copy with another PII action. */
    public CacheSettings withPiiAction(PiiAction action) {
        return new CacheSettings(
                enabled,
                l1MaxWeight,
                minTtl,
                maxTtl,
                retention,
                rolloutPercent,
                deterministicTemperature,
                action,
                readTimeout,
                breakerFailures,
                breakerOpen,
                l2MaxItemBytes,
                writeQueue,
                flightWait,
                routes);
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
