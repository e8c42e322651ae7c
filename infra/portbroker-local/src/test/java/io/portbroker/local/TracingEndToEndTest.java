package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.Replies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenTelemetry through the real server, exported by OTLP/HTTP to a fake collector: one streamed request
 * yields the span tree (server span → auth, size, decode, admission, messages → cache → route, upstream attempt
 * with its first-token event, stream), all under the caller's trace id, and the fake provider receives a
 * {@code traceparent} with that trace id whose parent is the attempt's span. Errors carry the trace id too.
 */
class TracingEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    static OtlpReceiver collector;
    static GatewayFixture gw;

    @BeforeAll
    static void start() throws Exception {
        collector = new OtlpReceiver();
        gw = GatewayFixture.start(
                MotoEndpoint.resolve().toString(),
                Map.of("otel.exporter.otlp.endpoint", collector.endpoint(), "otel.bsp.schedule.delay", "100ms"),
                null);
    }

    @AfterAll
    static void stop() {
        gw.close();
        collector.close();
    }

    private static HttpResponse<String> post(String traceparent, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                        .header("x-api-key", gw.clientKey)
                        .header("content-type", "application/json")
                        .header("traceparent", traceparent)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<OtlpReceiver.ReceivedSpan> awaitSpans(String traceId, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            List<OtlpReceiver.ReceivedSpan> mine = collector.spans().stream()
                    .filter(s -> s.traceId().equals(traceId))
                    .toList();
            if (mine.stream().anyMatch(s -> s.name().equals(name))) {
                return mine;
            }
            Thread.sleep(50);
        }
        return collector.spans().stream()
                .filter(s -> s.traceId().equals(traceId))
                .toList();
    }

    @Test
    void streamedRequest_shouldExportTheSpanTreeUnderTheCallersTrace_andPassItUpstream() throws Exception {
        // when
        HttpResponse<String> r = post(
                "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01",
                "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"stream\":true,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"trace me\"}]}");
        assertThat(r.statusCode()).isEqualTo(200);

        // then: the tree
        List<OtlpReceiver.ReceivedSpan> spans = awaitSpans(TRACE_ID, "POST /v1/messages");
        Map<String, OtlpReceiver.ReceivedSpan> byName =
                spans.stream().collect(Collectors.toMap(OtlpReceiver.ReceivedSpan::name, s -> s, (a, b) -> a));
        assertThat(byName)
                .containsKeys(
                        "POST /v1/messages",
                        "auth",
                        "admission",
                        "messages",
                        "cache",
                        "route",
                        "upstream.attempt",
                        "stream");
        OtlpReceiver.ReceivedSpan root = byName.get("POST /v1/messages");
        assertThat(root.parentId()).as("continues the caller's span").isEqualTo(CLIENT_SPAN);
        assertThat(byName.get("auth").parentId()).isEqualTo(root.spanId());
        assertThat(byName.get("admission").parentId()).isEqualTo(root.spanId());
        assertThat(byName.get("messages").parentId()).isEqualTo(root.spanId());
        assertThat(byName.get("cache").parentId())
                .isEqualTo(byName.get("messages").spanId());
        assertThat(byName.get("route").parentId()).isEqualTo(byName.get("cache").spanId());
        OtlpReceiver.ReceivedSpan attempt = byName.get("upstream.attempt");
        assertThat(attempt.parentId()).isEqualTo(byName.get("cache").spanId());
        assertThat(attempt.events()).contains("first_token");
        assertThat(byName.get("stream").parentId())
                .isEqualTo(byName.get("messages").spanId());

        // and: the provider saw the same trace, its parent being the attempt's span
        String upstream = gw.upstream.requests().getLast().header("traceparent");
        assertThat(upstream).isEqualTo("00-" + TRACE_ID + "-" + attempt.spanId() + "-01");
    }

    @Test
    void errorBody_shouldCarryTheTraceId_whenTheRequestFails() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";

        HttpResponse<String> r = post("00-" + traceId + "-b7ad6b7169203331-01", "{\"model\":");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(body.path("request_id").asText()).startsWith("req_");
        assertThat(body.path("trace_id").asText()).isEqualTo(traceId);
        List<OtlpReceiver.ReceivedSpan> spans = awaitSpans(traceId, "POST /v1/messages");
        assertThat(spans).extracting(OtlpReceiver.ReceivedSpan::name).contains("POST /v1/messages", "decode");
    }

    @Test
    void upstreamAttempts_shouldEachGetTheirOwnSpan_whenTheFirstFails() throws Exception {
        String traceId = "11112222333344445555666677778888";
        gw.upstream.script(Replies.inOrder(Replies.serverError(), Replies.completion("ok", List.of(), "stop")));
        try {
            HttpResponse<String> r = post(
                    "00-" + traceId + "-1111222233334444-01",
                    "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"again\"}]}");
            assertThat(r.statusCode()).isEqualTo(200);
            List<OtlpReceiver.ReceivedSpan> spans = awaitSpans(traceId, "POST /v1/messages");
            assertThat(spans)
                    .filteredOn(s -> s.name().equals("upstream.attempt"))
                    .hasSize(2);
            assertThat(spans).extracting(OtlpReceiver.ReceivedSpan::name).contains("encode");
        } finally {
            gw.upstream.script(req -> Replies.streamText(java.time.Duration.ZERO, "hello"));
        }
    }
}
