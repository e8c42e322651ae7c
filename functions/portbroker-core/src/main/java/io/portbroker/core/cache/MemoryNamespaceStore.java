package io.portbroker.core.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Namespace versions when there is no shared tier (one container: a map is the truth). */
final class MemoryNamespaceStore implements CacheStore {
    private final Map<String, byte[]> map = new ConcurrentHashMap<>();

    @Override
    public Optional<byte[]> get(String key, Instant now) {
        return Optional.ofNullable(map.get(key));
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) {
        map.put(key, value.clone());
    }

    @Override
    public void delete(String key) {
        map.remove(key);
    }
}
