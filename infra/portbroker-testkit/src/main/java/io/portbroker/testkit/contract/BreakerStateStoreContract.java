package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.SharedBreakerState;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link BreakerStateStore} must have; extend it with a factory for the implementation. */
public abstract class BreakerStateStoreContract {

    private static final Instant OPEN_UNTIL = Instant.parse("2026-01-01T00:00:30Z");
    private static final Instant EXPIRES = Instant.parse("2026-01-01T01:00:30Z");

    protected BreakerStateStore store;

    /** A new, empty store. */
    protected abstract BreakerStateStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void get_shouldBeEmpty_whenNothingWasWritten() {
        assertThat(store.get("deepseek/deepseek-chat")).isEmpty();
    }

    @Test
    void put_shouldCreateTheRow_whenExpectingVersionZero() {
        // given
        SharedBreakerState open = new SharedBreakerState("a/m", BreakerState.OPEN, OPEN_UNTIL, 1, EXPIRES);

        // when
        boolean written = store.put(open, 0);

        // then
        assertThat(written).isTrue();
        assertThat(store.get("a/m")).contains(open);
    }

    @Test
    void put_shouldRefuse_whenAnotherWriterChangedTheVersion() {
        // given: two containers read version 0; the first opens the breaker
        store.put(new SharedBreakerState("a/m", BreakerState.OPEN, OPEN_UNTIL, 1, EXPIRES), 0);

        // when: the second writes on the stale version
        boolean written = store.put(new SharedBreakerState("a/m", BreakerState.CLOSED, OPEN_UNTIL, 1, EXPIRES), 0);

        // then
        assertThat(written).isFalse();
        assertThat(store.get("a/m").orElseThrow().state()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void put_shouldReplace_whenTheExpectedVersionMatches() {
        // given
        store.put(new SharedBreakerState("a/m", BreakerState.OPEN, OPEN_UNTIL, 1, EXPIRES), 0);
        SharedBreakerState closed = new SharedBreakerState("a/m", BreakerState.CLOSED, OPEN_UNTIL, 2, EXPIRES);

        // when
        boolean written = store.put(closed, 1);

        // then
        assertThat(written).isTrue();
        assertThat(store.get("a/m")).contains(closed);
    }
}
