package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.limits.RateLimiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do. Subclasses return a new, empty limiter from {@link #newLimiter()}. */
public abstract class RateLimiterContract {

    private static final Instant WINDOW = Instant.parse("2026-01-01T00:01:00Z");
    private RateLimiter limiter;

    protected abstract RateLimiter newLimiter();

    @BeforeEach
    void createLimiter() {
        limiter = newLimiter();
    }

    @Test
    void tryAcquire_shouldAdmitExactlyTheLimit_whenRequestsComeOneByOne() {
        // given
        KeyLimits limits = new KeyLimits(3L, null);

        // when
        List<Boolean> outcomes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            outcomes.add(limiter.tryAcquire("key_a", WINDOW, limits, 10));
        }

        // then
        assertThat(outcomes).containsExactly(true, true, true, false, false);
        assertThat(limiter.count("key_a", WINDOW)).isEqualTo(new RateLimiter.WindowCount(3, 30));
    }

    @Test
    void tryAcquire_shouldAdmitExactlyTheLimit_whenClientsRace() throws Exception {
        // given
        KeyLimits limits = new KeyLimits(25L, null);
        AtomicInteger admitted = new AtomicInteger();

        // when: 40 concurrent attempts on one window
        try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> {
                    if (limiter.tryAcquire("key_race", WINDOW, limits, 1)) {
                        admitted.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }

        // then
        assertThat(admitted).hasValue(25);
        assertThat(limiter.count("key_race", WINDOW).requests()).isEqualTo(25);
    }

    @Test
    void tryAcquire_shouldRefuseAndCountNothing_whenTokensWouldPassTheLimit() {
        // given
        KeyLimits limits = new KeyLimits(null, 100L);
        limiter.tryAcquire("key_t", WINDOW, limits, 80);

        // when
        boolean second = limiter.tryAcquire("key_t", WINDOW, limits, 30);
        boolean third = limiter.tryAcquire("key_t", WINDOW, limits, 20);

        // then
        assertThat(second).isFalse();
        assertThat(third).isTrue();
        assertThat(limiter.count("key_t", WINDOW)).isEqualTo(new RateLimiter.WindowCount(2, 100));
    }

    @Test
    void tryAcquire_shouldCountWindowsAndKeysApart_whenTheyDiffer() {
        // given
        KeyLimits limits = new KeyLimits(1L, null);
        limiter.tryAcquire("key_w", WINDOW, limits, 0);

        // when / then
        assertThat(limiter.tryAcquire("key_w", WINDOW, limits, 0)).isFalse();
        assertThat(limiter.tryAcquire("key_w", WINDOW.plusSeconds(60), limits, 0))
                .isTrue();
        assertThat(limiter.tryAcquire("key_other", WINDOW, limits, 0)).isTrue();
    }

    @Test
    void settle_shouldGiveBackUnusedTokens_whenTheCallUsedLessThanReserved() {
        // given
        KeyLimits limits = new KeyLimits(null, 100L);
        limiter.tryAcquire("key_s", WINDOW, limits, 90);

        // when
        limiter.settle("key_s", WINDOW, -60);

        // then
        assertThat(limiter.count("key_s", WINDOW).tokens()).isEqualTo(30);
        assertThat(limiter.tryAcquire("key_s", WINDOW, limits, 70)).isTrue();
    }

    @Test
    void count_shouldBeZero_whenNothingWasCounted() {
        assertThat(limiter.count("key_none", WINDOW)).isEqualTo(new RateLimiter.WindowCount(0, 0));
    }
}
