package io.portbroker.core.overload;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Bounds the request-body bytes being worked on at once ({@link OverloadSettings#maxBodyBytesInFlight}), so a few
 * concurrent near-limit bodies (30 MB base64 images) are refused with 529 before they are buffered instead of
 * exhausting the heap. Each body is counted by its declared length from arrival until its response ends. A body
 * always fits when no other is counted, so every request under the body-size limit can be served one at a time.
 * Never waits; the bound is read on every reservation, so it follows reloads.
 */
public final class BodyBudget {
    private final Supplier<OverloadSettings> settings;
    private final AtomicLong reserved = new AtomicLong();

    /** A budget reading its bound from {@code settings} at each reservation. */
    public BodyBudget(Supplier<OverloadSettings> settings) {
        this.settings = settings;
    }

    /** A reservation of {@code bytes}, or empty when they do not fit next to the bodies already counted. */
    public Optional<Reservation> tryReserve(long bytes) {
        long max = settings.get().maxBodyBytesInFlight();
        long size = Math.max(0, bytes);
        while (true) {
            long now = reserved.get();
            if (now > 0 && now + size > max) {
                return Optional.empty();
            }
            if (reserved.compareAndSet(now, now + size)) {
                return Optional.of(new Reservation(reserved, size));
            }
        }
    }

    /** Body bytes counted right now. */
    public long reserved() {
        return reserved.get();
    }

    /** Bytes held for one body; {@link #close} gives them back once (later calls do nothing). */
    public static final class Reservation implements AutoCloseable {
        private final AtomicLong reserved;
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Reservation(AtomicLong reserved, long bytes) {
            this.reserved = reserved;
            this.bytes = bytes;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                reserved.addAndGet(-bytes);
            }
        }
    }
}
