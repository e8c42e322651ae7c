package io.portbroker.core.overload;

import io.portbroker.error.OverloadedError;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Admits at most {@link OverloadSettings#maxInFlight} requests at once and never waits: a request over the bound
 * gets no permit and is refused by the caller with {@link #refusal()}. Admitted requests keep their latency because
 * the excess never joins a queue.
 */
public final class InFlightLimit {
    private final OverloadSettings settings;
    private final Semaphore permits;

    public InFlightLimit(OverloadSettings settings) {
        this.settings = settings;
        this.permits = new Semaphore(settings.maxInFlight());
    }

    /** A permit when there is room, or empty (the caller refuses the request). */
    public Optional<Permit> tryEnter() {
        return permits.tryAcquire() ? Optional.of(new Permit(permits)) : Optional.empty();
    }

    /** Requests admitted right now. */
    public int inFlight() {
        return settings.maxInFlight() - permits.availablePermits();
    }

    /** The error a refused request is answered with (529 overloaded_error with retry-after). */
    public OverloadedError refusal() {
        return new OverloadedError("the gateway is at capacity; retry shortly", settings.retryAfterSeconds());
    }

    /** One admitted request; {@link #close} gives the room back once (later calls do nothing). */
    public static final class Permit implements AutoCloseable {
        private final Semaphore permits;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore permits) {
            this.permits = permits;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
