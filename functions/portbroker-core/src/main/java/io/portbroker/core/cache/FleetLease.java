package io.portbroker.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Single-flight across containers: before a container goes upstream for a key it claims a short lease in L2
 * ({@code lease#<hash>}); a container that finds the lease taken waits, reading L2 every poll, for the holder's
 * answer, and calls upstream itself when the holder gave up without one (its lease is gone) or the wait ran out.
 * A lease store that fails or is slow counts as no lease: the request goes upstream, never fails.
 */
public final class FleetLease {
    static final String PREFIX = "lease#";

    /** How a waiting container pauses between polls. */
    @FunctionalInterface
    public interface Pause {
        /** Sleeps (production). */
        Pause SLEEP = d -> {
            try {
                Thread.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        void pause(Duration d);
    }

    private final CacheLease lease;
    private final Executor executor;
    private final Duration timeout;
    private final Pause pause;
    private final String container = UUID.randomUUID().toString();
    private final AtomicLong claims = new AtomicLong();
    final LongAdder acquired = new LongAdder();
    final LongAdder joined = new LongAdder();
    final LongAdder waitedOut = new LongAdder();
    final LongAdder failures = new LongAdder();

    FleetLease(CacheLease lease, Executor executor, Duration timeout, Pause pause) {
        this.lease = lease;
        this.executor = executor;
        this.timeout = timeout;
        this.pause = pause;
    }

    /**
     * What to do before going upstream: {@code answer} when another container produced the entry meanwhile, else
     * go upstream, holding the lease as {@code owner} (null: no lease held).
     */
    record Turn(Optional<ResponseCache.Hit> answer, String owner) {}

    /**
     * Claims the lease of {@code hash} or waits for the container that holds it.
     *
     * @param poll reads L2 (and L3 through a pointer) for a fresh entry
     */
    Turn claim(String hash, Supplier<Optional<ResponseCache.Hit>> poll, CacheResilienceSettings s, Clock clock) {
        String key = PREFIX + hash;
        String owner = container + "/" + claims.incrementAndGet();
        Instant deadline = clock.instant().plus(s.leaseWait());
        while (true) {
            Instant now = clock.instant();
            Optional<Boolean> mine = bounded(() -> lease.acquire(key, owner, now.plus(s.lease()), now));
            if (mine.isEmpty()) {
                return new Turn(Optional.empty(), null);
            }
            if (mine.get()) {
                acquired.increment();
                return new Turn(Optional.empty(), owner);
            }
            // another container is asking the provider: wait for its answer while it holds the lease
            boolean held;
            do {
                if (!clock.instant().isBefore(deadline)) {
                    waitedOut.increment();
                    return new Turn(Optional.empty(), null);
                }
                pause.pause(s.leasePoll());
                Optional<ResponseCache.Hit> answer = poll.get();
                if (answer.isPresent()) {
                    joined.increment();
                    return new Turn(answer, null);
                }
                Optional<Boolean> still = bounded(() -> lease.held(key, clock.instant()));
                if (still.isEmpty()) {
                    return new Turn(Optional.empty(), null);
                }
                held = still.get();
            } while (held);
            // the holder let go: it writes its answer before it releases, so an answer that landed between the last
            // poll and that check is there now (without this read, that race sent a second call upstream)
            Optional<ResponseCache.Hit> landed = poll.get();
            if (landed.isPresent()) {
                joined.increment();
                return new Turn(landed, null);
            }
            // the holder gave up without an answer, or its lease expired: claim it again
        }
    }

    /** Gives the lease up (after the holder's entry was written, or when it has none). */
    void release(String hash, String owner) {
        if (owner != null) {
            bounded(() -> {
                lease.release(PREFIX + hash, owner);
                return true;
            });
        }
    }

    /** The call's result, or empty (counted) when it failed or took longer than the read timeout. */
    private Optional<Boolean> bounded(Supplier<Boolean> call) {
        CompletableFuture<Boolean> f = CompletableFuture.supplyAsync(call, executor);
        try {
            return Optional.of(f.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            f.cancel(true);
        }
        failures.increment();
        return Optional.empty();
    }
}
