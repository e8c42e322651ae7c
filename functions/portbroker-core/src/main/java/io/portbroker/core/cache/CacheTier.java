package io.portbroker.core.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * A shared tier (L2 or L3) as the cache uses it: reads bounded by a timeout of a few milliseconds and guarded by
 * a {@link TierBreaker}, failures of any kind turned into misses and counted. Nothing here ever throws into a
 * request.
 */
final class CacheTier {
    private final CacheOutcome.Tier tier;
    private final CacheStore store;
    private final TierBreaker breaker;
    private final Duration readTimeout;
    private final Executor executor;
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder writes = new LongAdder();

    CacheTier(CacheOutcome.Tier tier, CacheStore store, TierBreaker breaker, Duration readTimeout, Executor executor) {
        this.tier = tier;
        this.store = store;
        this.breaker = breaker;
        this.readTimeout = readTimeout;
        this.executor = executor;
    }

    CacheOutcome.Tier tier() {
        return tier;
    }

    String breakerState() {
        return breaker.state();
    }

    /** The bytes under {@code key}, or empty on a miss, an open breaker, an error or a timeout. */
    Optional<byte[]> read(String key, Instant now) {
        return attempt(key, now).value();
    }

    /** What one read found, and whether the tier answered at all (a miss is an answer; a timeout is not). */
    record Read(Optional<byte[]> value, boolean answered) {}

    /** Like {@link #read}, telling a definite miss from a tier that could not answer. */
    Read attempt(String key, Instant now) {
        if (!breaker.allows()) {
            misses.increment();
            return new Read(Optional.empty(), false);
        }
        CompletableFuture<Optional<byte[]>> read = CompletableFuture.supplyAsync(() -> store.get(key, now), executor);
        try {
            Optional<byte[]> value = read.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
            breaker.success();
            (value.isPresent() ? hits : misses).increment();
            return new Read(value, true);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            read.cancel(true);
            failed();
            return new Read(Optional.empty(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed();
            return new Read(Optional.empty(), false);
        }
    }

    /**
     * Like {@link #read} but tells a failure (open breaker, error, timeout) from a miss, by throwing: namespace
     * versions keep their last known value then.
     *
     * @throws IllegalStateException when the tier could not answer
     */
    Optional<byte[]> readOrFail(String key, Instant now) {
        Read read = attempt(key, now);
        if (!read.answered()) {
            throw new IllegalStateException(tier.id() + " unavailable");
        }
        return read.value();
    }

    /**
     * Writes synchronously (from the write-behind worker, or an admin's namespace bump). The breaker does not
     * apply: it protects request latency, and writes are off the request path; a tier that is really down fails
     * them fast, and the worker counts it.
     */
    void write(String key, byte[] value, Instant expiresAt) {
        try {
            store.put(key, value, expiresAt);
            writes.increment();
        } catch (RuntimeException e) {
            errors.increment();
            throw e;
        }
    }

    /** Best-effort removal (corrupt entries). */
    void delete(String key) {
        try {
            store.delete(key);
        } catch (RuntimeException e) {
            errors.increment();
        }
    }

    private void failed() {
        errors.increment();
        misses.increment();
        breaker.failure();
    }
}
