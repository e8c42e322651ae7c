package io.portbroker.core.testing;

import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.SharedBreakerState;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link BreakerStateStore} in a map, with the same conditional-write rule as the DynamoDB table. {@link
 * #failing(boolean)} makes every call throw, to test the in-memory fallback of the breakers.
 */
public final class InMemoryBreakerStateStore implements BreakerStateStore {

    private final Map<String, SharedBreakerState> rows = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    /** While true, every call throws as an unreachable store would. */
    public InMemoryBreakerStateStore failing(boolean value) {
        failing.set(value);
        return this;
    }

    @Override
    public Optional<SharedBreakerState> get(String targetId) {
        check();
        return Optional.ofNullable(rows.get(targetId));
    }

    @Override
    public boolean put(SharedBreakerState next, long expectedVersion) {
        check();
        boolean[] written = {false};
        rows.compute(next.targetId(), (id, current) -> {
            long version = current == null ? 0 : current.version();
            if (version != expectedVersion) {
                return current;
            }
            written[0] = true;
            return next;
        });
        return written[0];
    }

    private void check() {
        if (failing.get()) {
            throw new IllegalStateException("breaker state store unreachable (simulated)");
        }
    }
}
