package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The hardening of issue #9 through the real local server: provider credential names, key takeover between admin
 * scopes, origin-bound stored keys, and the per-stream and per-event memory caps (set small here so a test can
 * reach them: 64 KiB per stream, 16 KiB per SSE event).
 */
class HardeningEndToEndTest {
    private static final long STREAM_CAP = 64 * 1024;
    private static final String CONTENT_CHUNK = "{\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":null}]}";

    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.builder()
                .properties(Map.of(
                        "portbroker.stream.max-bytes",
                        String.valueOf(STREAM_CAP),
                        "portbroker.stream.max-sse-event-bytes",
                        "16384"))
                .withAdminKey()
                .start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PORTBROKER_BOOTSTRAP_ADMIN_KEY", "PATH"})
    void providers_shouldRefuseWith400_whenApiKeyEnvNamesTheGatewaysOwnVariable(String name) {
        // when: an admin:provider holder points a provider at a listener with the Lambda role's secret as its key
        HttpResponse<String> refused = admin("POST", "/admin/v1/providers", """
                {"id": "exfil-%s", "base_url": "%s", "api_key_env": "%s"}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 6), gw.upstream.baseUrl(), name));

        // then
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("message").asText()).contains("gateway's own environment");
    }

    @Test
    void messages_shouldAnswer502WithoutNamingTheVariable_whenTheProviderKeyVariableIsUnset() {
        // given
        String id = "unset-" + UUID.randomUUID().toString().substring(0, 6);
        String variable = "PB_UNSET_" + id.substring(6).toUpperCase() + "_KEY";
        assertThat(admin("POST", "/admin/v1/providers", """
                        {"id": "%s", "base_url": "%s", "api_key_env": "%s"}
                        """.formatted(id, gw.upstream.baseUrl(), variable))
                        .statusCode())
                .isEqualTo(201);
        admin("POST", "/admin/v1/routes", """
                {"model": "claude-%s", "targets": [{"provider": "%s", "model": "m"}]}
                """.formatted(id, id));

        // when
        HttpResponse<String> answer = message("claude-" + id, false);

        // then
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(json(answer).path("error").path("type").asText()).isEqualTo("api_error");
        assertThat(answer.body()).doesNotContain(variable).doesNotContain("PB_UNSET");
    }

    @Test
    void keys_shouldRefuseWith403_whenAKeyManagerRotatesAKeyHoldingMoreScopes() {
        // given: a key manager created by the bootstrap admin key
        JsonNode manager = json(admin("POST", "/admin/v1/keys", """
                {"name": "manager", "scopes": ["admin:keys", "admin:read"]}
                """));
        String adminId = json(admin("GET", "/admin/v1/keys?scope=admin:provider", null))
                .path("data")
                .path(0)
                .path("id")
                .asText();

        // when: it tries to take over the bootstrap key (rotate returns a fresh secret with its scopes)
        HttpResponse<String> rotate = call(
                gw.stack,
                "POST",
                "/admin/v1/keys/" + adminId + "/rotate",
                Map.of("x-api-key", manager.path("key").asText()),
                "{\"overlap_seconds\":0}");

        // then: refused, and the bootstrap key still works
        assertThat(rotate.statusCode()).isEqualTo(403);
        assertThat(rotate.body()).doesNotContain("pb_live_");
        assertThat(admin("GET", "/admin/v1/providers", null).statusCode()).isEqualTo(200);
    }

    @Test
    void providers_shouldRefuseToMoveAStoredKeyToAnotherOrigin_whenTheKeyIsNotSentAgain() {
        // given: a provider whose key was written through the admin API (sealed, bound to the fake's origin)
        String id = "bound-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin("POST", "/admin/v1/providers", """
                        {"id": "%s", "base_url": "%s", "api_key": "sk-bound-%s"}
                        """.formatted(id, gw.upstream.baseUrl(), id))
                        .statusCode())
                .isEqualTo(201);
        String elsewhere = FakeOpenAiUpstream.closedPortBaseUrl().toString();

        // when
        HttpResponse<String> moved = admin("PUT", "/admin/v1/providers/" + id, """
                {"base_url": "%s"}
                """.formatted(elsewhere));

        // then
        assertThat(moved.statusCode()).isEqualTo(400);
        assertThat(json(moved).path("message").asText()).contains("send api_key again");
        assertThat(json(admin("GET", "/admin/v1/providers/" + id, null))
                        .path("base_url")
                        .asText())
                .isEqualTo(gw.upstream.baseUrl().toString());
    }

    @Test
    void messages_shouldTruncateWithAnErrorEventAndCancelTheUpstream_whenTheStreamPassesItsCap() {
        // given: an upstream that would send ~4 MiB, far past the 64 KiB cap
        String piece = "x".repeat(1000);
        List<Reply.Frame> frames = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
            frames.add(new Reply.Frame(Duration.ZERO, CONTENT_CHUNK.formatted(piece)));
        }
        frames.add(new Reply.Frame(Duration.ZERO, "[DONE]"));
        gw.upstream.script(req -> new Reply.Stream(frames, -1));
        InMemoryMetrics metrics = gw.stack.context().getBean(InMemoryMetrics.class);
        long before = metrics.counterTotal(MetricNames.STREAM_TRUNCATE_EVENTS);
        int cancelledBefore = gw.upstream.cancelledStreams();

        try {
            // when
            HttpResponse<String> answer = message("claude-sonnet-4-5", true);

            // then: the stream ends with the documented error event, after at most about the cap of content
            assertThat(answer.statusCode()).isEqualTo(200);
            String body = answer.body();
            assertThat(body.length()).isLessThan((int) STREAM_CAP * 2);
            assertThat(body).contains("event: message_start").contains("event: content_block_delta");
            String last = body.strip().substring(body.strip().lastIndexOf("event: "));
            assertThat(last).startsWith("event: error");
            assertThat(last)
                    .contains("\"type\":\"api_error\"")
                    .contains("stream truncated: the answer exceeded the gateway's limit of 65536 bytes per stream");
            assertThat(body).doesNotContain("message_stop");
            assertThat(metrics.counterTotal(MetricNames.STREAM_TRUNCATE_EVENTS)).isEqualTo(before + 1);
            awaitCancelled(cancelledBefore);
        } finally {
            gw.upstream.script(req -> Replies.streamText(Duration.ZERO, "hello"));
        }
    }

    @Test
    void messages_shouldAnswer502_whenTheProviderSendsAnSseEventPastTheEventCap() {
        // given: one 32 KiB event, twice the 16 KiB cap, before anything reached the client
        gw.upstream.script(req -> new Reply.Stream(
                List.of(new Reply.Frame(Duration.ZERO, CONTENT_CHUNK.formatted("y".repeat(32 * 1024)))), -1));

        try {
            // when
            HttpResponse<String> answer = message("claude-sonnet-4-5", true);

            // then: a clean error in the Anthropic envelope, never a 500 or a hang
            assertThat(answer.statusCode()).isEqualTo(502);
            assertThat(json(answer).path("type").asText()).isEqualTo("error");
            assertThat(json(answer).path("error").path("message").asText())
                    .isEqualTo("the provider sent an SSE event larger than 16384 bytes");
        } finally {
            gw.upstream.script(req -> Replies.streamText(Duration.ZERO, "hello"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "https://169.254.169.254/latest/meta-data/", "ftp://example.com/a"})
    void messages_shouldRefuseWith400BeforeAnyProviderCall_whenAnImageUrlBreaksThePolicy(String url) {
        // given
        int calls = gw.upstream.requests().size();

        // when
        HttpResponse<String> answer =
                call(gw.stack, "POST", "/v1/messages", Map.of("x-api-key", gw.clientKey), """
                {"model": "claude-sonnet-4-5", "max_tokens": 16, "messages": [{"role": "user", "content": [
                  {"type": "image", "source": {"type": "url", "url": "%s"}},
                  {"type": "text", "text": "what is this?"}]}]}
                """.formatted(url));

        // then
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(json(answer).path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(json(answer).path("error").path("message").asText()).startsWith("image source.url ");
        assertThat(answer.body()).doesNotContain("169.254").doesNotContain("/etc/passwd");
        assertThat(gw.upstream.requests()).hasSize(calls);
    }

    @ParameterizedTest
    @CsvSource({"TRACE,/v1/models", "QUERY,/v1/messages", "TRACE,/admin/v1/keys", "QUERY,/admin/v1/providers"})
    void anyMethod_shouldBeAnsweredInTheCallersEnvelope_whenTheServerHasNoRouteForIt(String method, String path) {
        // when: a method no route declares (found by the fuzzer: Micronaut answered it in its own format)
        HttpResponse<String> answer = call(gw.stack, method, path, Map.of("x-api-key", gw.clientKey), null);

        // then
        assertThat(answer.statusCode()).isEqualTo(404);
        JsonNode body = json(answer);
        if (path.startsWith("/admin/")) {
            assertThat(body.path("code").asText()).isEqualTo("not_found_error");
        } else {
            assertThat(body.path("type").asText()).isEqualTo("error");
            assertThat(body.path("error").path("type").asText()).isEqualTo("not_found_error");
        }
    }

    /** The fake notices the closed connection when its next write fails; bounded wait, no fixed sleep. */
    private static void awaitCancelled(int before) {
        Instant until = Instant.now().plusSeconds(10);
        while (gw.upstream.cancelledStreams() <= before && Instant.now().isBefore(until)) {
            Thread.onSpinWait();
        }
        assertThat(gw.upstream.cancelledStreams()).isGreaterThan(before);
    }

    private static HttpResponse<String> message(String model, boolean stream) {
        return call(gw.stack, "POST", "/v1/messages", Map.of("x-api-key", gw.clientKey), """
                {"model": "%s", "max_tokens": 64, "stream": %s, "messages": [{"role": "user", "content": "hi"}]}
                """.formatted(model, stream));
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return call(gw.stack, method, path, Map.of("x-api-key", gw.adminKey), body);
    }
}
