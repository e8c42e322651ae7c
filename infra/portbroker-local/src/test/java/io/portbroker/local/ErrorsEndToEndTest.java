package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every error the data plane promises, over real HTTP, in the Anthropic envelope with the right status. */
class ErrorsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "claude-sonnet-4-5";
    private static final String OK_BODY = Requests.messages(MODEL).json();
    static GatewayFixture gw;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        // failures are provoked on purpose here: keep the breaker from opening so each test sees its own answer
        gw = GatewayFixture.start(Map.of(
                "portbroker.infrastructure.max-body-bytes",
                1_000_000,
                "portbroker.runtime.breaker.minimum-calls",
                100_000));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertEnvelope(HttpResponse<String> r, int status, String type) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo(type);
        assertThat(body.path("error").path("message").asText()).isNotBlank();
        assertThat(body.path("request_id").asText()).startsWith("req_");
        assertThat(r.headers().firstValue("request-id"))
                .contains(body.path("request_id").asText());
        assertThat(r.body()).doesNotContain("at io.portbroker", "Exception", "sk-fake-upstream-credential");
        return body;
    }

    static Stream<Arguments> badBodies() {
        ObjectNode badImage = JSON.createObjectNode();
        badImage.put("type", "image")
                .putObject("source")
                .put("type", "base64")
                .put("media_type", "image/png")
                .put("data", "***not base64***");
        return Stream.of(
                Arguments.of("malformed JSON", "{\"model\": "),
                Arguments.of("not an object", "[1,2]"),
                Arguments.of(
                        "missing model", Requests.empty("m").without("model").json()),
                Arguments.of(
                        "missing max_tokens",
                        Requests.empty(MODEL).without("max_tokens").json()),
                Arguments.of(
                        "wrong max_tokens type",
                        Requests.empty(MODEL).set("max_tokens", "x").json()),
                Arguments.of(
                        "missing messages",
                        Requests.empty(MODEL).without("messages").json()),
                Arguments.of(
                        "bad image data",
                        Requests.messages(MODEL)
                                .userBlocks(JSON.createArrayNode().add(badImage))
                                .json()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void messages_shouldAnswer400InvalidRequest_whenBodyIsBad(String name, String body) throws Exception {
        assertEnvelope(post("/v1/messages", body, gw.clientKey), 400, "invalid_request_error");
    }

    @Test
    void messages_shouldAnswer401_whenKeyMissingUnknownOrBadChecksum() throws Exception {
        assertEnvelope(post("/v1/messages", OK_BODY, null), 401, "authentication_error");
        assertEnvelope(
                post("/v1/messages", OK_BODY, "pb_live_0000000000000000000000000000000000000A"),
                401,
                "authentication_error");
        String flipped =
                gw.clientKey.substring(0, gw.clientKey.length() - 1) + (gw.clientKey.endsWith("A") ? "B" : "A");
        assertEnvelope(post("/v1/messages", OK_BODY, flipped), 401, "authentication_error");
        assertEnvelope(post("/v1/messages", OK_BODY, "sk-not-a-portbroker-key"), 401, "authentication_error");
    }

    @Test
    void messages_shouldAcceptBearerAuthorization_whenUsedInsteadOfXApiKey() throws Exception {
        gw.upstream.script(req -> Replies.completion("ok", java.util.List.of(), "stop"));
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages?beta=true"))
                        .header("authorization", "Bearer " + gw.clientKey)
                        .header("anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14")
                        .POST(HttpRequest.BodyPublishers.ofString(OK_BODY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void messages_shouldAnswer404_whenModelUnknownOrPathUnknown() throws Exception {
        // the test config routes claude-* only
        String body = OK_BODY.replace("claude-sonnet-4-5", "gpt-unknown");
        assertEnvelope(post("/v1/messages", body, gw.clientKey), 404, "not_found_error");
        assertEnvelope(post("/v1/nothing-here", OK_BODY, gw.clientKey), 404, "not_found_error");
    }

    @Test
    void messages_shouldAnswer413_whenBodyExceedsLimit() throws Exception {
        String big = Requests.messages(MODEL)
                .maxTokens(10)
                .user("x".repeat(1_200_000))
                .json();

        HttpResponse<String> r = post("/v1/messages", big, gw.clientKey);

        assertEnvelope(r, 413, "request_too_large");
    }

    @Test
    void messages_shouldPassRateLimitAndRetryAfterOn_whenUpstreamSays429() throws Exception {
        gw.upstream.script(req -> Replies.rateLimited(7));

        // its own target (model route): a Retry-After makes that target sit out, which must not touch other tests
        HttpResponse<String> r =
                post("/v1/messages", OK_BODY.replace("claude-sonnet-4-5", "claude-haiku-4-5"), gw.clientKey);

        assertEnvelope(r, 429, "rate_limit_error");
        assertThat(r.headers().firstValue("retry-after")).contains("7");
    }

    @Test
    void messages_shouldAnswerGatewayFaultNot401_whenUpstreamRejectsItsCredential() throws Exception {
        gw.upstream.script(req -> Replies.error(401, "invalid_api_key", "Incorrect API key provided: sk-fake***"));

        HttpResponse<String> r = post("/v1/messages", OK_BODY, gw.clientKey);

        assertThat(r.statusCode()).isBetween(500, 599);
        assertEnvelope(r, r.statusCode(), "api_error");
    }

    @Test
    void messages_shouldPassTheReasonOn_whenUpstreamRejectsTheRequest() throws Exception {
        gw.upstream.script(req ->
                Replies.error(400, "invalid_request_error", "This model's maximum context length is 65536 tokens."));

        JsonNode body = assertEnvelope(post("/v1/messages", OK_BODY, gw.clientKey), 400, "invalid_request_error");

        assertThat(body.path("error").path("message").asText()).contains("maximum context length");
    }

    @Test
    void messages_shouldAnswer529_whenUpstreamOverloaded() throws Exception {
        gw.upstream.script(req -> Replies.error(503, "overloaded", "try later"));

        assertEnvelope(
                post("/v1/messages", OK_BODY.replace("claude-sonnet-4-5", "claude-haiku-4-5"), gw.clientKey),
                529,
                "overloaded_error");
    }

    @Test
    void stream_shouldEndWithErrorEventNotEndTurn_whenUpstreamDiesMidStream() throws Exception {
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .content("partial")
                .resetHere()
                // the cut comes a moment after "partial", as when a provider dies mid-answer
                .gap(Duration.ofMillis(200))
                .content("never")
                .build());

        HttpResponse<String> r =
                post("/v1/messages", OK_BODY.replace("{\"model\"", "{\"stream\":true,\"model\""), gw.clientKey);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("event: message_start", "partial", "event: error");
        assertThat(r.body()).doesNotContain("end_turn", "message_stop");
    }

    @Test
    void stream_shouldCancelTheUpstreamCall_whenClientDisconnects() throws Exception {
        gw.upstream.script(req -> {
            var b = new Replies.StreamBuilder().gap(Duration.ofMillis(50)).role();
            for (int i = 0; i < 400; i++) {
                b.content("tick ");
            }
            return b.finish("stop").done().build();
        });
        int before = gw.upstream.cancelledStreams();

        HttpResponse<InputStream> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                        .header("x-api-key", gw.clientKey)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                OK_BODY.replace("{\"model\"", "{\"stream\":true,\"model\"")))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        byte[] first = new byte[64];
        assertThat(r.body().read(first)).isPositive();
        r.body().close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (gw.upstream.cancelledStreams() == before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(gw.upstream.cancelledStreams()).isGreaterThan(before);
    }

    @Test
    void health_shouldAnswerWithoutKey_andHeadRootShouldAnswer200() throws Exception {
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<Void> head = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("ok");
        assertThat(head.statusCode()).as(head.headers().map().toString()).isEqualTo(200);
    }

    @Test
    void models_shouldRequireAKey() throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/models")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEnvelope(r, 401, "authentication_error");
    }
}
