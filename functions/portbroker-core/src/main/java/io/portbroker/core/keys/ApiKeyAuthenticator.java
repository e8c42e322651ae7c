package io.portbroker.core.keys;

import io.portbroker.error.AuthenticationError;
import io.portbroker.error.PermissionError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authenticates a presented key: format and checksum first (no lookup for garbage), then HMAC hash (computed per
 * request: a map from presented key to hash would keep plaintext keys in the heap for the container's life, to save
 * about a microsecond), then a short in-container cache ({@link KeyCache}: one lookup per key at a time, refreshed ahead of expiry), then one
 * store lookup by hash. Revocation made in another container is seen here once the cache entry expires ({@code
 * ttl}, a few seconds, measured on the injected clock), and at once in the container that made it, which calls
 * {@link #invalidate}.
 */
public final class ApiKeyAuthenticator {
    private final KeyHasher hasher;
    private final Clock clock;
    private final ApiKeyStore store;
    private final KeyCacheSettings cacheSettings;
    private final KeyCache cache;
    private final io.portbroker.core.metrics.Metrics metrics;
    /** Set by the cache's loader on the calling thread: this call read the store (a miss). */
    private final ThreadLocal<Boolean> loaded = ThreadLocal.withInitial(() -> Boolean.FALSE);

    /** A cache of {@code cacheTtl} refreshed during its last fifth ({@link KeyCacheSettings#ofTtl}). */
    public ApiKeyAuthenticator(ApiKeyStore store, KeyHasher hasher, Clock clock, Duration cacheTtl) {
        this(store, hasher, clock, KeyCacheSettings.ofTtl(cacheTtl));
    }

    public ApiKeyAuthenticator(ApiKeyStore store, KeyHasher hasher, Clock clock, KeyCacheSettings cacheSettings) {
        this(store, hasher, clock, cacheSettings, io.portbroker.core.metrics.Metrics.NONE);
    }

    private ApiKeyAuthenticator(
            ApiKeyStore store,
            KeyHasher hasher,
            Clock clock,
            KeyCacheSettings cacheSettings,
            io.portbroker.core.metrics.Metrics metrics) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        this.cacheSettings = cacheSettings;
        this.metrics = metrics;
        this.cache = new KeyCache(cacheSettings, hash -> {
            loaded.set(Boolean.TRUE);
            return store.findByHash(hash);
        });
    }

    /** A new authenticator (with an empty cache) that counts cache hits and misses. */
    public ApiKeyAuthenticator withMetrics(io.portbroker.core.metrics.Metrics m) {
        return new ApiKeyAuthenticator(store, hasher, clock, cacheSettings, m);
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
        loaded.set(Boolean.FALSE);
        Optional<ApiKeyRecord> found = cache.get(hash, now);
        metrics.increment(
                io.portbroker.core.metrics.MetricNames.APIKEY_LOOKUPS,
                java.util.Map.of("result", loaded.get() ? "miss" : "hit"));
        ApiKeyRecord record =
                found.filter(r -> r.usableAt(now)).orElseThrow(() -> new AuthenticationError("invalid API key"));
        if (!record.scopes().contains(requiredScope)) {
            throw new PermissionError("this API key lacks the " + requiredScope + " scope");
        }
        return new Principal(record.keyId(), record.name(), record.scopes(), record.limits());
    }

    /** Drops a cached entry so the next request re-reads the store (after revoke or rotate). */
    public void invalidate(String keyHash) {
        cache.invalidate(keyHash);
    }
}
