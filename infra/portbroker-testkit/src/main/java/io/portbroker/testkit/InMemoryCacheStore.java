package io.portbroker.testkit;

import io.portbroker.core.cache.CacheStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory {@link CacheStore}: expiry checked against the caller's {@code now}. {@link #failing} makes every
 * call throw (a tier that is down) and {@link #reads()} counts reads, for the cache's fault and promotion tests.
 */
public final class InMemoryCacheStore implements CacheStore {
    private final Map<String, Item> items = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public Optional<byte[]> get(String key, Instant now) {
        check();
        reads.incrementAndGet();
        Item item = items.get(key);
        if (item == null || !now.isBefore(item.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(item.value().clone());
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) {
        check();
        items.put(key, new Item(value.clone(), expiresAt));
    }

    @Override
    public void delete(String key) {
        check();
        items.remove(key);
    }

    /** Makes every call fail (true) or work again (false). */
    public void failing(boolean down) {
        failing.set(down);
    }

    /** Reads served so far. */
    public int reads() {
        return reads.get();
    }

    /** Whether a key is stored (expired or not). */
    public boolean contains(String key) {
        return items.containsKey(key);
    }

    /** Overwrites the stored bytes of a key (corruption tests). */
    public void corrupt(String key, byte[] bytes) {
        items.computeIfPresent(key, (k, item) -> new Item(bytes.clone(), item.expiresAt()));
    }

    private void check() {
        if (failing.get()) {
            throw new IllegalStateException("store down");
        }
    }

    private record Item(byte[] value, Instant expiresAt) {}
}
