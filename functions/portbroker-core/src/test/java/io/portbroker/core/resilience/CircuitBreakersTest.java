package io.portbroker.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.testing.InMemoryBreakerStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Breaker timing on a movable clock: no test here sleeps. */
class CircuitBreakersTest {

    private static final String T = "p/m";
    private static final BreakerSettings SETTINGS = new BreakerSettings(
            0.5, Duration.ofSeconds(60), 4, Duration.ofSeconds(30), 2, Duration.ofSeconds(2), Duration.ofHours(1));

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final InMemoryBreakerStateStore store = new InMemoryBreakerStateStore();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final CircuitBreakers breakers = new CircuitBreakers(SETTINGS, store, clock, metrics);

    private void fail(CircuitBreakers b, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(b.tryAcquire(T)).isTrue();
            b.onFailure(T);
        }
    }

    private void advance(Duration d) {
        now = now.plus(d);
    }

    @Test
    void breaker_shouldStayClosed_untilTheMinimumNumberOfCalls() {
        fail(breakers, 3);

        assertThat(breakers.state(T)).isEqualTo(BreakerState.CLOSED);
        assertThat(breakers.isAvailable(T)).isTrue();
    }

    @Test
    @Tag("error-path")
    void breaker_shouldOpenHalfOpenAndClose_whenProbesSucceed() {
        // given: 2 of 4 fail (50 %)
        breakers.tryAcquire(T);
        breakers.onSuccess(T);
        breakers.tryAcquire(T);
        breakers.onSuccess(T);
        fail(breakers, 2);

        // then: open, published, rejecting
        assertThat(breakers.state(T)).isEqualTo(BreakerState.OPEN);
        assertThat(store.get(T).orElseThrow().state()).isEqualTo(BreakerState.OPEN);
        assertThat(breakers.tryAcquire(T)).isFalse();
        assertThat(breakers.unavailableFor(T)).isEqualTo(Duration.ofSeconds(30));
        assertThat(metrics.gaugeValue(MetricNames.BREAKER_STATE, Map.of("target", T)))
                .isEqualTo(2.0);

        // when: the wait passes, two probes are allowed, a third is not
        advance(Duration.ofSeconds(30));
        assertThat(breakers.isAvailable(T)).isTrue();
        assertThat(breakers.tryAcquire(T)).isTrue();
        assertThat(breakers.state(T)).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breakers.tryAcquire(T)).isTrue();
        assertThat(breakers.tryAcquire(T)).isFalse();
        assertThat(breakers.isAvailable(T)).isFalse();

        // then: both probes succeed and it closes everywhere
        breakers.onSuccess(T);
        breakers.onSuccess(T);
        assertThat(breakers.state(T)).isEqualTo(BreakerState.CLOSED);
        assertThat(store.get(T).orElseThrow().state()).isEqualTo(BreakerState.CLOSED);
        assertThat(store.get(T).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    @Tag("error-path")
    void breaker_shouldReopen_whenAProbeFails_andGiveBackAProbeThatEndedWithoutVerdict() {
        fail(breakers, 4);
        advance(Duration.ofSeconds(30));
        assertThat(breakers.tryAcquire(T)).isTrue();
        assertThat(breakers.tryAcquire(T)).isTrue();
        breakers.release(T);
        assertThat(breakers.tryAcquire(T))
                .as("the released probe is free again")
                .isTrue();

        breakers.onFailure(T);

        assertThat(breakers.state(T)).isEqualTo(BreakerState.OPEN);
        assertThat(breakers.unavailableFor(T)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void breaker_shouldForgetFailures_thatLeftTheWindow() {
        fail(breakers, 2);
        advance(Duration.ofSeconds(61));
        breakers.tryAcquire(T);
        breakers.onSuccess(T);
        breakers.tryAcquire(T);
        breakers.onSuccess(T);
        fail(breakers, 1);

        assertThat(breakers.state(T)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void otherContainer_shouldSkipTheTarget_withinTheSyncInterval_andCloseWithIt() {
        // given: a second container sharing the table, which has already looked at the target
        CircuitBreakers other = new CircuitBreakers(SETTINGS, store, clock, new InMemoryMetrics());
        assertThat(other.isAvailable(T)).isTrue();

        // when: this container opens the breaker
        fail(breakers, 4);

        // then: the other still trusts its last read until the sync interval passes
        assertThat(other.isAvailable(T)).isTrue();
        advance(Duration.ofSeconds(2));
        assertThat(other.isAvailable(T)).isFalse();
        assertThat(other.state(T)).isEqualTo(BreakerState.OPEN);

        // and when this container closes it after probing, the other follows
        advance(Duration.ofSeconds(28));
        breakers.tryAcquire(T);
        breakers.tryAcquire(T);
        breakers.onSuccess(T);
        breakers.onSuccess(T);
        advance(Duration.ofSeconds(2));
        assertThat(other.isAvailable(T)).isTrue();
        assertThat(other.state(T)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void breaker_shouldRereadTheStore_whenAnotherContainerWroteFirst() {
        // given: another container published version 1 that this one has not read
        assertThat(store.put(
                        new SharedBreakerState(T, BreakerState.OPEN, now.plusSeconds(5), 1, now.plusSeconds(60)), 0))
                .isTrue();
        CircuitBreakers blind = new CircuitBreakers(
                new BreakerSettings(
                        0.5,
                        Duration.ofSeconds(60),
                        4,
                        Duration.ofSeconds(30),
                        2,
                        Duration.ofHours(1),
                        Duration.ofHours(1)),
                store,
                clock,
                metrics);
        store.failing(true);
        blind.isAvailable(T);
        store.failing(false);

        // when: it opens on its own failures, its write conflicts
        fail(blind, 4);

        // then: the row stays the other's; the next call re-reads it
        assertThat(store.get(T).orElseThrow().version()).isEqualTo(1);
        assertThat(blind.isAvailable(T)).isFalse();
    }

    @Test
    @Tag("error-path")
    void breakers_shouldKeepWorkingInMemory_whenTheStoreIsDown() {
        store.failing(true);

        fail(breakers, 4);

        assertThat(breakers.state(T)).isEqualTo(BreakerState.OPEN);
        assertThat(breakers.isAvailable(T)).isFalse();
        store.failing(false);
        advance(Duration.ofSeconds(2));
        assertThat(breakers.isAvailable(T)).isFalse();
    }
}
