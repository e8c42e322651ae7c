package io.portbroker.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The in-container tier: Caffeine bounded by weight (an entry weighs 1 + its tokens / 1,000), each entry expiring
 * at its own time (plus the stale grace, when stale-if-error is on: the caller tells fresh from stale), read with the injected clock so TTL tests need no sleeping. Decoded entries are kept, so an L1
 * hit costs a map lookup.
 */
final class L1Cache {
    private final Cache<String, CacheEntry> cache;
    private final Clock clock;
    private final AtomicLong bytes = new AtomicLong();
    private final java.util.function.Function<CacheEntry, Instant> keptUntil;

    /** @param evicted told the reason of each eviction ({@code size}, {@code expired}) for metrics */
    /**
     * @param keptUntil until when an entry is kept: its expiry, or later by the stale grace (stale-if-error)
     */
    L1Cache(
            long maxWeight,
            java.util.function.Function<CacheEntry, Instant> keptUntil,
            Clock clock,
            BiConsumer<String, CacheEntry> evicted) {
        this.clock = clock;
        this.keptUntil = keptUntil;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((String k, CacheEntry e) -> weight(e))
                .expireAfter(new com.github.benmanes.caffeine.cache.Expiry<String, CacheEntry>() {
                    @Override
                    public long expireAfterCreate(String key, CacheEntry e, long currentTime) {
                        return nanosLeft(e);
                    }

                    @Override
                    public long expireAfterUpdate(String key, CacheEntry e, long currentTime, long currentDuration) {
                        return nanosLeft(e);
                    }

                    @Override
                    public long expireAfterRead(String key, CacheEntry e, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(Runnable::run)
                .removalListener((String k, CacheEntry e, RemovalCause cause) -> {
                    if (e != null) {
                        bytes.addAndGet(-approximateBytes(e));
                        if (cause.wasEvicted()) {
                            evicted.accept(cause == RemovalCause.SIZE ? "size" : "expired", e);
                        }
                    }
                })
                .build();
    }

    static int weight(CacheEntry e) {
        return (int) Math.min(Integer.MAX_VALUE, 1 + e.tokens() / 1_000);
    }

    /** About four bytes per token plus overhead: a gauge, not an accounting. */
    static long approximateBytes(CacheEntry e) {
        return 512 + 4 * e.tokens();
    }

    Optional<CacheEntry> get(String key) {
        CacheEntry e = cache.getIfPresent(key);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(keptUntil(e))) {
            cache.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(e);
    }

    /** Stores a fresh entry (a stale one is only ever a fallback, never put back). */
    void put(CacheEntry e) {
        if (e.liveAt(clock.instant())) {
            bytes.addAndGet(approximateBytes(e));
            cache.put(e.keyHash(), e);
        }
    }

    void invalidateAll() {
        cache.invalidateAll();
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    long bytes() {
        return Math.max(0, bytes.get());
    }

    private long nanosLeft(CacheEntry e) {
        Instant now = clock.instant();
        return Math.max(0, Duration.between(now, keptUntil(e)).toNanos());
    }

    private Instant keptUntil(CacheEntry e) {
        return keptUntil.apply(e);
    }
}
