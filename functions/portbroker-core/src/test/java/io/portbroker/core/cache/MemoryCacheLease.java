package io.portbroker.core.cache;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A lease for core tests (core cannot see the testkit's InMemoryCacheLease, which runs the contract suite):
 * {@code foreign} makes every key look held by another container; {@code down} makes every call fail;
 * {@code beforeHeld} runs at the start of every {@link #held} (what another container does meanwhile).
 */
final class MemoryCacheLease implements CacheLease {
    final Map<String, String> claims = new ConcurrentHashMap<>();
    final List<String> released = new CopyOnWriteArrayList<>();
    volatile boolean foreign;
    volatile boolean down;
    volatile Runnable beforeHeld = () -> {};

    @Override
    public boolean acquire(String key, String owner, Instant until, Instant now) {
        check();
        return !foreign && claims.putIfAbsent(key, owner) == null;
    }

    @Override
    public boolean held(String key, Instant now) {
        beforeHeld.run();
        check();
        return foreign || claims.containsKey(key);
    }

    @Override
    public void release(String key, String owner) {
        check();
        if (claims.remove(key, owner)) {
            released.add(key);
        }
    }

    private void check() {
        if (down) {
            throw new IllegalStateException("down");
        }
    }
}
