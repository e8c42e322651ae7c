package io.portbroker.core.testing;

import io.portbroker.core.cache.CacheStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-memory {@link CacheStore} (the one fake of the port, run through the testkit's CacheStoreContract): expiry
 * checked against the caller's {@code now}; {@link #down} makes every call throw, {@link #hang} holds reads, and
 * {@link #reads} counts them, for the cache's fault and promotion tests.
 */
public final class MemoryCacheStore implements CacheStore {
    public final Map<String, byte[]> values = new ConcurrentHashMap<>();
    public final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    public final AtomicInteger reads = new AtomicInteger();
    public volatile boolean down;
    public volatile CountDownLatch hang;

    @Override
    public Optional<byte[]> get(String key, Instant now) {
        reads.incrementAndGet();
        check();
        CountDownLatch h = hang;
        if (h != null) {
            try {
                h.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] v = values.get(key);
        return v == null || !now.isBefore(expiries.get(key)) ? Optional.empty() : Optional.of(v.clone());
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) {
        check();
        values.put(key, value.clone());
        expiries.put(key, expiresAt);
    }

    @Override
    public void delete(String key) {
        check();
        values.remove(key);
        expiries.remove(key);
    }

    private void check() {
        if (down) {
            throw new IllegalStateException("down");
        }
    }
}
