package io.portbroker.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.cache.CacheMetricNames;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTimelineTest {
    private static final Map<String, String> MESSAGES =
            Map.of("method", "POST", "endpoint", "/v1/messages", "status", "200");

    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:30Z");
    private final StatsTimeline timeline = new StatsTimeline(clock);

    @Test
    void points_shouldSumEachStep_whenTrafficSpreadsOverMinutes() {
        // given: two requests at 12:00, one at 12:01 and an admin request that must not count
        request(Duration.ofMillis(40));
        request(Duration.ofMillis(900));
        timeline.count(MetricNames.ERRORS, Map.of("category", "PROVIDER_TIMEOUT"), 1);
        timeline.count(MetricNames.TOKENS, Map.of("direction", "input", "provider", "p", "model", "m"), 120);
        timeline.count(MetricNames.TOKENS, Map.of("direction", "output", "provider", "p", "model", "m"), 30);
        timeline.count(CacheMetricNames.LOOKUPS, Map.of("outcome", "hit-l1"), 1);
        timeline.count(CacheMetricNames.LOOKUPS, Map.of("outcome", "miss"), 3);
        timeline.count(MetricNames.REQUESTS, Map.of("method", "GET", "endpoint", "/admin", "status", "200"), 1);
        clock.advance(Duration.ofMinutes(1));
        request(Duration.ofMillis(3));

        // when
        List<StatsPoint> points = timeline.points(Duration.ofHours(1), Duration.ofMinutes(1));

        // then
        assertThat(points).hasSize(60);
        StatsPoint first = points.get(58);
        assertThat(first.at()).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
        assertThat(first.requests()).isEqualTo(2);
        assertThat(first.errors()).containsExactly(Map.entry("provider_timeout", 1L));
        assertThat(first.p50Millis()).isEqualTo(50);
        assertThat(first.p95Millis()).isEqualTo(1_000);
        assertThat(first.inputTokens()).isEqualTo(120);
        assertThat(first.outputTokens()).isEqualTo(30);
        assertThat(first.cacheLookups()).isEqualTo(4);
        assertThat(first.cacheHits()).isEqualTo(1);
        assertThat(points.get(59).requests()).isEqualTo(1);
        assertThat(points.get(59).p95Millis()).isEqualTo(5);
        assertThat(points.get(0).requests()).isZero();
        assertThat(points.get(0).p50Millis()).isNull();
    }

    @Test
    void points_shouldMergeMinutesIntoLongerSteps_andForgetPastTheRetention() {
        // given
        request(Duration.ofMillis(10));
        clock.advance(Duration.ofMinutes(3));
        request(Duration.ofMillis(10));

        // when
        List<StatsPoint> sixHours = timeline.points(Duration.ofHours(6), Duration.ofMinutes(5));

        // then
        assertThat(sixHours).hasSize(72);
        assertThat(sixHours.getLast().requests()).isEqualTo(2);

        // when: a day later, the old minutes are dropped on the next write
        clock.advance(Duration.ofHours(25));
        request(Duration.ofMillis(10));

        // then
        assertThat(timeline.points(Duration.ofHours(24), Duration.ofMinutes(15)).stream()
                        .mapToLong(StatsPoint::requests)
                        .sum())
                .isEqualTo(1);
    }

    @Test
    void breakers_shouldNameTheLastStatePerTarget() {
        // when
        timeline.gauge(MetricNames.BREAKER_STATE, Map.of("target", "a/m"), 2);
        timeline.gauge(MetricNames.BREAKER_STATE, Map.of("target", "b/m"), 1);
        timeline.gauge(MetricNames.BREAKER_STATE, Map.of("target", "b/m"), 0);
        timeline.gauge(MetricNames.BREAKER_STATE, Map.of("target", "c/m"), 1);
        timeline.gauge(MetricNames.ACTIVE_PROVIDERS, Map.of(), 3);

        // then
        assertThat(timeline.breakers())
                .containsExactly(Map.entry("a/m", "open"), Map.entry("b/m", "closed"), Map.entry("c/m", "half_open"));
    }

    @Test
    void points_shouldRefuse_whenTheWindowIsLongerThanTheRetention() {
        assertThatThrownBy(() -> timeline.points(Duration.ofHours(25), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.points(Duration.ofMinutes(7), Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentile_shouldAnswerTheLastBound_whenEveryRequestIsSlowerThanIt() {
        // when
        request(Duration.ofMinutes(5));

        // then
        StatsPoint last =
                timeline.points(Duration.ofHours(1), Duration.ofMinutes(1)).getLast();
        assertThat(last.p50Millis()).isEqualTo(120_000);
    }

    private void request(Duration took) {
        timeline.count(MetricNames.REQUESTS, MESSAGES, 1);
        timeline.time(MetricNames.REQUEST_DURATION, MESSAGES, took);
    }
}
