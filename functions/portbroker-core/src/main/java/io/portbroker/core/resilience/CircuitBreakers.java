package io.portbroker.core.resilience;

import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.routing.TargetHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breakers of this container, one per target, kept in step with the other containers through the {@link
 * BreakerStateStore}: a target's shared row is read at most once per sync interval, an open or closed row newer
 * than the last one seen is adopted, and this container's own open/close transitions are written back with a
 * conditional write. When the store fails the breakers carry on in memory (and say so in the log once per
 * outage). Pauses an upstream asks for ({@code Retry-After}) are not the breakers' business: see {@link CoolDowns}.
 * Thread-safe; store calls happen outside the per-target locks.
 */
public final class CircuitBreakers implements TargetHealth {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakers.class);

    private final BreakerSettings settings;
    private final BreakerStateStore store;
    private final Clock clock;
    private final Metrics metrics;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean storeDown;

    public CircuitBreakers(BreakerSettings settings, BreakerStateStore store, Clock clock, Metrics metrics) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public boolean isAvailable(String targetId) {
        Entry e = entry(targetId);
        sync(targetId, e);
        Instant now = clock.instant();
        e.lock.lock();
        try {
            return e.breaker.isAvailable(now);
        } finally {
            e.lock.unlock();
        }
    }

    @Override
    public Duration unavailableFor(String targetId) {
        Entry e = entry(targetId);
        Instant now = clock.instant();
        e.lock.lock();
        try {
            return e.breaker.unavailableFor(now);
        } finally {
            e.lock.unlock();
        }
    }

    /** Lets a call to the target through, or refuses it (open, probes taken). */
    public boolean tryAcquire(String targetId) {
        Entry e = entry(targetId);
        sync(targetId, e);
        Instant now = clock.instant();
        BreakerState before;
        BreakerState after;
        boolean permitted;
        e.lock.lock();
        try {
            before = e.breaker.state();
            permitted = e.breaker.tryAcquire(now);
            after = e.breaker.state();
        } finally {
            e.lock.unlock();
        }
        if (before != after) {
            transitioned(targetId, after);
        }
        return permitted;
    }

    /** The target answered (or failed in a way that is the client's fault). */
    public void onSuccess(String targetId) {
        record(targetId, true);
    }

    /** The target failed (connection, timeout, 5xx). */
    public void onFailure(String targetId) {
        record(targetId, false);
    }

    /** A permitted call ended without a verdict on the target (cancelled, lost a hedge race). */
    public void release(String targetId) {
        Entry e = entry(targetId);
        e.lock.lock();
        try {
            e.breaker.release();
        } finally {
            e.lock.unlock();
        }
    }

    /** The breaker's state in this container. */
    public BreakerState state(String targetId) {
        Entry e = entry(targetId);
        e.lock.lock();
        try {
            return e.breaker.state();
        } finally {
            e.lock.unlock();
        }
    }

    private void record(String targetId, boolean success) {
        Entry e = entry(targetId);
        BreakerState before;
        BreakerState after;
        Instant openUntil;
        e.lock.lock();
        try {
            before = e.breaker.state();
            after = e.breaker.onResult(success, clock.instant());
            openUntil = e.breaker.openUntil();
        } finally {
            e.lock.unlock();
        }
        if (before != after) {
            transitioned(targetId, after);
            if (after != BreakerState.HALF_OPEN) {
                publish(targetId, e, after, openUntil);
            }
        }
    }

    private void transitioned(String targetId, BreakerState state) {
        LOG.warn("breaker of {} is now {}", targetId, state);
        metrics.gauge(MetricNames.BREAKER_STATE, Map.of("target", targetId), state.gauge());
        metrics.increment(MetricNames.BREAKER_TRANSITIONS, Map.of("target", targetId, "state", state.name()));
    }

    private void publish(String targetId, Entry e, BreakerState state, Instant openUntil) {
        long expected = e.seenVersion;
        Instant now = clock.instant();
        Instant until = state == BreakerState.OPEN ? openUntil : now;
        SharedBreakerState next =
                new SharedBreakerState(targetId, state, until, expected + 1, until.plus(settings.stateTtl()));
        try {
            if (store.put(next, expected)) {
                e.seenVersion = expected + 1;
            } else {
                // another container wrote first: read its state at the next call
                e.lastSync = Instant.MIN;
            }
            storeUp();
        } catch (RuntimeException failure) {
            storeFailed(failure);
        }
    }

    private void sync(String targetId, Entry e) {
        Instant now = clock.instant();
        if (now.isBefore(e.lastSync.plus(settings.syncInterval()))) {
            return;
        }
        e.lastSync = now;
        Optional<SharedBreakerState> shared;
        try {
            shared = store.get(targetId);
            storeUp();
        } catch (RuntimeException failure) {
            storeFailed(failure);
            return;
        }
        shared.filter(s -> s.version() > e.seenVersion).ifPresent(s -> {
            BreakerState before;
            BreakerState after;
            e.lock.lock();
            try {
                e.seenVersion = s.version();
                before = e.breaker.state();
                e.breaker.adopt(s.state(), s.openUntil(), now);
                after = e.breaker.state();
            } finally {
                e.lock.unlock();
            }
            if (before != after) {
                transitioned(targetId, after);
            }
        });
    }

    private void storeFailed(RuntimeException failure) {
        if (!storeDown) {
            storeDown = true;
            LOG.warn(
                    "breaker state store unreachable, using in-memory breakers: {}",
                    failure.getClass().getName());
        }
    }

    private void storeUp() {
        if (storeDown) {
            storeDown = false;
            LOG.info("breaker state store reachable again");
        }
    }

    private Entry entry(String targetId) {
        return entries.computeIfAbsent(targetId, id -> new Entry(new CircuitBreaker(settings)));
    }

    private static final class Entry {
        final CircuitBreaker breaker;
        final ReentrantLock lock = new ReentrantLock();
        volatile Instant lastSync = Instant.MIN;
        volatile long seenVersion;

        Entry(CircuitBreaker breaker) {
            this.breaker = breaker;
        }
    }
}
