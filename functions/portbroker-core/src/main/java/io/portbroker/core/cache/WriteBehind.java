package io.portbroker.core.cache;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes to the shared tiers in the background so no answer waits for a cache write: a bounded queue and one
 * worker. A full queue drops the write and counts it; a failed write is counted and logged (never its content);
 * {@link #close} drains what is queued before the container stops.
 */
public final class WriteBehind implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriteBehind.class);
    private static final Runnable STOP = () -> {};

    private final BlockingQueue<Runnable> queue;
    private final Thread worker;
    private final LongAdder failures = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder done = new LongAdder();
    private final Object idle = new Object();
    private volatile boolean closed;
    /** Writes accepted and not yet finished: queued or running (a taken write is never invisible to flush). */
    private int pending;

    public WriteBehind(int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = Thread.ofPlatform().daemon().name("pb-cache-write-behind").start(this::run);
    }

    /** Queues a write; false (and counted) when the queue is full or closed. */
    public boolean submit(Runnable write) {
        signal(1);
        if (closed || !queue.offer(write)) {
            signal(-1);
            dropped.increment();
            return false;
        }
        return true;
    }

    /** Writes waiting. */
    public int depth() {
        return queue.size();
    }

    public long failures() {
        return failures.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    public long completed() {
        return done.sum();
    }

    /**
     * Waits until every queued write ran (tests, shutdown).
     *
     * @return false when {@code limit} passed first
     */
    public boolean flush(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (idle) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void run() {
        while (true) {
            Runnable next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                signal(0);
                return;
            }
            try {
                next.run();
                done.increment();
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warn("cache write failed: {}", e.getClass().getSimpleName());
            } finally {
                signal(-1);
            }
        }
    }

    private void signal(int delta) {
        synchronized (idle) {
            pending += delta;
            idle.notifyAll();
        }
    }

    /** Drains the queue (up to 10 s), then stops the worker. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        flush(Duration.ofSeconds(10));
        queue.offer(STOP);
        try {
            worker.join(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
