package io.portbroker.core.cache;

/**
 * The identity of one cacheable request.
 *
 * @param hash sha256 (hex) of the request's canonical form; the only thing stored (never the prompt)
 * @param route the route pattern the request matched (metrics, stats, policy)
 * @param model the model name as the client asked for it
 */
public record CacheKey(String hash, String route, String model) {
    public CacheKey {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a cache key hash is 64 hex digits");
        }
    }

    /** A stable bucket 0..99 of this key (rollout percentages cut on it, so a prompt is always in or out). */
    public int bucket() {
        return Integer.parseInt(hash.substring(0, 4), 16) % 100;
    }
}
