package io.portbroker.core.routing;

import java.time.Duration;

/**
 * Hedged requests for one route: when the first target has produced no first token after {@link #delay}, the
 * same request starts on the next target; the first to produce a token wins and the other is cancelled.
 *
 * @param enabled whether the route hedges at all (opt-in: a hedge can double the upstream cost of a request)
 * @param delay the fixed wait before hedging; also the fallback while a target has too few latency samples
 * @param useObservedP95 wait for the target's observed p95 time-to-first-token instead of {@code delay}
 */
public record HedgePolicy(boolean enabled, Duration delay, boolean useObservedP95) {

    /** The default hedging wait when a route enables hedging without naming one. */
    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(2);

    public HedgePolicy {
        delay = delay == null ? DEFAULT_DELAY : delay;
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("hedge delay must be positive");
        }
    }

    /** No hedging. */
    public static HedgePolicy off() {
        return new HedgePolicy(false, DEFAULT_DELAY, false);
    }

    /** Hedge after a fixed delay. */
    public static HedgePolicy after(Duration delay) {
        return new HedgePolicy(true, delay, false);
    }

    /** Hedge after the target's observed p95 time-to-first-token, {@code fallback} until it is known. */
    public static HedgePolicy atP95(Duration fallback) {
        return new HedgePolicy(true, fallback, true);
    }
}
