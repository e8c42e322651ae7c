package io.portbroker.core.usage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects usage off the request path and writes it in batches: {@link #record} only enqueues; a scheduled
 * {@link #flush} sums the queue per key and day and sends one add per pair. Nothing is dropped: when the queue is
 * full the recording thread flushes itself (back-pressure instead of loss), a failed write is kept and retried
 * on the next flush, and {@link #close} flushes what is left (call it on shutdown).
 */
public final class UsageRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

    private final UsageStore store;
    private final Clock clock;
    private final BlockingQueue<UsageDelta> queue;
    private final Map<String, UsageDelta> pending = new HashMap<>();
    private final ScheduledFuture<?> schedule;

    /**
     * @param store where batches go
     * @param clock stamps last-used and picks the day
     * @param capacity how many uses may wait in memory
     * @param scheduler runs the periodic flush, or null to flush only when full and on close (tests)
     * @param flushEveryMillis period of the scheduled flush
     */
    public UsageRecorder(
            UsageStore store, Clock clock, int capacity, ScheduledExecutorService scheduler, long flushEveryMillis) {
        this.store = store;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.schedule = scheduler == null
                ? null
                : scheduler.scheduleWithFixedDelay(
                        this::flushQuietly, flushEveryMillis, flushEveryMillis, TimeUnit.MILLISECONDS);
    }

    /** Counts one finished request of {@code keyId}; returns at once unless the queue is full. */
    public void record(String keyId, long inputTokens, long outputTokens) {
        Instant now = clock.instant();
        UsageDelta delta =
                new UsageDelta(keyId, LocalDate.ofInstant(now, ZoneOffset.UTC), 1, inputTokens, outputTokens, now);
        while (!queue.offer(delta)) {
            flushQuietly();
        }
    }

    /**
     * Writes everything queued so far.
     *
     * @throws RuntimeException when the store fails (the counts stay pending for the next flush)
     */
    public synchronized void flush() {
        List<UsageDelta> drained = new ArrayList<>();
        queue.drainTo(drained);
        for (UsageDelta d : drained) {
            pending.merge(d.keyId() + "|" + d.day(), d, UsageDelta::plus);
        }
        if (pending.isEmpty()) {
            return;
        }
        store.add(List.copyOf(pending.values()));
        pending.clear();
    }

    /** Uses waiting to be written (queued plus kept after a failed write). */
    public synchronized int backlog() {
        return queue.size() + pending.size();
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("usage flush failed, will retry: {}", e.getClass().getSimpleName());
        }
    }

    /** Stops the schedule and flushes the rest; a failure here is logged, since the process is ending anyway. */
    @Override
    public void close() {
        if (schedule != null) {
            schedule.cancel(false);
        }
        flushQuietly();
    }
}
