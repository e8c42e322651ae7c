package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.testkit.upstream.Replies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Overload over real HTTP: with one request in flight allowed, a second is refused at once with a clean 529. */
class OverloadEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY =
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of("portbroker.overload.max-in-flight", 1));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpRequest message() {
        return HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("x-api-key", gw.clientKey)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    @Test
    void messages_shouldBeRefusedWith529AndRetryAfter_whenTheInFlightBoundIsReached() throws Exception {
        // given: one request admitted and held by the upstream
        CountDownLatch upstreamEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        gw.upstream.script(req -> {
            upstreamEntered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Replies.completion("held", List.of(), "stop");
        });
        CompletableFuture<HttpResponse<String>> held = HTTP.sendAsync(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(upstreamEntered.await(30, TimeUnit.SECONDS)).isTrue();

        // when
        HttpResponse<String> refused = HTTP.send(message(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then: a well-formed refusal, never a 500; health is not refused
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("overloaded_error");
        assertThat(body.path("request_id").asText()).startsWith("req_");
        assertThat(refused.headers().firstValue("retry-after")).contains("1");
        assertThat(refused.headers().firstValue("request-id"))
                .contains(body.path("request_id").asText());
        assertThat(health.statusCode()).isEqualTo(200);

        // and when the held request finishes, the next one is admitted at once
        release.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        gw.upstream.script(req -> Replies.completion("again", List.of(), "stop"));
        HttpResponse<String> recovered = HTTP.send(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
    }
}
