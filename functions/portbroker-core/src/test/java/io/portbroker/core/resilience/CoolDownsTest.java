package io.portbroker.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Retry-After pauses on a movable clock: bounded, per key, one probe at a time. */
class CoolDownsTest {
    private static final String T = CoolDowns.key("p/m", "env:P_KEY");

    private final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    private final CoolDowns coolDowns = new CoolDowns(clock, Duration.ofSeconds(10));

    @Test
    void coolDown_shouldPauseTheTargetUntilTheRetryAfterPasses_whenShorterThanTheCap() {
        coolDowns.coolDown(T, Duration.ofSeconds(7));

        assertThat(coolDowns.isCooling(T)).isTrue();
        assertThat(coolDowns.remaining(T)).isEqualTo(Duration.ofSeconds(7));
        clock.advance(Duration.ofMillis(6999));
        assertThat(coolDowns.isCooling(T)).isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(coolDowns.isCooling(T)).isFalse();
        assertThat(coolDowns.remaining(T)).isZero();
    }

    @Test
    @Tag("error-path")
    void coolDown_shouldStopAtTheCap_whenTheRetryAfterIsLonger() {
        coolDowns.coolDown(T, Duration.ofSeconds(3600));

        assertThat(coolDowns.remaining(T)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void coolDown_shouldKeepTheLaterEnd_whenAShorterPauseArrives() {
        coolDowns.coolDown(T, Duration.ofSeconds(8));
        coolDowns.coolDown(T, Duration.ofSeconds(2));

        assertThat(coolDowns.remaining(T)).isEqualTo(Duration.ofSeconds(8));
        coolDowns.coolDown(T, Duration.ofSeconds(9));
        assertThat(coolDowns.remaining(T)).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void coolDown_shouldIgnoreThePause_whenItIsZeroOrNegative() {
        coolDowns.coolDown(T, Duration.ZERO);
        coolDowns.coolDown(T, Duration.ofSeconds(-1));

        assertThat(coolDowns.isCooling(T)).isFalse();
    }

    @Test
    void key_shouldSeparateCredentials_whenOneTargetIsReachedWithSeveral() {
        coolDowns.coolDown(CoolDowns.key("p/m", "env:A"), Duration.ofSeconds(5));

        assertThat(coolDowns.isCooling(CoolDowns.key("p/m", "env:A"))).isTrue();
        assertThat(coolDowns.isCooling(CoolDowns.key("p/m", "env:B"))).isFalse();
        assertThat(coolDowns.isCooling(CoolDowns.key("p/m", null))).isFalse();
        assertThat(CoolDowns.key("p/m", null)).isEqualTo("p/m");
        assertThat(CoolDowns.key("p/m", " ")).isEqualTo("p/m");
        assertThat(CoolDowns.key("p/m", "env:A")).isEqualTo("p/m#env:A");
    }

    @Test
    void tryProbe_shouldLetOneRequestProbe_untilTheProbeEnds() {
        coolDowns.coolDown(T, Duration.ofSeconds(5));

        assertThat(coolDowns.tryProbe(T)).isTrue();
        assertThat(coolDowns.tryProbe(T)).isFalse();
        coolDowns.coolDown(T, Duration.ofSeconds(8));
        assertThat(coolDowns.tryProbe(T))
                .as("a longer pause keeps the probe taken")
                .isFalse();
        coolDowns.endProbe(T);
        assertThat(coolDowns.tryProbe(T)).isTrue();
    }

    @Test
    void tryProbe_shouldAlwaysSucceed_whenTheTargetIsNotCooling() {
        assertThat(coolDowns.tryProbe(T)).isTrue();
        assertThat(coolDowns.tryProbe(T)).isTrue();
        coolDowns.endProbe(T);
        assertThat(coolDowns.isCooling(T)).isFalse();
    }

    @Test
    void clear_shouldEndThePause_whenTheTargetAnswered() {
        coolDowns.coolDown(T, Duration.ofSeconds(5));
        coolDowns.tryProbe(T);

        coolDowns.clear(T);

        assertThat(coolDowns.isCooling(T)).isFalse();
        assertThat(coolDowns.tryProbe(T)).isTrue();
    }

    @Test
    @Tag("error-path")
    void constructor_shouldRefuseTheCap_whenItIsNotPositive() {
        assertThatThrownBy(() -> new CoolDowns(clock, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
