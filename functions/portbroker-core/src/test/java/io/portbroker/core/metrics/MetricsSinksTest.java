package io.portbroker.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsSinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void render_shouldWritePrometheusText_forEveryKindOfSeries() {
        // given
        InMemoryMetrics m = new InMemoryMetrics();
        m.increment(MetricNames.ERRORS, Map.of("category", "PROVIDER_TIMEOUT"));
        m.count(MetricNames.ERRORS, Map.of("category", "PROVIDER_TIMEOUT"), 2);
        m.increment(MetricNames.ERRORS, Map.of("category", "RATE_\"LIMITED"));
        m.time(MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofMillis(12));
        m.gauge(MetricNames.BREAKER_STATE, Map.of("target", "p/m"), 2);

        // when
        String page = new String(PrometheusText.render(m), StandardCharsets.UTF_8);

        // then
        assertThat(page)
                .contains("# TYPE portbroker_error_rate_by_category_total counter\n")
                .contains("portbroker_error_rate_by_category_total{category=\"PROVIDER_TIMEOUT\"} 3\n")
                .contains("{category=\"RATE_\\\"LIMITED\"} 1\n")
                .contains("# TYPE portbroker_first_byte_latency summary\n")
                .contains("portbroker_first_byte_latency_count 1\n")
                .contains("portbroker_first_byte_latency_sum 12.0\n")
                .contains("portbroker_breaker_state{target=\"p/m\"} 2.0\n");
        assertThat(m.counterTotal(MetricNames.ERRORS)).isEqualTo(4);
        assertThat(m.timerCount(MetricNames.FIRST_BYTE_LATENCY, Map.of())).isEqualTo(1);
        assertThat(m.counter("absent", Map.of())).isZero();
        assertThat(m.timerCount("absent", Map.of())).isZero();
        assertThat(m.gaugeValue("absent", Map.of())).isNaN();
    }

    @Test
    void emf_shouldWriteOnePowertoolsStyleLinePerMetric() throws Exception {
        // given
        List<String> lines = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        EmfMetrics emf = new EmfMetrics(lines::add, clock, "gateway", "prod");

        // when
        emf.time(MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofMillis(250));
        emf.increment(MetricNames.ERRORS, Map.of("category", "OVERLOADED"));
        emf.gauge(MetricNames.BREAKER_STATE, Map.of("target", "p/m"), 0.5);

        // then
        JsonNode latency = JSON.readTree(lines.get(0));
        assertThat(latency.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
        JsonNode directive = latency.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo("PortBroker");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\",\"Environment\"]]");
        assertThat(directive.path("Metrics").toString())
                .isEqualTo("[{\"Name\":\"FirstByteLatency\",\"Unit\":\"Milliseconds\"}]");
        assertThat(latency.path("FirstByteLatency").asLong()).isEqualTo(250);
        assertThat(latency.path("Service").asText()).isEqualTo("gateway");
        assertThat(latency.path("Environment").asText()).isEqualTo("prod");
        JsonNode error = JSON.readTree(lines.get(1));
        assertThat(error.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString())
                .isEqualTo("[\"Service\",\"Environment\",\"category\"]");
        assertThat(error.path("category").asText()).isEqualTo("OVERLOADED");
        assertThat(JSON.readTree(lines.get(2)).path("breaker_state").asDouble()).isEqualTo(0.5);
    }

    @Test
    void fanOut_shouldWriteToEverySink_andNoneShouldSwallowAll() {
        InMemoryMetrics a = new InMemoryMetrics();
        InMemoryMetrics b = new InMemoryMetrics();
        Metrics both = Metrics.fanOut(List.of(a, b, Metrics.NONE));

        both.increment("c", Map.of());
        both.time("t", Map.of(), Duration.ofMillis(1));
        both.gauge("g", Map.of(), 1);
        Metrics.NONE.increment("c", Map.of());

        assertThat(a.counter("c", Map.of())).isEqualTo(1);
        assertThat(b.timerCount("t", Map.of())).isEqualTo(1);
        assertThat(b.gaugeValue("g", Map.of())).isEqualTo(1.0);
    }
}
