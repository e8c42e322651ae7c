package io.portbroker.core.resilience;

import java.util.Optional;

/**
 * Port: breaker states shared by every container, so all of them skip a dead provider within seconds of one
 * container noticing. Implementations may throw any runtime exception when the store is unreachable; the
 * breakers then carry on with their in-memory state.
 */
public interface BreakerStateStore {

    /** Shares nothing: every container's breakers keep their own state (a single container, a test). */
    BreakerStateStore NONE = new BreakerStateStore() {
        @Override
        public Optional<SharedBreakerState> get(String targetId) {
            return Optional.empty();
        }

        @Override
        public boolean put(SharedBreakerState next, long expectedVersion) {
            return true;
        }
    };

    /** The shared state of a target, or empty when none was written (or it expired). */
    Optional<SharedBreakerState> get(String targetId);

    /**
     * Writes {@code next} only if the stored version still equals {@code expectedVersion} (0: no row yet).
     *
     * @return false when another container wrote first (nothing changed)
     */
    boolean put(SharedBreakerState next, long expectedVersion);
}
