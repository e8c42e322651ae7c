package io.portbroker.core.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.cache.CacheMetricNames;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The latency-SLO and cache-hit-collapse rules over a traffic window, driven by a clock (no sleeps). */
class WindowedRulesTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final TrafficWindow traffic = new TrafficWindow(clock, 1_000);
    private final AlertRule slo = WindowedRules.latencySlo(traffic, Duration.ofMinutes(5), Duration.ofMillis(500), 20);
    private final AlertRule collapse = WindowedRules.cacheHitCollapse(traffic, Duration.ofMinutes(5), 6, 0.5, 20);

    private void chat(long millis) {
        traffic.time(
                MetricNames.REQUEST_DURATION,
                Map.of("method", "POST", "endpoint", "/v1/messages", "status", "200"),
                Duration.ofMillis(millis));
    }

    private void lookups(int hits, int misses) {
        for (int i = 0; i < hits; i++) {
            traffic.count(CacheMetricNames.LOOKUPS, Map.of("outcome", "hit-l1"), 1);
        }
        for (int i = 0; i < misses; i++) {
            traffic.count(CacheMetricNames.LOOKUPS, Map.of("outcome", "miss"), 1);
        }
    }

    @Test
    void latencySlo_shouldFire_whenChatP95IsAboveTheSlo() {
        for (int i = 0; i < 90; i++) {
            chat(100);
        }
        for (int i = 0; i < 10; i++) {
            chat(900);
        }

        assertThat(slo.firing(clock.instant())).containsOnlyKeys("chat");
        assertThat(slo.firing(clock.instant()).get("chat")).contains("p95 900 ms > SLO 500 ms");
    }

    @Test
    void latencySlo_shouldStayQuiet_whenOnlyFourPercentAreSlow() {
        for (int i = 0; i < 96; i++) {
            chat(100);
        }
        for (int i = 0; i < 4; i++) {
            chat(900);
        }

        assertThat(slo.firing(clock.instant())).isEmpty();
    }

    @Test
    void latencySlo_shouldForgetSlowRequests_whenTheyLeaveTheWindow() {
        for (int i = 0; i < 30; i++) {
            chat(2_000);
        }
        assertThat(slo.firing(clock.instant())).isNotEmpty();

        clock.advance(Duration.ofMinutes(6));
        for (int i = 0; i < 30; i++) {
            chat(50);
        }

        assertThat(slo.firing(clock.instant())).isEmpty();
    }

    @Test
    void latencySlo_shouldStayQuiet_whenTooFewRequestsOrNotChat() {
        for (int i = 0; i < 19; i++) {
            chat(2_000);
        }
        for (int i = 0; i < 50; i++) {
            traffic.time(MetricNames.REQUEST_DURATION, Map.of("endpoint", "/admin"), Duration.ofSeconds(3));
        }

        assertThat(slo.firing(clock.instant())).isEmpty();
    }

    @Test
    void cacheHitCollapse_shouldFire_whenTheRatioFallsBelowHalfItsTrailingAverage() {
        // given: an hour at 40 % hits
        for (int i = 0; i < 6; i++) {
            lookups(40, 60);
            clock.advance(Duration.ofMinutes(5));
        }

        // when: the last 5 minutes at 10 %
        lookups(10, 90);

        // then
        assertThat(collapse.firing(clock.instant())).containsOnlyKeys("cache");
        assertThat(collapse.firing(clock.instant()).get("cache"))
                .contains("10.0 %")
                .contains("40.0 %");
    }

    @Test
    void cacheHitCollapse_shouldStayQuiet_whenTheRatioDipsLessThanHalf() {
        for (int i = 0; i < 6; i++) {
            lookups(40, 60);
            clock.advance(Duration.ofMinutes(5));
        }
        lookups(25, 75);

        assertThat(collapse.firing(clock.instant())).isEmpty();
    }

    @Test
    void cacheHitCollapse_shouldStayQuiet_whenTrafficIsTooLowOrTheCacheNeverHit() {
        lookups(0, 100);
        clock.advance(Duration.ofMinutes(5));
        lookups(0, 100);
        assertThat(collapse.firing(clock.instant())).as("never hit before").isEmpty();

        clock.advance(Duration.ofMinutes(5));
        lookups(50, 50);
        clock.advance(Duration.ofMinutes(5));
        lookups(0, 5);
        assertThat(collapse.firing(clock.instant())).as("5 lookups now").isEmpty();
    }

    @Test
    void cacheHitCollapse_shouldIgnoreBypassAndSkip_whenCountingLookups() {
        traffic.count(CacheMetricNames.LOOKUPS, Map.of("outcome", "bypass"), 1);
        traffic.count(CacheMetricNames.LOOKUPS, Map.of("outcome", "skip"), 1);
        traffic.count(MetricNames.REQUESTS, Map.of(), 1);
        traffic.gauge(MetricNames.ACTIVE_PROVIDERS, Map.of(), 3);

        assertThat(traffic.hitsBetween(
                        clock.instant().minusSeconds(1), clock.instant().plusSeconds(1)))
                .isEqualTo(new TrafficWindow.HitCount(0, 0));
        assertThat(new TrafficWindow.HitCount(0, 0).ratio()).isZero();
    }

    @Test
    void trafficWindow_shouldKeepOnlyTheNewest_whenFull() {
        TrafficWindow small = new TrafficWindow(clock, 3);
        for (int i = 1; i <= 5; i++) {
            small.time(MetricNames.REQUEST_DURATION, Map.of("endpoint", "/v1/chat/completions"), Duration.ofMillis(i));
        }

        assertThat(small.latenciesBetween(clock.instant(), clock.instant().plusMillis(1)))
                .containsExactly(3, 4, 5);
    }

    @Test
    void constructors_shouldRefuse_whenSettingsAreOutOfRange() {
        assertThatThrownBy(() -> new TrafficWindow(clock, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowedRules.cacheHitCollapse(traffic, Duration.ofMinutes(1), 0, 0.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WindowedRules.cacheHitCollapse(traffic, Duration.ofMinutes(1), 2, 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
