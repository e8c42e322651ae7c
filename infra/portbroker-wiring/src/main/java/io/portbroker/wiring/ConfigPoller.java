package io.portbroker.wiring;

import io.portbroker.core.reload.ConfigSnapshots;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the config version every {@code infrastructure.config-poll} and reloads when it moved. A failed poll
 * (DynamoDB or SSM unreachable) is logged and keeps the snapshot in force; the next tick tries again.
 */
public final class ConfigPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigPoller.class);

    private final ConfigSnapshots snapshots;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();

    ConfigPoller(ConfigSnapshots snapshots, ScheduledExecutorService scheduler, Duration interval) {
        this.snapshots = snapshots;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    /** Starts polling (once; later calls do nothing). */
    public void start() {
        if (task.get() == null) {
            ScheduledFuture<?> f = scheduler.scheduleWithFixedDelay(
                    this::pollOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            if (!task.compareAndSet(null, f)) {
                f.cancel(false);
            }
        }
    }

    void pollOnce() {
        try {
            snapshots.poll();
        } catch (RuntimeException e) {
            LOG.warn(
                    "config poll failed, keeping version {}: {}",
                    snapshots.get().version(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> f = task.getAndSet(null);
        if (f != null) {
            f.cancel(false);
        }
    }
}
