package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.fn.gateway.RedactingJsonLayout;
import io.portbroker.testkit.MotoEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The seed's request log through the real server: one {@code request_started} and one {@code request_completed}
 * JSON line per request, rendered by the production layout (the redaction choke point), with request id, method,
 * path, status, duration, provider, model, tokens, cost, cache status and the trace id the caller sent.
 */
class RequestLogEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> LINES = new CopyOnWriteArrayList<>();

    static GatewayFixture gw;
    static String adminKey;
    static AppenderBase<ILoggingEvent> capture;

    @BeforeAll
    static void start() {
        RedactingJsonLayout layout = new RedactingJsonLayout();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                LINES.add(layout.doLayout(event));
            }
        };
        capture.start();
        ((Logger) LoggerFactory.getLogger("portbroker.request")).addAppender(capture);
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        gw = GatewayFixture.start(MotoEndpoint.resolve().toString(), Map.of(), adminKey);
    }

    @AfterAll
    static void stop() {
        ((Logger) LoggerFactory.getLogger("portbroker.request")).detachAppender(capture);
        gw.close();
    }

    private static JsonNode line(String event, String traceId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String l : LINES) {
                JsonNode n = JSON.readTree(l);
                if (event.equals(n.path("event").asText())
                        && traceId.equals(n.path("trace_id").asText())) {
                    return n;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + event + " line for trace " + traceId + " in " + LINES);
    }

    @Test
    void requestLines_shouldCarryEverySeedField_whenAMessageIsServed() throws Exception {
        String traceId = "5bf92f3577b34da6a3ce929d0e0e4737";
        HttpResponse<String> prices = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/admin/v1/prices"))
                                .header("x-api-key", adminKey)
                                .header("content-type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"prices\":"
                                        + "{\"fake/fake-model\":{\"input_per_million\":1.0,"
                                        + "\"output_per_million\":2.0}}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(prices.statusCode()).as(prices.body()).isEqualTo(200);

        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                                .header("x-api-key", gw.clientKey)
                                .header("content-type", "application/json")
                                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":10,\"stream\":true,"
                                                + "\"messages\":[{\"role\":\"user\",\"content\":\"log me\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        String requestId = r.headers().firstValue("request-id").orElseThrow();

        JsonNode started = line("request_started", traceId);
        assertThat(started.path("request_id").asText()).isEqualTo(requestId);
        assertThat(started.path("method").asText()).isEqualTo("POST");
        assertThat(started.path("path").asText()).isEqualTo("/v1/messages");
        assertThat(started.path("logger").asText()).isEqualTo("portbroker.request");

        JsonNode done = line("request_completed", traceId);
        assertThat(done.path("request_id").asText()).isEqualTo(requestId);
        assertThat(done.path("method").asText()).isEqualTo("POST");
        assertThat(done.path("path").asText()).isEqualTo("/v1/messages");
        assertThat(done.path("status").asText()).isEqualTo("200");
        assertThat(done.path("duration_ms").asLong(-1)).isNotNegative();
        assertThat(done.path("provider").asText()).isEqualTo("fake");
        assertThat(done.path("model").asText()).isNotBlank();
        assertThat(done.path("input_tokens").asLong(-1)).isPositive();
        assertThat(done.path("output_tokens").asLong(-1)).isPositive();
        assertThat(done.path("cost_usd").asDouble(-1)).isPositive();
        assertThat(done.path("cache").asText()).isNotBlank();
        assertThat(done.path("trace_id").asText()).isEqualTo(traceId);
    }
}
