package io.portbroker.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A value loaded at most once per refresh interval. A lock rather than {@code synchronized} so virtual threads
 * waiting on a reload do not pin their carrier; one caller reloads while the others wait for its result.
 */
final class RefreshingValue<T> {

    private final Supplier<T> loader;
    private final Clock clock;
    private final Duration interval;
    private final ReentrantLock lock = new ReentrantLock();
    private T value;
    private Instant loadedAt;

    RefreshingValue(Supplier<T> loader, Clock clock, Duration interval) {
        this.loader = loader;
        this.clock = clock;
        this.interval = interval;
    }

    T get() {
        lock.lock();
        try {
            Instant now = clock.instant();
            if (value == null || !now.isBefore(loadedAt.plus(interval))) {
                value = loader.get();
                loadedAt = now;
            }
            return value;
        } finally {
            lock.unlock();
        }
    }

    /** The next {@link #get()} reloads. */
    void invalidate() {
        lock.lock();
        try {
            value = null;
        } finally {
            lock.unlock();
        }
    }
}
