package io.portbroker.core.finops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryCostLedger;
import io.portbroker.core.testing.InMemoryPriceBook;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import io.portbroker.protocol.ir.Usage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Prices, the cost recorder, the forecast and the anomaly rule. */
class FinOpsTest {
    private static final Offset<Double> EPS = Offset.offset(1e-9);
    private final MutableClock clock = MutableClock.at("2026-04-10T12:00:00Z");
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final InMemoryPriceBook book = new InMemoryPriceBook();
    private final InMemoryCostLedger ledger = new InMemoryCostLedger();
    private final CostRecorder recorder =
            new CostRecorder(book, ledger, config, clock, Runnable::run, "test", Duration.ofMinutes(1));

    private static RequestContext ctx(String keyId) {
        return new RequestContext("req_1", null, keyId == null ? null : new Principal(keyId, "n", Set.of()));
    }

    private void provider(String id, ProviderConfig.Pricing pricing) {
        config.putProvider(Providers.openAi(id)
                .baseUrl("https://" + id + ".example/v1")
                .noCredential()
                .pricing(pricing)
                .build());
    }

    @Test
    void modelPrice_shouldPriceEveryTokenKind_andRefuseNegativePrices() {
        ModelPrice p = new ModelPrice(1, 2, 0.5, 4);
        assertThat(p.cost(new Usage(1_000_000, 1_000_000, 1_000_000, 1_000_000)))
                .isCloseTo(7.5, EPS);
        assertThatThrownBy(() -> new ModelPrice(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelPrice(0, Double.NaN, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelPrice(0, 0, Double.POSITIVE_INFINITY, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void priceTable_shouldPreferTheExactModel_thenTheProvidersWildcard() {
        PriceTable t = new PriceTable(
                2, Map.of("p/m", new ModelPrice(1, 1, 1, 1), "p/*", new ModelPrice(2, 2, 2, 2)), Instant.EPOCH, "a");
        assertThat(t.lookup("p", "m")).contains(new ModelPrice(1, 1, 1, 1));
        assertThat(t.lookup("p", "other")).contains(new ModelPrice(2, 2, 2, 2));
        assertThat(t.lookup("q", "m")).isEmpty();
        assertThatThrownBy(() -> new PriceTable(1, Map.of("no-slash", new ModelPrice(0, 0, 0, 0)), Instant.EPOCH, "a"))
                .hasMessageContaining("provider/model");
    }

    @Test
    void record_shouldPriceTheUpstreamModelOfTheRoute_andTagTheRow() {
        // given: the client's model is routed to p's upstream model "up"
        provider("p", null);
        config.putRoute(Routes.route("claude-*").to("p", "up").listed(true).build());
        book.put(Map.of("p/up", new ModelPrice(1, 2, 0.1, 1.25)), 0, "admin");

        // when
        Double cost = recorder.record(ctx("k1"), "p", "claude-sonnet-4-5", new Usage(1000, 100, 200, 0));

        // then
        assertThat(cost).isCloseTo((1000 * 1 + 100 * 2 + 200 * 0.1) / 1e6, EPS);
        CostRecord row = ledger.rows.getFirst();
        assertThat(row.model()).isEqualTo("up");
        assertThat(row.keyId()).isEqualTo("k1");
        assertThat(row.env()).isEqualTo("test");
        assertThat(row.service()).isEqualTo("gateway");
        assertThat(row.priceVersion()).isEqualTo(1);
        assertThat(row.at()).isEqualTo(clock.instant());
        assertThat(row.cacheReadTokens()).isEqualTo(200);
    }

    @Test
    void record_shouldFallBackToTheProvidersListPrices_andPriceNothingWithoutAny() {
        provider("listed", new ProviderConfig.Pricing(2, 8));
        provider("free", null);

        Double listed = recorder.record(ctx(null), "listed", "m", new Usage(1_000_000, 0, 1_000_000, 0));
        Double none = recorder.record(ctx("k"), "free", "m", new Usage(10, 10, 0, 0));

        // cache reads at the input price: list prices know no cache discount
        assertThat(listed).isCloseTo(4.0, EPS);
        assertThat(ledger.rows.getFirst().keyId()).isEqualTo("none");
        assertThat(ledger.rows.getFirst().priceVersion()).isZero();
        assertThat(none).isNull();
        assertThat(ledger.rows).hasSize(1);
    }

    @Test
    void record_shouldReReadPricesOnlyAfterTheRefresh_andSurviveFailingStores() {
        provider("p", null);
        recorder.record(ctx("k"), "p", "m", Usage.ZERO);
        recorder.record(ctx("k"), "p", "m", Usage.ZERO);
        assertThat(book.reads).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        recorder.record(ctx("k"), "p", "m", Usage.ZERO);
        assertThat(book.reads).isEqualTo(2);

        CostRecorder broken = new CostRecorder(
                new PriceBook() {
                    @Override
                    public PriceTable current() {
                        throw new IllegalStateException("down");
                    }

                    @Override
                    public PriceTable put(Map<String, ModelPrice> prices, int expectedVersion, String actor) {
                        throw new IllegalStateException("down");
                    }
                },
                new CostLedger() {
                    @Override
                    public void record(CostRecord record) {
                        throw new IllegalStateException("down");
                    }

                    @Override
                    public List<DailyCost> days(LocalDate from, LocalDate to) {
                        return List.of();
                    }
                },
                config,
                clock,
                Runnable::run,
                "test",
                Duration.ofMinutes(1));
        config.putProvider(Providers.openAi("q")
                .baseUrl("https://q.example/v1")
                .noCredential()
                .pricing(1, 1)
                .build());
        assertThat(broken.record(ctx("k"), "q", "m", new Usage(1_000_000, 0, 0, 0)))
                .isCloseTo(1.0, EPS);
    }

    @Test
    void forecast_shouldFollowALinearTrend_withABandThatHoldsTheNoise() {
        // given: cost rising by 1 $ a day with ±0.5 noise, for 30 days
        LocalDate today = LocalDate.parse("2026-04-30");
        Map<LocalDate, Double> history = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            history.put(today.minusDays(29 - i), 10 + i + (i % 2 == 0 ? 0.5 : -0.5));
        }

        // when
        CostForecast f = CostForecast.project(history, today, 30);

        // then
        assertThat(f.slopePerDay()).isCloseTo(1.0, Offset.offset(0.05));
        assertThat(f.days()).hasSize(30);
        CostForecast.Day first = f.days().getFirst();
        assertThat(first.day()).isEqualTo(today.plusDays(1));
        assertThat(first.cost()).isCloseTo(40, Offset.offset(0.5));
        assertThat(first.low()).isLessThan(first.cost());
        assertThat(first.high()).isGreaterThan(first.cost());
        assertThat(f.days().getLast().high() - f.days().getLast().low()).isGreaterThan(first.high() - first.low());
        assertThat(f.total()).isBetween(f.totalLow(), f.totalHigh());
    }

    @Test
    void forecast_shouldBeZero_withoutHistory_andFlat_withOneDay() {
        LocalDate today = LocalDate.parse("2026-04-30");
        CostForecast empty = CostForecast.project(Map.of(), today, 3);
        CostForecast one = CostForecast.project(Map.of(today, 5.0), today, 2);

        assertThat(empty.total()).isZero();
        assertThat(empty.days()).hasSize(3);
        assertThat(one.total()).isCloseTo(10.0, EPS);
        assertThat(one.totalHigh()).isCloseTo(10.0, EPS);
    }

    @Test
    void anomaly_shouldFire_whenTodayExceeds125PercentOfTheSevenDayAverage() {
        LocalDate today = LocalDate.parse("2026-04-30");
        Map<LocalDate, Double> daily = new HashMap<>();
        for (int i = 1; i <= 7; i++) {
            daily.put(today.minusDays(i), 10.0);
        }
        daily.put(today, 12.5);
        assertThat(CostAnomaly.evaluate(daily, today).firing()).isFalse();
        daily.put(today, 12.6);
        CostAnomaly firing = CostAnomaly.evaluate(daily, today);
        assertThat(firing.firing()).isTrue();
        assertThat(firing.average()).isCloseTo(10.0, EPS);
        assertThat(firing.threshold()).isCloseTo(12.5, EPS);
        assertThat(CostAnomaly.evaluate(Map.of(today, 100.0), today).firing()).isFalse();
    }

    @Test
    void dailyCost_shouldAdd() {
        DailyCost a = new DailyCost(LocalDate.EPOCH, "p", "m", "k", 1, 2, 3, 0.5);
        assertThat(a.plus(a)).isEqualTo(new DailyCost(LocalDate.EPOCH, "p", "m", "k", 2, 4, 6, 1.0));
    }
}
