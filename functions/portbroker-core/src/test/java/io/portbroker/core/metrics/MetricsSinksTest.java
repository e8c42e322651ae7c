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
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Micrometer-backed sinks: the Prometheus page, the EMF publisher, fan-out and the label declaration. */
class MetricsSinksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void scrape_shouldWritePrometheusExposition_withHistogramBuckets() {
        // given
        InMemoryMetrics m = new InMemoryMetrics();
        m.increment(MetricNames.ERRORS, Map.of("category", "PROVIDER_TIMEOUT"));
        m.count(MetricNames.ERRORS, Map.of("category", "PROVIDER_TIMEOUT"), 2);
        m.increment(MetricNames.REQUESTS, Map.of("method", "POST", "endpoint", "/v1/messages", "status", "200"));
        m.time(
                MetricNames.REQUEST_DURATION,
                Map.of("method", "POST", "endpoint", "/v1/messages", "status", "200"),
                Duration.ofMillis(12));
        m.time(MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofMillis(12));
        m.gauge(MetricNames.BREAKER_STATE, Map.of("target", "p/m"), 2);

        // when
        String page = new String(m.scrape(), StandardCharsets.UTF_8);

        // then
        assertThat(page)
                .contains("# TYPE error_rate_by_category_total counter")
                .contains("error_rate_by_category_total{category=\"PROVIDER_TIMEOUT\"} 3.0")
                .contains("portbroker_requests_total{endpoint=\"/v1/messages\",method=\"POST\",status=\"200\"} 1.0")
                .contains("# TYPE portbroker_request_duration_seconds histogram")
                .contains(
                        "portbroker_request_duration_seconds_bucket{endpoint=\"/v1/messages\",method=\"POST\",status=\"200\","
                                + "le=\"0.025\"} 1")
                .contains("first_byte_latency_seconds_count 1")
                .contains("breaker_state{target=\"p/m\"} 2.0");
        assertThat(m.counterTotal(MetricNames.ERRORS)).isEqualTo(3);
        assertThat(m.timerCount(MetricNames.FIRST_BYTE_LATENCY, Map.of())).isEqualTo(1);
        assertThat(m.gaugeValue(MetricNames.BREAKER_STATE, Map.of("target", "p/m")))
                .isEqualTo(2.0);
        assertThat(m.counter("absent", Map.of())).isZero();
        assertThat(m.timerCount("absent", Map.of())).isZero();
        assertThat(m.gaugeValue("absent", Map.of())).isNaN();
    }

    @Test
    void labels_shouldPublishOther_whenAValueIsNotDeclared_andDropUndeclaredKeys() {
        // given: only deepseek is configured
        InMemoryMetrics m = new InMemoryMetrics(MetricLabels.standard(() -> Set.of("deepseek")));

        // when: a key id and a prompt try to become label values, and an undeclared key appears
        m.increment(MetricNames.TOKENS, Map.of("direction", "input", "provider", "key_abc123", "model", "tell me"));
        m.increment(MetricNames.TOKENS, Map.of("direction", "input", "provider", "deepseek", "model", "x"));
        m.increment(MetricNames.ERRORS, Map.of("category", "NOT_A_CATEGORY", "key_id", "k1"));

        // then
        String page = new String(m.scrape(), StandardCharsets.UTF_8);
        assertThat(page).doesNotContain("key_abc123").doesNotContain("tell me").doesNotContain("key_id");
        assertThat(m.counter(MetricNames.TOKENS, Map.of("direction", "input", "provider", "other", "model", "other")))
                .isEqualTo(1);
        assertThat(m.counter(
                        MetricNames.TOKENS, Map.of("direction", "input", "provider", "deepseek", "model", "other")))
                .isEqualTo(1);
        assertThat(m.counter(MetricNames.ERRORS, Map.of("category", "other"))).isEqualTo(1);
    }

    @Test
    void emf_shouldWriteOneLinePerChangedMeter_perFlush() throws Exception {
        // given
        List<String> lines = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        EmfPublisher emf = new EmfPublisher(MetricLabels.anyConfigured(), lines::add, clock, "gateway", "prod");

        // when: one invocation
        emf.metrics().time(MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofMillis(250));
        emf.metrics().increment(MetricNames.ERRORS, Map.of("category", "OVERLOADED"));
        emf.metrics().gauge(MetricNames.BREAKER_STATE, Map.of("target", "p/m"), 0.5);
        emf.flush();

        // then
        assertThat(lines).hasSize(3);
        JsonNode latency = line(lines, "FirstByteLatency");
        assertThat(latency.at("/_aws/Timestamp").asLong()).isEqualTo(clock.millis());
        JsonNode directive = latency.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo("PortBroker");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\",\"Environment\"]]");
        assertThat(directive.path("Metrics").toString())
                .isEqualTo("[{\"Name\":\"FirstByteLatency\",\"Unit\":\"Milliseconds\"}]");
        assertThat(latency.path("FirstByteLatency").asLong()).isEqualTo(250);
        assertThat(latency.path("Service").asText()).isEqualTo("gateway");
        assertThat(latency.path("Environment").asText()).isEqualTo("prod");
        JsonNode error = line(lines, MetricNames.ERRORS);
        assertThat(error.at("/_aws/CloudWatchMetrics/0/Dimensions/0").toString())
                .isEqualTo("[\"Service\",\"Environment\",\"category\"]");
        assertThat(error.path("category").asText()).isEqualTo("OVERLOADED");
        assertThat(line(lines, MetricNames.BREAKER_STATE).path("breaker_state").asDouble())
                .isEqualTo(0.5);

        // when: the next invocation counts one more error and times nothing
        lines.clear();
        emf.metrics().increment(MetricNames.ERRORS, Map.of("category", "OVERLOADED"));
        emf.metrics().time(MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofMillis(100));
        emf.flush();

        // then: deltas only, and the gauge again
        assertThat(line(lines, MetricNames.ERRORS).path(MetricNames.ERRORS).asLong())
                .isEqualTo(1);
        assertThat(line(lines, "FirstByteLatency").path("FirstByteLatency").asLong())
                .isEqualTo(100);
        assertThat(lines).hasSize(3);

        // when: nothing changed
        lines.clear();
        emf.flush();
        assertThat(lines).hasSize(1); // only the gauge
    }

    private static JsonNode line(List<String> lines, String metric) throws Exception {
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            if (n.has(metric)) {
                return n;
            }
        }
        throw new AssertionError("no line for " + metric + " in " + lines);
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

    @Test
    void record_shouldNeverThrow_whenTheSameNameComesWithOtherLabelKeys() {
        InMemoryMetrics m = new InMemoryMetrics();
        m.increment("mixed", Map.of("category", "INTERNAL"));
        m.increment("mixed", Map.of("target", "a/b"));
        m.time("mixed_t", Map.of("category", "INTERNAL"), Duration.ofMillis(1));
        m.time("mixed_t", Map.of("target", "a/b"), Duration.ofMillis(1));
        m.gauge("mixed_g", Map.of("category", "INTERNAL"), 1);
        m.gauge("mixed_g", Map.of("target", "a/b"), 1);

        assertThat(m.counter("mixed", Map.of("category", "INTERNAL"))).isEqualTo(1);
    }
}
