package io.portbroker.core.cache;

import java.time.Instant;
import java.util.Optional;

/** Namespace versions through the L2 tier: bounded reads, the tier's breaker, failures thrown (not misses). */
record TierNamespaceStore(CacheTier tier) implements CacheStore {
    @Override
    public Optional<byte[]> get(String key, Instant now) {
        return tier.readOrFail(key, now);
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) {
        tier.write(key, value, expiresAt);
    }

    @Override
    public void delete(String key) {
        tier.delete(key);
    }
}
