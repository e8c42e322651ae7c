package io.portbroker.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ErrorCategory;
import io.portbroker.error.OverloadedError;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InFlightLimitTest {
    private final InFlightLimit limit =
            new InFlightLimit(OverloadSettings.ofDefaults().withMaxInFlight(2).withRetryAfterSeconds(3));

    @Test
    void tryEnter_shouldAdmit_whileBelowTheBound() {
        assertThat(limit.tryEnter()).isPresent();
        assertThat(limit.tryEnter()).isPresent();
        assertThat(limit.inFlight()).isEqualTo(2);
    }

    @Test
    void tryEnter_shouldRefuseAtOnce_whenTheBoundIsReached() {
        limit.tryEnter();
        limit.tryEnter();

        assertThat(limit.tryEnter()).isEmpty();
    }

    @Test
    void tryEnter_shouldAdmitAgain_whenAPermitIsClosed() {
        Optional<InFlightLimit.Permit> first = limit.tryEnter();
        limit.tryEnter();

        first.orElseThrow().close();

        assertThat(limit.tryEnter()).isPresent();
    }

    @Test
    void close_shouldGiveRoomBackOnce_whenCalledTwice() {
        InFlightLimit.Permit permit = limit.tryEnter().orElseThrow();

        permit.close();
        permit.close();

        assertThat(limit.inFlight()).isZero();
        assertThat(limit.tryEnter()).isPresent();
        assertThat(limit.tryEnter()).isPresent();
        assertThat(limit.tryEnter()).isEmpty();
    }

    @Test
    void refusal_shouldBeA529WithRetryAfter_whenRendered() {
        OverloadedError refusal = limit.refusal();

        assertThat(refusal.category()).isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(refusal.retryAfterSeconds()).isEqualTo(3);
        assertThat(refusal.getMessage()).contains("capacity");
    }

    @Test
    void settings_shouldRefuseValues_whenOutOfRange() {
        assertThatThrownBy(() -> OverloadSettings.ofDefaults().withMaxInFlight(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OverloadSettings.ofDefaults().withRetryAfterSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(OverloadSettings.ofDefaults()).isEqualTo(new OverloadSettings(256, 1, 64L * 1024 * 1024));
    }

    @Test
    void update_shouldApplyTheNewBoundAndRetryAfter_whenTheSettingsReload() {
        // given: both permits taken
        InFlightLimit.Permit first = limit.tryEnter().orElseThrow();
        limit.tryEnter().orElseThrow();

        // when: a reload raises the bound and the retry-after
        limit.update(OverloadSettings.ofDefaults().withMaxInFlight(3).withRetryAfterSeconds(9));

        // then
        assertThat(limit.full()).isFalse();
        assertThat(limit.tryEnter()).isPresent();
        assertThat(limit.full()).isTrue();
        assertThat(limit.refusal().retryAfterSeconds()).isEqualTo(9);

        // when: it lowers the bound below what is admitted
        limit.update(OverloadSettings.ofDefaults().withMaxInFlight(1).withRetryAfterSeconds(9));
        first.close();

        // then: the admitted ones finish, new ones wait until the count is under the bound
        assertThat(limit.tryEnter()).isEmpty();
        assertThat(limit.settings().maxInFlight()).isEqualTo(1);
    }
}
