package io.portbroker.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.CancelledError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ResiliencePartsTest {

    @Test
    void delay_shouldStayWithinTheDoublingCeiling_andHonourRetryAfter() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(3));
        long maxSeen = 0;
        for (int i = 0; i < 200; i++) {
            long first = backoff.delay(0, Duration.ZERO).toMillis();
            long late = backoff.delay(40, Duration.ZERO).toMillis();
            assertThat(first).isBetween(0L, 100L);
            assertThat(late).isBetween(0L, 2000L);
            maxSeen = Math.max(maxSeen, late);
        }
        assertThat(maxSeen).as("full jitter spreads over the whole range").isGreaterThan(1000);
        assertThat(backoff.delay(0, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void tryWithdraw_shouldAllowTheReserveAndTheRatio_andForgetOldDeposits() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = Clock.fixed(now[0], ZoneOffset.UTC);
        Clock moving = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return clock;
            }
        };
        RetryBudget budget = new RetryBudget(moving, 0.5, 0, Duration.ofSeconds(10));
        assertThat(budget.tryWithdraw()).as("nothing deposited").isFalse();

        budget.deposit();
        budget.deposit();
        assertThat(budget.tryWithdraw()).isTrue();
        assertThat(budget.tryWithdraw()).isFalse();

        budget.deposit();
        budget.deposit();
        now[0] = now[0].plusSeconds(11);
        assertThat(budget.tryWithdraw())
                .as("deposits older than the window expired")
                .isFalse();

        RetryBudget reserve = RetryBudget.of(moving, RetrySettings.ofDefaults());
        int allowed = 0;
        while (reserve.tryWithdraw()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(50);
    }

    @Test
    @Tag("error-path")
    void settings_shouldRejectOutOfRangeValues() {
        assertThatThrownBy(() -> new RetrySettings(
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        0,
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySettings(
                        1,
                        Duration.ZERO,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        0,
                        0,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BreakerSettings(
                        1.5,
                        Duration.ofSeconds(1),
                        1,
                        Duration.ofSeconds(1),
                        1,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BreakerSettings.ofDefaults().minimumCalls()).isEqualTo(10);
    }

    @Test
    void traceContext_shouldKeepAValidHeader_andStartOneOtherwise() {
        String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        TraceContext kept = TraceContext.fromHeaderOrNew(header);
        TraceContext child = kept.child();

        assertThat(kept.header()).isEqualTo(header);
        assertThat(child.traceId()).isEqualTo(kept.traceId());
        assertThat(child.spanId()).isNotEqualTo(kept.spanId()).hasSize(16);
        assertThat(TraceContext.parse(null)).isEmpty();
        assertThat(TraceContext.parse("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .isEmpty();
        assertThat(TraceContext.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"))
                .isEmpty();
        assertThat(TraceContext.parse("garbage")).isEmpty();
        assertThat(TraceContext.fromHeaderOrNew("garbage").header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    @Tag("error-path")
    void realSleeper_shouldThrowCancelled_whenInterrupted() {
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> Sleeper.REAL.sleep(Duration.ofSeconds(5))).isInstanceOf(CancelledError.class);
        assertThat(Thread.interrupted()).isTrue();
    }
}
