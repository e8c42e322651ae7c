package io.portbroker.core.keys;

import io.portbroker.error.AuthenticationError;
import io.portbroker.error.PermissionError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates a presented key: format and checksum first (no lookup for garbage), then HMAC hash, then a
 * short in-container cache, then one store lookup by hash. Revocation made in another container is seen here
 * once the cache entry expires ({@code cacheTtl}, a few seconds, measured on the injected clock), and at once in
 * the container that made it, which calls {@link #invalidate}.
 */
public final class ApiKeyAuthenticator {
    private static final int MAX_CACHE = 10_000;

    private final ApiKeyStore store;
    private final KeyHasher hasher;
    private final Clock clock;
    private final Duration cacheTtl;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();
    private final io.portbroker.core.metrics.Metrics metrics;

    public ApiKeyAuthenticator(ApiKeyStore store, KeyHasher hasher, Clock clock, Duration cacheTtl) {
        this(store, hasher, clock, cacheTtl, io.portbroker.core.metrics.Metrics.NONE);
    }

    private ApiKeyAuthenticator(
            ApiKeyStore store, KeyHasher hasher, Clock clock, Duration cacheTtl, io.portbroker.core.metrics.Metrics m) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.cacheTtl = cacheTtl;
        this.metrics = m;
    }

    /** A new authenticator (with an empty cache) that counts cache hits and misses. */
    public ApiKeyAuthenticator withMetrics(io.portbroker.core.metrics.Metrics m) {
        return new ApiKeyAuthenticator(store, hasher, clock, cacheTtl, m);
    }

    /**
     * Returns the principal for a presented key that holds {@code requiredScope}.
     *
     * @throws AuthenticationError when the key is missing, malformed, unknown, revoked or expired
     * @throws PermissionError when the key lacks the scope
     */
    public Principal authenticate(String presentedKey, String requiredScope) {
        if (presentedKey == null || presentedKey.isBlank()) {
            throw new AuthenticationError("missing API key: send it in the x-api-key header");
        }
        if (!ApiKeyFormat.isWellFormed(presentedKey)) {
            throw new AuthenticationError("invalid API key");
        }
        String hash = hasher.hash(presentedKey);
        Instant now = clock.instant();
        ApiKeyRecord record = lookup(hash, now)
                .filter(r -> r.usableAt(now))
                .orElseThrow(() -> new AuthenticationError("invalid API key"));
        if (!record.scopes().contains(requiredScope)) {
            throw new PermissionError("this API key lacks the " + requiredScope + " scope");
        }
        return new Principal(record.keyId(), record.name(), record.scopes(), record.limits());
    }

    /** Drops a cached entry so the next request re-reads the store (after revoke or rotate). */
    public void invalidate(String keyHash) {
        cache.remove(keyHash);
    }

    private Optional<ApiKeyRecord> lookup(String hash, Instant now) {
        Cached cached = cache.get(hash);
        boolean hit = cached != null && now.isBefore(cached.expires());
        metrics.increment(
                io.portbroker.core.metrics.MetricNames.APIKEY_LOOKUPS,
                java.util.Map.of("result", hit ? "hit" : "miss"));
        if (hit) {
            return Optional.ofNullable(cached.record());
        }
        Optional<ApiKeyRecord> found = store.findByHash(hash);
        if (cache.size() >= MAX_CACHE) {
            cache.clear();
        }
        cache.put(hash, new Cached(found.orElse(null), now.plus(cacheTtl)));
        return found;
    }

    private record Cached(ApiKeyRecord record, Instant expires) {}
}
