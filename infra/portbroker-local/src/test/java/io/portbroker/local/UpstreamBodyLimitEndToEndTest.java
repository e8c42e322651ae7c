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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A non-streamed provider answer over {@code portbroker.upstream.max-body-bytes} becomes a clear 502. */
class UpstreamBodyLimitEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY =
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of(
                "portbroker.upstream.max-body-bytes", 20_000, "portbroker.runtime.breaker.minimum-calls", 100_000));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> post() throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                        .header("content-type", "application/json")
                        .header("anthropic-version", "2023-06-01")
                        .header("x-api-key", gw.clientKey)
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void messages_shouldAnswer502WithTheReason_whenTheProviderAnswerIsOverTheLimit() throws Exception {
        // given
        gw.upstream.script(req -> Replies.completion("x".repeat(30_000), List.of(), "stop"));

        // when
        HttpResponse<String> r = post();

        // then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(502);
        JsonNode error = JSON.readTree(r.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("api_error");
        assertThat(error.path("message").asText()).contains("20000-byte limit");
    }

    @Test
    void messages_shouldAnswer200_whenTheProviderAnswerIsUnderTheLimit() throws Exception {
        gw.upstream.script(req -> Replies.completion("x".repeat(10_000), List.of(), "stop"));

        assertThat(post().statusCode()).isEqualTo(200);
    }
}
