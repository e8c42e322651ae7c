package io.portbroker.core.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class UsageRecorderTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T23:59:00Z");
    private final InMemoryUsageStore store = new InMemoryUsageStore();

    @Test
    void record_shouldOnlyQueue_untilAFlushWritesOneSumPerKeyAndDay() {
        // given
        UsageRecorder recorder = new UsageRecorder(store, clock, 100, null, 0);
        recorder.record("key_1", 10, 1);
        clock.advance(Duration.ofSeconds(30));
        recorder.record("key_1", 20, 2);
        recorder.record("key_2", 5, 5);
        assertThat(store.batches).isEmpty();
        assertThat(recorder.backlog()).isEqualTo(3);

        // when
        recorder.flush();

        // then
        assertThat(store.batches).hasSize(1);
        assertThat(store.batches.getFirst())
                .containsExactlyInAnyOrder(
                        new UsageDelta(
                                "key_1",
                                LocalDate.parse("2026-04-01"),
                                2,
                                30,
                                3,
                                Instant.parse("2026-04-01T23:59:30Z")),
                        new UsageDelta(
                                "key_2",
                                LocalDate.parse("2026-04-01"),
                                1,
                                5,
                                5,
                                Instant.parse("2026-04-01T23:59:30Z")));
        assertThat(recorder.backlog()).isZero();
    }

    @Test
    void flush_shouldSplitByUtcDay_whenUsesFallOnBothSidesOfMidnight() {
        UsageRecorder recorder = new UsageRecorder(store, clock, 100, null, 0);
        recorder.record("key_1", 1, 1);
        clock.advance(Duration.ofMinutes(2));
        recorder.record("key_1", 1, 1);

        recorder.flush();

        assertThat(store.added())
                .extracting(UsageDelta::day)
                .containsExactlyInAnyOrder(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02"));
    }

    @Test
    void flush_shouldWriteNothing_whenNothingWasRecorded() {
        UsageRecorder recorder = new UsageRecorder(store, clock, 100, null, 0);

        recorder.flush();

        assertThat(store.batches).isEmpty();
    }

    @Test
    @Tag("error-path")
    void flush_shouldKeepTheCountsForTheNextFlush_whenTheStoreFails() {
        // given
        UsageRecorder recorder = new UsageRecorder(store, clock, 100, null, 0);
        recorder.record("key_1", 10, 1);
        store.failNext(1);

        // when
        assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class);
        recorder.record("key_1", 10, 1);
        recorder.flush();

        // then: nothing lost, nothing doubled
        assertThat(store.added()).singleElement().satisfies(d -> {
            assertThat(d.requests()).isEqualTo(2);
            assertThat(d.inputTokens()).isEqualTo(20);
        });
    }

    @Test
    void record_shouldFlushItself_whenTheQueueIsFull() {
        // given
        UsageRecorder recorder = new UsageRecorder(store, clock, 2, null, 0);
        recorder.record("key_1", 1, 0);
        recorder.record("key_1", 1, 0);

        // when
        recorder.record("key_1", 1, 0);

        // then: back-pressure instead of loss
        assertThat(store.batches).hasSize(1);
        assertThat(store.added().getFirst().requests()).isEqualTo(2);
        assertThat(recorder.backlog()).isEqualTo(1);
    }

    @Test
    @Tag("error-path")
    void record_shouldKeepTheUse_whenItsSelfFlushFailsWhileTheQueueIsFull() {
        // given
        UsageRecorder recorder = new UsageRecorder(store, clock, 1, null, 0);
        recorder.record("key_1", 1, 0);
        store.failNext(1);

        // when: the self-flush fails, yet the queue was drained into the pending counts
        recorder.record("key_1", 1, 0);
        recorder.close();

        // then
        assertThat(store.added()).extracting(UsageDelta::requests).containsExactly(2L);
    }

    @Test
    void close_shouldFlushTheRest_andSwallowAFinalStoreFailure() {
        // given
        UsageRecorder recorder = new UsageRecorder(store, clock, 100, null, 0);
        recorder.record("key_1", 3, 4);

        // when
        recorder.close();

        // then
        assertThat(store.added())
                .singleElement()
                .extracting(UsageDelta::outputTokens)
                .isEqualTo(4L);

        recorder.record("key_1", 1, 1);
        store.failNext(1);
        recorder.close();
        assertThat(recorder.backlog()).isEqualTo(1);
    }

    @Test
    void close_shouldStopTheScheduledFlush_whenAScheduleWasGiven() throws InterruptedException {
        // given
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            UsageRecorder recorder = new UsageRecorder(store, clock, 100, scheduler, 60_000);
            recorder.record("key_1", 1, 1);

            // when
            recorder.close();

            // then
            assertThat(store.added()).hasSize(1);
            scheduler.shutdown();
            assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void plus_shouldKeepTheLatestUse_whicheverDeltaHoldsIt() {
        Instant early = Instant.parse("2026-04-01T10:00:00Z");
        Instant late = Instant.parse("2026-04-01T11:00:00Z");
        UsageDelta a = new UsageDelta("k", LocalDate.parse("2026-04-01"), 1, 1, 1, late);
        UsageDelta b = new UsageDelta("k", LocalDate.parse("2026-04-01"), 1, 1, 1, early);

        assertThat(a.plus(b).lastUsedAt()).isEqualTo(late);
        assertThat(b.plus(a).lastUsedAt()).isEqualTo(late);
        assertThat(UsageTotals.none("total")).isEqualTo(new UsageTotals("total", 0, 0, 0, null));
    }
}
