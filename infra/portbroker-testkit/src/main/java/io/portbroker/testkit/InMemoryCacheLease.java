package io.portbroker.testkit;

import io.portbroker.core.cache.CacheLease;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The in-memory {@link CacheLease}: one map, claims compared and swapped atomically per key. */
public final class InMemoryCacheLease implements CacheLease {
    private record Claim(String owner, Instant until) {}

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();

    @Override
    public boolean acquire(String key, String owner, Instant until, Instant now) {
        Claim mine = new Claim(owner, until);
        Claim after = claims.compute(
                key,
                (k, held) -> held == null
                                || !now.isBefore(held.until())
                                || held.owner().equals(owner)
                        ? mine
                        : held);
        return after == mine;
    }

    @Override
    public boolean held(String key, Instant now) {
        Claim c = claims.get(key);
        return c != null && now.isBefore(c.until());
    }

    @Override
    public void release(String key, String owner) {
        claims.computeIfPresent(key, (k, held) -> held.owner().equals(owner) ? null : held);
    }
}
