package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.Replies;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In-process alerting through the real server: a webhook receiver of the test's own gets one alert when the only
 * provider goes down (its breaker opens) and one resolve when it comes back.
 */
class AlertsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<JsonNode> RECEIVED = new CopyOnWriteArrayList<>();

    static HttpServer receiver;
    static GatewayFixture gw;

    @BeforeAll
    static void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            RECEIVED.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        gw = GatewayFixture.start(
                MotoEndpoint.resolve().toString(),
                Map.of(
                        "portbroker.observability.alert-webhook-url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "portbroker.observability.alert-interval",
                        "100ms",
                        "portbroker.runtime.breaker.minimum-calls",
                        2,
                        "portbroker.runtime.breaker.wait-in-open",
                        "1s",
                        "portbroker.runtime.breaker.half-open-probes",
                        1),
                null);
    }

    @AfterAll
    static void stop() {
        gw.close();
        receiver.stop(0);
    }

    private static int post() throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                                .header("x-api-key", gw.clientKey)
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\","
                                        + "\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Waits (bounded) until the receiver holds {@code count} notifications. */
    private static void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (RECEIVED.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void webhook_shouldGetOneAlertWhenTheProviderGoesDown_andOneResolveWhenItComesBack() throws Exception {
        // when: the provider fails until its breaker opens
        gw.upstream.script(req -> Replies.serverError());
        for (int i = 0; i < 4; i++) {
            assertThat(post()).isGreaterThanOrEqualTo(500);
        }

        // then
        awaitReceived(1);
        assertThat(RECEIVED).isNotEmpty();
        JsonNode firing = RECEIVED.getFirst();
        assertThat(firing.path("rule").asText()).isEqualTo("provider_unhealthy");
        assertThat(firing.path("state").asText()).isEqualTo("firing");
        assertThat(firing.path("subject").asText()).isEqualTo("fake/fake-model");
        assertThat(firing.path("text").asText()).contains("FIRING");

        // when: it comes back, and after the breaker's wait a request succeeds (the half-open probe)
        gw.upstream.script(req -> Replies.completion("ok", List.of(), "stop"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (post() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        // then: one resolve, and no repeat of the firing alert in between
        awaitReceived(2);
        assertThat(RECEIVED).hasSize(2);
        assertThat(RECEIVED.get(1).path("state").asText()).isEqualTo("resolved");
        assertThat(RECEIVED.get(1).path("subject").asText()).isEqualTo("fake/fake-model");
    }
}
