package io.portbroker.core.overload;

import io.portbroker.error.OverloadedError;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Admits at most {@link OverloadSettings#maxInFlight} requests at once and never waits: a request over the bound
 * gets no permit and is refused by the caller with {@link #refusal()}. Admitted requests keep their latency because
 * the excess never joins a queue. The bound and the retry-after change live ({@link #update}, on CONFIG_RELOAD):
 * each admission and refusal reads one settings record, never a mix of two; lowering the bound below the requests
 * already admitted lets them finish and refuses new ones until the count is under it.
 */
public final class InFlightLimit {
    private final AtomicReference<OverloadSettings> settings;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final BodyBudget bodies;

    public InFlightLimit(OverloadSettings settings) {
        this.settings = new AtomicReference<>(settings);
        this.bodies = new BodyBudget(this.settings::get);
    }

    /** The request-body budget under the same settings (live with {@link #update}). */
    public BodyBudget bodies() {
        return bodies;
    }

    /** Applies new bounds to the next admissions and refusals. */
    public void update(OverloadSettings next) {
        settings.set(next);
    }

    /** The bounds in force. */
    public OverloadSettings settings() {
        return settings.get();
    }

    /** A permit when there is room, or empty (the caller refuses the request). */
    public Optional<Permit> tryEnter() {
        int max = settings.get().maxInFlight();
        while (true) {
            int now = inFlight.get();
            if (now >= max) {
                return Optional.empty();
            }
            if (inFlight.compareAndSet(now, now + 1)) {
                return Optional.of(new Permit(inFlight));
            }
        }
    }

    /** Requests admitted right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Whether a request arriving now would be refused. */
    public boolean full() {
        return inFlight.get() >= settings.get().maxInFlight();
    }

    /** The error a refused request is answered with (529 overloaded_error with retry-after). */
    public OverloadedError refusal() {
        return new OverloadedError(
                "the gateway is at capacity; retry shortly", settings.get().retryAfterSeconds());
    }

    /** One admitted request; {@link #close} gives the room back once (later calls do nothing). */
    public static final class Permit implements AutoCloseable {
        private final AtomicInteger inFlight;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(AtomicInteger inFlight) {
            this.inFlight = inFlight;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }
}
