package io.portbroker.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The remembered meters: one lookup per published name and labels, never a stale label after a reload. */
class MicrometerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Set<String> configured = ConcurrentHashMap.newKeySet();
    private final MicrometerMetrics metrics =
            new MicrometerMetrics(registry, MetricLabels.standard(() -> Set.copyOf(configured)));

    @Test
    void count_shouldRecordIntoOneRememberedMeter_whenTheSameLabelsComeAgain() {
        // when: equal labels in new maps, as each request builds them
        for (int i = 0; i < 3; i++) {
            metrics.count("requests", Map.of("status", String.valueOf(200), "method", "POST"), 2);
            metrics.time("took", Map.of("status", "200"), Duration.ofMillis(3));
        }

        // then
        assertThat(registry.get("requests")
                        .tags("status", "200", "method", "POST")
                        .counter()
                        .count())
                .isEqualTo(6.0);
        assertThat(registry.get("took").tags("status", "200").timer().count()).isEqualTo(3);
        assertThat(metrics.remembered()).isEqualTo(2);
    }

    @Test
    void time_shouldPublishTheNewLabel_whenAModelBecomesConfiguredAfterTheFirstRecord() {
        // given: an undeclared model is published as "other" (and that meter is remembered)
        metrics.time("upstream", Map.of("model", "m1"), Duration.ofMillis(1));

        // when: a reload declares it
        configured.add("m1");
        metrics.time("upstream", Map.of("model", "m1"), Duration.ofMillis(1));

        // then
        assertThat(registry.get("upstream")
                        .tags("model", MetricLabels.OTHER)
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("upstream").tags("model", "m1").timer().count()).isEqualTo(1);
    }

    @Test
    void count_shouldStillRecordEveryValue_whenMoreMetersExistThanAreRemembered() {
        // given: labels allowed without bound (no configuration to check them against)
        MicrometerMetrics open = new MicrometerMetrics(registry, MetricLabels.standard(null));
        int distinct = MicrometerMetrics.MAX_REMEMBERED + 50;

        // when
        for (int i = 0; i < distinct; i++) {
            open.increment("by_provider", Map.of("provider", "p" + i));
        }
        open.increment("by_provider", Map.of("provider", "p" + (distinct - 1)));

        // then: memory for remembered meters is bounded, and nothing was lost past the bound
        assertThat(open.remembered()).isEqualTo(MicrometerMetrics.MAX_REMEMBERED);
        assertThat(registry.find("by_provider").counters()).hasSize(distinct);
        assertThat(registry.get("by_provider")
                        .tags("provider", "p" + (distinct - 1))
                        .counter()
                        .count())
                .isEqualTo(2.0);
    }
}
