package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.metrics.MetricLabels;
import io.portbroker.testkit.upstream.Replies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seed's metric names at {@code GET /metrics} and readiness, through the real server over moto. */
class MetricsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SERIES =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\} ", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** What the fixture's portbroker.yaml declares: the only provider/target/model label values allowed. */
    private static final Set<String> CONFIGURED = Set.of(
            "fake",
            "fake/fake-model",
            "fake/fake-model-isolated",
            "fake-model",
            "fake-model-isolated",
            "claude-sonnet-4-5",
            "claude-haiku-*",
            "claude-*");

    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String message(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":50,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    @Test
    void metrics_shouldShowTheSeedNames_withOnlyDeclaredLabelValues_afterRealTraffic() throws Exception {
        // given: streamed and whole answers, a model name no route declares verbatim, an auth failure, a 404
        gw.upstream.script(req -> req.path("stream").asBoolean()
                ? Replies.streamText(java.time.Duration.ZERO, "hel", "lo")
                : Replies.completion("hello", List.of(), "stop"));
        assertThat(send("POST", "/v1/messages", message("claude-sonnet-4-5", true), gw.clientKey)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/v1/messages", message("claude-sonnet-4-5", false), gw.clientKey)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/v1/messages", message("claude-opus-4-1-secret-user-text", false), gw.clientKey)
                        .statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/v1/messages", message("claude-sonnet-4-5", false), "pb_live_wrong")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/v1/models/no-such-model-" + System.nanoTime(), null, gw.clientKey)
                        .statusCode())
                .isEqualTo(404);

        // when
        HttpResponse<String> page = send("GET", "/metrics", null, null);

        // then: the names
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        String text = page.body();
        assertThat(text)
                .contains("portbroker_requests_total{endpoint=\"/v1/messages\",method=\"POST\",status=\"200\"} 3.0")
                .contains("portbroker_requests_total{endpoint=\"/v1/messages\",method=\"POST\",status=\"401\"} 1.0")
                .contains("portbroker_requests_total{endpoint=\"/v1/models/{id}\",method=\"GET\",status=\"404\"} 1.0")
                .contains("# TYPE portbroker_request_duration_seconds histogram")
                .contains(
                        "portbroker_request_duration_seconds_bucket{endpoint=\"/v1/messages\",method=\"POST\",status=\"200\",le=\"+Inf\"} 3")
                .contains("portbroker_active_providers 1.0")
                .contains("error_rate_total{class=\"4xx\"} 2.0")
                .contains("error_rate_by_category_total{category=\"AUTHENTICATION\"} 1.0")
                .contains("tokens_total{direction=\"input\",model=\"claude-sonnet-4-5\",provider=\"fake\"} 50.0")
                .contains("tokens_total{direction=\"input\",model=\"other\",provider=\"fake\"} 25.0")
                .contains("time_to_first_token_seconds_bucket{provider=\"fake\",le=\"+Inf\"} 3")
                .contains("upstream_ttft_seconds_count{target=\"fake/fake-model\"} 3")
                .contains("first_byte_latency_seconds_count 3")
                .contains("# TYPE portbroker_overhead_seconds histogram")
                .contains("portbroker_overhead_seconds_count 3")
                .contains("apikey_lookup_cache_hit_ratio_total{result=\"hit\"}")
                .contains("apikey_lookup_cache_hit_ratio_total{result=\"miss\"}")
                .contains("db_latency_seconds_count{op=\"get\",table=\"api_keys\"}");
        assertThat(text).doesNotContain("secret-user-text").doesNotContain(gw.clientKey);

        // and: every label value of every series is declared
        MetricLabels declared = MetricLabels.standard(() -> CONFIGURED);
        Matcher series = SERIES.matcher(text);
        int checked = 0;
        while (series.find()) {
            Matcher label = LABEL.matcher(series.group(2));
            while (label.find()) {
                String key = label.group(1);
                if (key.equals("le") || key.equals("quantile")) {
                    continue;
                }
                assertThat(declared.allows(key, label.group(2)))
                        .as("%s{%s=\"%s\"}", series.group(1), key, label.group(2))
                        .isTrue();
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void ready_shouldAnswerHealthyWithEveryCheck_andLiveness_shouldStayCheap() throws Exception {
        HttpResponse<String> ready = send("GET", "/health/ready", null, null);
        HttpResponse<String> live = send("GET", "/health", null, null);

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(ready.body());
        assertThat(body.path("status").asText()).isIn("healthy", "degraded");
        assertThat(body.path("checks").path("dynamodb").asText()).isEqualTo("healthy");
        assertThat(body.path("checks").path("secrets").asText()).isEqualTo("healthy");
        assertThat(body.path("checks").path("providers").asText()).isEqualTo("healthy");
        assertThat(body.path("checks").has("memory")).isTrue();
        assertThat(body.path("checks").has("disk")).isTrue();
        assertThat(body.path("timestamp").asText()).isNotBlank();
        assertThat(ready.body()).doesNotContain("detail");
        assertThat(live.statusCode()).isEqualTo(200);
    }
}
