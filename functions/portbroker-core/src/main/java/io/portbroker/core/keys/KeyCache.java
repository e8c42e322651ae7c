package io.portbroker.core.keys;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The in-container key cache: one store lookup per key at a time (concurrent misses wait for the same lookup
 * instead of each issuing their own), a re-read by one request during the last {@code refreshAhead} of an entry's
 * life so busy keys never miss, and a failed re-read answered with the still-valid entry. No entry is ever used past
 * its {@code ttl}, so a revocation made elsewhere is seen within the ttl even while the store is failing.
 */
final class KeyCache {
    private final KeyCacheSettings settings;
    private final Function<String, Optional<ApiKeyRecord>> loader;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, CompletableFuture<Entry>> loading = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    KeyCache(KeyCacheSettings settings, Function<String, Optional<ApiKeyRecord>> loader) {
        this.settings = settings;
        this.loader = loader;
    }

    /**
     * The record for a key hash, or empty when the store has none.
     *
     * @throws RuntimeException what the store threw, when there is no still-valid entry to answer with
     */
    Optional<ApiKeyRecord> get(String hash, Instant now) {
        Entry cached = entries.get(hash);
        if (cached != null && now.isBefore(cached.expires(settings))) {
            if (now.isBefore(cached.refreshFrom(settings))) {
                return Optional.ofNullable(cached.record());
            }
            return Optional.ofNullable(refreshAhead(hash, cached, now).record());
        }
        return Optional.ofNullable(load(hash, now).record());
    }

    /** Forgets one entry (and any lookup in progress for it) so the next request reads the store. */
    void invalidate(String hash) {
        invalidations.incrementAndGet();
        loading.remove(hash);
        entries.remove(hash);
    }

    private Entry load(String hash, Instant now) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        CompletableFuture<Entry> running = loading.putIfAbsent(hash, mine);
        if (running != null) {
            return await(running);
        }
        try {
            Entry fresh = read(hash, now);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(hash, mine);
        }
    }

    private Entry refreshAhead(String hash, Entry current, Instant now) {
        CompletableFuture<Entry> mine = new CompletableFuture<>();
        if (loading.putIfAbsent(hash, mine) != null) {
            return current; // someone is already re-reading it; the entry is still valid
        }
        try {
            Entry fresh = read(hash, now);
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException storeFailure) {
            // requests that found the entry expired and joined this read get the failure; this one may still use it
            mine.completeExceptionally(storeFailure);
            return current;
        } finally {
            loading.remove(hash, mine);
        }
    }

    private Entry read(String hash, Instant now) {
        long generation = invalidations.get();
        Entry fresh = new Entry(loader.apply(hash).orElse(null), now);
        if (entries.size() >= settings.maxEntries()) {
            entries.clear();
        }
        entries.put(hash, fresh);
        if (invalidations.get() != generation) {
            entries.remove(hash, fresh); // invalidated while reading: the record read may predate the change
        }
        return fresh;
    }

    private static Entry await(CompletableFuture<Entry> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** A record read at {@code loadedAt}; a null record caches "no such key". */
    private record Entry(ApiKeyRecord record, Instant loadedAt) {
        Instant expires(KeyCacheSettings s) {
            return loadedAt.plus(s.ttl());
        }

        Instant refreshFrom(KeyCacheSettings s) {
            return loadedAt.plus(s.ttl()).minus(s.refreshAhead());
        }
    }
}
