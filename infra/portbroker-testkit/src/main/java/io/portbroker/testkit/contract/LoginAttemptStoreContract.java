package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.auth.FailedAttempts;
import io.portbroker.core.auth.LoginAttemptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LoginAttemptStore} must do. Subclasses return a new, empty store from {@link #newStore()}. */
public abstract class LoginAttemptStoreContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.250Z");
    private static final Duration FORGET = Duration.ofHours(1);

    private LoginAttemptStore store;

    /** A store with no counters in it, used by one test only. */
    protected abstract LoginAttemptStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void find_shouldBeEmpty_whenNothingFailed() {
        assertThat(store.find("acct#a", T0)).isEmpty();
    }

    @Test
    void recordFailure_shouldCountUpAndKeepTheLatestTime_whenFailuresRepeat() {
        store.recordFailure("acct#a", T0, T0.plus(FORGET));
        FailedAttempts second = store.recordFailure(
                "acct#a", T0.plusSeconds(10), T0.plusSeconds(10).plus(FORGET));

        assertThat(second).isEqualTo(new FailedAttempts(2, T0.plusSeconds(10)));
        assertThat(store.find("acct#a", T0.plusSeconds(11))).contains(second);
        assertThat(store.find("acct#b", T0.plusSeconds(11))).isEmpty();
    }

    @Test
    void find_shouldBeEmpty_whenTheCounterIsDueToBeForgotten() {
        store.recordFailure("acct#a", T0, T0.plus(FORGET));

        assertThat(store.find("acct#a", T0.plus(FORGET).minusMillis(1))).isPresent();
        assertThat(store.find("acct#a", T0.plus(FORGET))).isEmpty();
    }

    @Test
    void recordFailure_shouldStartAgainAtOne_whenTheOldCounterWasDueToBeForgotten() {
        store.recordFailure("acct#a", T0, T0.plus(FORGET));
        store.recordFailure("acct#a", T0, T0.plus(FORGET));
        Instant later = T0.plus(FORGET);

        FailedAttempts restarted = store.recordFailure("acct#a", later, later.plus(FORGET));

        assertThat(restarted).isEqualTo(new FailedAttempts(1, later));
        assertThat(store.recordFailure("acct#a", later, later.plus(FORGET)).failures())
                .isEqualTo(2);
    }

    @Test
    void clear_shouldDropTheCounter_whenLoginSucceeds() {
        store.recordFailure("acct#a", T0, T0.plus(FORGET));

        store.clear("acct#a");
        store.clear("acct#never");

        assertThat(store.find("acct#a", T0)).isEmpty();
        assertThat(store.recordFailure("acct#a", T0, T0.plus(FORGET)).failures())
                .isEqualTo(1);
    }

    @Test
    void recordFailure_shouldLoseNoFailure_whenManyHappenAtOnce() throws Exception {
        // given
        int threads = 4;
        int perThread = 5;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int j = 0; j < perThread; j++) {
                        store.recordFailure("ip#x", T0, T0.plus(FORGET));
                    }
                    return null;
                }));
            }

            // when
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }

            // then
            assertThat(store.find("ip#x", T0).orElseThrow().failures()).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
