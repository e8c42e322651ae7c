package io.portbroker.core.overload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {
    private static final long MB = 1024 * 1024;
    private final InFlightLimit limit =
            new InFlightLimit(OverloadSettings.ofDefaults().withMaxBodyBytesInFlight(64 * MB));
    private final BodyBudget budget = limit.bodies();

    @Test
    void tryReserve_shouldRefuse_whenTheBodyDoesNotFitNextToTheOthers() {
        // given
        Optional<BodyBudget.Reservation> first = budget.tryReserve(30 * MB);
        Optional<BodyBudget.Reservation> second = budget.tryReserve(30 * MB);

        // when
        Optional<BodyBudget.Reservation> third = budget.tryReserve(30 * MB);

        // then
        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(third).isEmpty();
        assertThat(budget.reserved()).isEqualTo(60 * MB);
    }

    @Test
    void tryReserve_shouldAdmitSmallBodies_whenLargeOnesLeaveRoom() {
        budget.tryReserve(60 * MB);

        assertThat(budget.tryReserve(2_000)).isPresent();
        assertThat(budget.tryReserve(5 * MB)).isEmpty();
    }

    @Test
    void tryReserve_shouldAdmitOneBodyOverTheBudget_whenNothingElseIsCounted() {
        assertThat(budget.tryReserve(100 * MB)).isPresent();
        assertThat(budget.tryReserve(1)).isEmpty();
    }

    @Test
    void close_shouldGiveTheBytesBackOnce_whenCalledTwice() {
        // given
        BodyBudget.Reservation r = budget.tryReserve(40 * MB).orElseThrow();
        budget.tryReserve(10 * MB);

        // when
        r.close();
        r.close();

        // then
        assertThat(budget.reserved()).isEqualTo(10 * MB);
        assertThat(budget.tryReserve(40 * MB)).isPresent();
    }

    @Test
    void tryReserve_shouldCountNothing_whenTheLengthIsUnknownOrNegative() {
        budget.tryReserve(-1).orElseThrow().close();

        assertThat(budget.reserved()).isZero();
    }

    @Test
    void tryReserve_shouldFollowTheNewBound_whenTheSettingsAreUpdated() {
        // given
        budget.tryReserve(30 * MB);

        // when
        limit.update(limit.settings().withMaxBodyBytesInFlight(40 * MB));

        // then
        assertThat(budget.tryReserve(20 * MB)).isEmpty();
        assertThat(budget.tryReserve(10 * MB)).isPresent();
    }

    @Test
    void settings_shouldRefuseABudget_whenItIsNotPositive() {
        assertThatThrownBy(() -> OverloadSettings.ofDefaults().withMaxBodyBytesInFlight(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
