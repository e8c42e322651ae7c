package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.stats.StatsTimeline;
import io.portbroker.core.testing.RecordingResponder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/v1/stats}: the dashboard's time series, in the shape the OpenAPI document declares. */
class StatsAdminTest {
    private final AdminFixture f = new AdminFixture();
    private final StatsTimeline timeline = new StatsTimeline(f.clock);
    private final AdminApi api = f.apiWith(new StatsAdmin(timeline));

    @Test
    void stats_shouldAnswerTheWindowsPoints_inTheDeclaredSchema() {
        // given
        Map<String, String> labels = Map.of("method", "POST", "endpoint", "/v1/messages", "status", "502");
        timeline.count(MetricNames.REQUESTS, labels, 1);
        timeline.time(MetricNames.REQUEST_DURATION, labels, Duration.ofMillis(70));
        timeline.count(MetricNames.ERRORS, Map.of("category", "PROVIDER_SERVER"), 1);
        timeline.count("cache_hit_ratio_total", Map.of("outcome", "hit-l2"), 1);
        timeline.gauge(MetricNames.BREAKER_STATE, Map.of("target", "deepseek/chat"), 2);

        // when
        RecordingResponder r = call("/admin/v1/stats", "window=6h");

        // then
        JsonNode answer = f.ok(r);
        assertThat(answer.path("step_seconds").asLong()).isEqualTo(300);
        assertThat(answer.path("points")).hasSize(72);
        JsonNode last = answer.path("points").get(71);
        assertThat(last.path("requests").asLong()).isEqualTo(1);
        assertThat(last.path("errors").path("provider_server").asLong()).isEqualTo(1);
        assertThat(last.path("p95_ms").asLong()).isEqualTo(100);
        assertThat(last.path("cache_hit_ratio").asDouble()).isEqualTo(1.0);
        assertThat(answer.path("points").get(0).path("cache_hit_ratio").isNull())
                .isTrue();
        assertThat(answer.path("breakers")).hasSize(1);
        assertThat(answer.path("breakers").get(0).path("target").asText()).isEqualTo("deepseek/chat");
        assertThat(answer.path("breakers").get(0).path("state").asText()).isEqualTo("open");
        JsonNode doc = f.ok(call("/admin/v1/openapi.json", ""));
        JsonNode schema = doc.path("paths")
                .path("/admin/v1/stats")
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema");
        assertThat(new SchemaConformance(doc).problems(answer, schema)).isEmpty();
    }

    @Test
    void stats_shouldDefaultToTheLastHour_whenNoWindowIsGiven() {
        assertThat(f.ok(call("/admin/v1/stats", "")).path("points")).hasSize(60);
    }

    @Test
    void stats_shouldRefuse_whenTheWindowIsUnknown() {
        RecordingResponder r = call("/admin/v1/stats", "window=7d");
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).isEqualTo("window must be 1h, 6h or 24h");
    }

    private RecordingResponder call(String path, String query) {
        RecordingResponder responder = new RecordingResponder();
        api.handle(new ApiRequest("GET", path, query, Map.of("x-api-key", List.of(f.adminKey)), null), responder);
        return responder;
    }
}
