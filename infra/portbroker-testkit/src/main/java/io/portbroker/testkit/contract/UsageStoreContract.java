package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.core.usage.UsageTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UsageStore} must do. */
public abstract class UsageStoreContract {

    private static final LocalDate DAY = LocalDate.parse("2026-03-04");
    private static final Instant AT = Instant.parse("2026-03-04T10:00:00Z");
    private UsageStore store;

    protected abstract UsageStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void add_shouldSumDaysAndTotals_whenAddedTwice() {
        // when
        store.add(List.of(new UsageDelta("key_u", DAY, 2, 100, 50, AT)));
        store.add(List.of(
                new UsageDelta("key_u", DAY, 1, 10, 5, AT.plusSeconds(60)),
                new UsageDelta("key_u", DAY.plusDays(1), 3, 30, 15, AT.plusSeconds(86_400))));

        // then
        Page<UsageTotals> days = store.days("key_u", DAY, DAY.plusDays(1), new PageRequest(null, 10));
        assertThat(days.items())
                .containsExactly(
                        new UsageTotals("2026-03-04", 3, 110, 55, AT.plusSeconds(60)),
                        new UsageTotals("2026-03-05", 3, 30, 15, AT.plusSeconds(86_400)));
        assertThat(store.totals(List.of("key_u", "key_never")))
                .containsOnlyKeys("key_u")
                .containsEntry("key_u", new UsageTotals("total", 6, 140, 70, AT.plusSeconds(86_400)));
    }

    @Test
    void days_shouldPageAndStayInRange_whenManyDaysExist() {
        // given
        for (int i = 0; i < 5; i++) {
            store.add(List.of(new UsageDelta("key_p", DAY.plusDays(i), 1, 1, 1, AT.plusSeconds(86_400L * i))));
        }

        // when
        Page<UsageTotals> first = store.days("key_p", DAY.plusDays(1), DAY.plusDays(3), new PageRequest(null, 2));
        Page<UsageTotals> second =
                store.days("key_p", DAY.plusDays(1), DAY.plusDays(3), new PageRequest(first.nextCursor(), 2));

        // then
        assertThat(first.items()).extracting(UsageTotals::period).containsExactly("2026-03-05", "2026-03-06");
        assertThat(second.items()).extracting(UsageTotals::period).containsExactly("2026-03-07");
        assertThat(second.nextCursor()).isNull();
    }
}
