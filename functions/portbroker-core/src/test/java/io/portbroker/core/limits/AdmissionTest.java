package io.portbroker.core.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.InMemoryRateLimiter;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.error.RateLimitError;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AdmissionTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:20Z");
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter();
    private final Admission admission = new Admission(limiter, clock);

    private static Principal key(KeyLimits limits) {
        return new Principal("key_1", "ci", Scopes.CHAT, limits);
    }

    @Test
    void admit_shouldCountNothing_whenTheKeyHasNoLimits() {
        Admission.Reservation r = admission.admit(key(KeyLimits.NONE), 500);

        assertThat(r.counted()).isFalse();
        assertThat(limiter.acquisitions.get()).isZero();
        admission.settle(r, 900);
        assertThat(limiter.settled.get()).isZero();
    }

    @Test
    void admit_shouldReserveInTheCurrentMinute_whenUnderTheLimits() {
        // when
        Admission.Reservation r = admission.admit(key(new KeyLimits(2L, 1000L)), 300);

        // then
        assertThat(r).isEqualTo(new Admission.Reservation("key_1", Instant.parse("2026-04-01T12:00:00Z"), 300, true));
        assertThat(limiter.count("key_1", r.window())).isEqualTo(new RateLimiter.WindowCount(1, 300));
    }

    @Test
    @Tag("error-path")
    void admit_shouldRefuseWithTheSecondsLeftInTheMinute_whenTheRequestLimitIsReached() {
        // given
        KeyLimits limits = new KeyLimits(1L, null);
        admission.admit(key(limits), 10);

        // when / then: 40 s are left in the window that started at 12:00:00
        assertThatThrownBy(() -> admission.admit(key(limits), 10))
                .isInstanceOfSatisfying(
                        RateLimitError.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(40));
    }

    @Test
    void admit_shouldRoundTheWaitUpToAWholeSecond_whenTheMinuteIsAlmostOver() {
        KeyLimits limits = new KeyLimits(1L, null);
        admission.admit(key(limits), 1);
        clock.set(Instant.parse("2026-04-01T12:00:59.999Z"));

        assertThatThrownBy(() -> admission.admit(key(limits), 1))
                .isInstanceOfSatisfying(
                        RateLimitError.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(1));
    }

    @Test
    @Tag("error-path")
    void admit_shouldRefuseWithoutRetryAfterOrCounting_whenOneRequestAsksForMoreThanTheWholeBudget() {
        // when / then: no window could ever admit it, so it is refused up front (it used to pass alone)
        assertThatThrownBy(() -> admission.admit(key(new KeyLimits(5L, 1000L)), 1001))
                .isInstanceOfSatisfying(RateLimitError.class, e -> {
                    assertThat(e.retryAfterSeconds()).isNegative();
                    assertThat(e.getMessage()).contains("estimated 1001 tokens").contains("limit of 1000 tokens");
                });
        assertThat(limiter.acquisitions.get()).isZero();
        // the whole budget in one request still fits, and a negative estimate reserves nothing
        assertThat(admission.admit(key(new KeyLimits(5L, 1000L)), 1000).reservedTokens())
                .isEqualTo(1000);
        assertThat(admission.admit(key(new KeyLimits(5L, 1000L)), -5).reservedTokens())
                .isZero();
    }

    @Test
    void admit_shouldStartAfresh_whenTheNextMinuteBegins() {
        KeyLimits limits = new KeyLimits(1L, null);
        admission.admit(key(limits), 1);

        clock.advance(Duration.ofSeconds(40));

        assertThat(admission.admit(key(limits), 1).window()).isEqualTo(Instant.parse("2026-04-01T12:01:00Z"));
    }

    @Test
    void settle_shouldCorrectTheWindowByTheDifference_whenTheRealUsageDiffers() {
        // given
        Admission.Reservation r = admission.admit(key(new KeyLimits(null, 1000L)), 800);

        // when
        admission.settle(r, 300);
        admission.settle(r, 800);

        // then: only the first settle changed anything
        assertThat(limiter.count("key_1", r.window()).tokens()).isEqualTo(300);
        assertThat(limiter.settled.get()).isEqualTo(1);
    }

    @Test
    @Tag("error-path")
    void admit_shouldApplyTheDefaultLimit_whenTheKeyHasNoLimitOfItsOwn() {
        // given: a default of one request per minute, changed at run time
        java.util.concurrent.atomic.AtomicReference<KeyLimits> defaults =
                new java.util.concurrent.atomic.AtomicReference<>(KeyLimits.NONE);
        Admission withDefaults = new Admission(limiter, clock, defaults::get);
        assertThat(withDefaults.admit(key(KeyLimits.NONE), 10).counted()).isFalse();
        defaults.set(new KeyLimits(1L, null));

        // when
        Admission.Reservation first = withDefaults.admit(key(KeyLimits.NONE), 10);

        // then
        assertThat(first.counted()).isTrue();
        assertThatThrownBy(() -> withDefaults.admit(key(KeyLimits.NONE), 10)).isInstanceOf(RateLimitError.class);
    }

    @Test
    void admit_shouldKeepTheKeysOwnLimit_whenADefaultIsSet() {
        // given: the key allows 3 requests, the default only 1; its token limit is missing and taken from the default
        Admission withDefaults = new Admission(limiter, clock, () -> new KeyLimits(1L, 1000L));
        Principal own = key(new KeyLimits(3L, null));

        // when
        withDefaults.admit(own, 0);
        withDefaults.admit(own, 0);
        Admission.Reservation third = withDefaults.admit(own, 800);

        // then: the third passes the key's own RPM, and a request larger than the default TPM is refused outright
        assertThat(third.reservedTokens()).isEqualTo(800);
        assertThatThrownBy(() -> withDefaults.admit(key(new KeyLimits(null, null)), 5000))
                .isInstanceOf(io.portbroker.error.RateLimitError.class)
                .hasMessageContaining("1000 tokens per minute");
        assertThat(new KeyLimits(3L, 7L).orDefaults(new KeyLimits(1L, 1L))).isEqualTo(new KeyLimits(3L, 7L));
    }
}
