package io.portbroker.core.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A small breaker per cache tier: after {@code failures} consecutive failures (errors or timeouts) the tier is
 * skipped for {@code open}; then one call is let through, and a success closes it again. A tier that is down
 * costs each request nothing while open.
 */
final class TierBreaker {
    private final int threshold;
    private final Duration open;
    private final Clock clock;
    private int consecutive;
    private Instant openUntil = Instant.MIN;

    TierBreaker(int threshold, Duration open, Clock clock) {
        this.threshold = threshold;
        this.open = open;
        this.clock = clock;
    }

    /** Whether a call may go to the tier now. */
    synchronized boolean allows() {
        return !clock.instant().isBefore(openUntil);
    }

    synchronized void success() {
        consecutive = 0;
        openUntil = Instant.MIN;
    }

    synchronized void failure() {
        consecutive++;
        if (consecutive >= threshold) {
            openUntil = clock.instant().plus(open);
        }
    }

    /** {@code closed} or {@code open}, for the admin stats. */
    synchronized String state() {
        return allows() ? "closed" : "open";
    }
}
