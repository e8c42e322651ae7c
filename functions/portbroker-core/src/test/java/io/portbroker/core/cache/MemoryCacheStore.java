package io.portbroker.core.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A cache tier for core tests (core cannot see the testkit): can be down or hang. */
final class MemoryCacheStore implements CacheStore {
    final Map<String, byte[]> values = new ConcurrentHashMap<>();
    final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    final AtomicInteger reads = new AtomicInteger();
    volatile boolean down;
    volatile CountDownLatch hang;

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
