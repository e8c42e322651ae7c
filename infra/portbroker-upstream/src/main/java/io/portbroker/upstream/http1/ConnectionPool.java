package io.portbroker.upstream.http1;

import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;

/**
 * Idle keep-alive connections per origin, most recently used first (warm sockets, and the oldest age out). A
 * connection idle longer than {@code maxIdle} is closed instead of lent (servers close idle connections after a
 * while; a stale one costs a failed write and a retry). At most {@code maxIdlePerOrigin} are kept per origin;
 * extra ones are closed on return. Thread-safe.
 */
public final class ConnectionPool {
    private final ConcurrentHashMap<OriginKey, Deque<Http1Connection>> idle = new ConcurrentHashMap<>();
    private final int maxIdlePerOrigin;
    private final long maxIdleNanos;
    private final LongSupplier nanoTime;

    /**
     * @param nanoTime the clock (monotonic nanoseconds; an argument so tests move it)
     */
    public ConnectionPool(int maxIdlePerOrigin, Duration maxIdle, LongSupplier nanoTime) {
        this.maxIdlePerOrigin = maxIdlePerOrigin;
        this.maxIdleNanos = maxIdle.toNanos();
        this.nanoTime = nanoTime;
    }

    /** An open idle connection to {@code origin}, or null when there is none. */
    public Http1Connection borrow(OriginKey origin) {
        Deque<Http1Connection> queue = idle.get(origin);
        if (queue == null) {
            return null;
        }
        long now = nanoTime.getAsLong();
        for (Http1Connection c = queue.pollFirst(); c != null; c = queue.pollFirst()) {
            if (c.isOpen() && now - c.idleSinceNanos() <= maxIdleNanos) {
                return c;
            }
            c.close();
        }
        return null;
    }

    /** Takes back a connection whose exchange completed cleanly. */
    public void release(Http1Connection connection) {
        Deque<Http1Connection> queue = idle.computeIfAbsent(connection.origin(), k -> new ConcurrentLinkedDeque<>());
        connection.idleSince(nanoTime.getAsLong());
        queue.offerFirst(connection);
        while (queue.size() > maxIdlePerOrigin) {
            Http1Connection oldest = queue.pollLast();
            if (oldest == null) {
                break;
            }
            oldest.close();
        }
    }

    /** Idle connections held for {@code origin} (for tests and metrics). */
    public int idleCount(OriginKey origin) {
        Deque<Http1Connection> queue = idle.get(origin);
        return queue == null ? 0 : queue.size();
    }
}
