package io.portbroker.fn.gateway;

import io.portbroker.error.CancelledError;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Byte credit of one stream between its writers and the server. The stream's reader (a virtual thread) waits in
 * {@link #acquire} while more than the capacity is waiting to be sent; a platform thread (the watchdog's pings)
 * never waits, it only adds its few bytes. {@link #release} gives credit back as the server takes chunks, and
 * {@link #cancel} wakes a waiting writer for good once the client has gone.
 */
public final class StreamCredit {
    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private long buffered;
    private boolean cancelled;

    public StreamCredit(long capacity) {
        this.capacity = capacity;
    }

    /**
     * Counts a chunk as buffered, first waiting (virtual threads only) while the buffer is full. A chunk larger than
     * the capacity passes once the buffer is empty.
     *
     * @throws CancelledError when the client disconnected, before or while waiting
     */
    public void acquire(int bytes) {
        boolean mayWait = Thread.currentThread().isVirtual();
        lock.lock();
        try {
            while (mayWait && !cancelled && buffered > 0 && buffered + bytes > capacity) {
                freed.await(100, TimeUnit.MILLISECONDS);
            }
            if (cancelled) {
                throw new CancelledError("the client disconnected");
            }
            buffered += bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledError("the stream was interrupted");
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the credit of chunks the server has taken ({@code Long.MAX_VALUE}: stop counting). */
    public void release(long bytes) {
        lock.lock();
        try {
            buffered = Math.max(0, buffered - bytes);
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Marks the stream gone: a waiting or later {@link #acquire} fails at once. */
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
            freed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes counted as waiting to be sent. */
    long buffered() {
        lock.lock();
        try {
            return buffered;
        } finally {
            lock.unlock();
        }
    }
}
