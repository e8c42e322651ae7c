package io.portbroker.core.keys;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Presented key → its HMAC, so a busy key is hashed once per container instead of once per request. It maps a key
 * to its hash and nothing else: whether the key is valid is still asked of the {@link KeyCache} on every request,
 * so a revocation is seen within the key cache's ttl exactly as without this cache. Bounded like the key cache
 * (emptied when {@code maxEntries} is reached: well-formed keys are cheap to forge, so an attacker must not grow it).
 */
final class KeyHashCache {
    private final KeyHasher hasher;
    private final int maxEntries;
    private final ConcurrentHashMap<String, String> hashes = new ConcurrentHashMap<>();

    KeyHashCache(KeyHasher hasher, int maxEntries) {
        this.hasher = hasher;
        this.maxEntries = maxEntries;
    }

    /** The hash of {@code presentedKey}, computed at most once while it stays in the cache. */
    String hash(String presentedKey) {
        String known = hashes.get(presentedKey);
        if (known != null) {
            return known;
        }
        String hash = hasher.hash(presentedKey);
        if (hashes.size() >= maxEntries) {
            hashes.clear();
        }
        hashes.put(presentedKey, hash);
        return hash;
    }

    /** Entries held now (for tests). */
    int size() {
        return hashes.size();
    }
}
