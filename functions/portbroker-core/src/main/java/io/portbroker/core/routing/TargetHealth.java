package io.portbroker.core.routing;

import java.time.Duration;

/** Port: whether a target may take traffic now (implemented by the circuit breakers). */
public interface TargetHealth {

    /** Every target is healthy (no breakers). */
    TargetHealth ALWAYS = new TargetHealth() {
        @Override
        public boolean isAvailable(String targetId) {
            return true;
        }

        @Override
        public Duration unavailableFor(String targetId) {
            return Duration.ZERO;
        }
    };

    /** False while the target's breaker is open; never consumes a half-open probe. */
    boolean isAvailable(String targetId);

    /** How long the target stays unavailable (zero when available). */
    Duration unavailableFor(String targetId);
}
