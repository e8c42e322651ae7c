package io.portbroker.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.testing.ScriptedUpstream;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.error.CancelledError;
import io.portbroker.error.RateLimitError;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.testing.Requests;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The data-plane API through its real pipeline (authenticator, router, messages service, stream runner, Anthropic
 * and OpenAI codecs) with only the provider scripted and the shell replaced by a recording responder.
 */
class GatewayApiTest {
    private static final String MODEL = "claude-sonnet-4-5";
    private static final String REQUEST = request().json();
    private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
            + "\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
            + "\"Hello\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,"
            + "\"total_tokens\":15}}";
    private static final String CHUNK = "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"gpt-4o\",\"choices\":";
    private static final String STREAM = CHUNK
            + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Hel\"},\"finish_reason\":null}]}\n\n"
            + CHUNK + "[{\"index\":0,\"delta\":{\"content\":\"lo\"},\"finish_reason\":null}]}\n\n"
            + CHUNK + "[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
            + CHUNK + "[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":5,\"total_tokens\":17}}\n\n"
            + "data: [DONE]\n\n";

    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final KeyIssuer issuer = new KeyIssuer(keys, hasher, clock, new SecureRandom());
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final RecordingMetering metering = new RecordingMetering();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AnthropicMessagesDialect client = new AnthropicMessagesDialect(true);
    private final String key = issuer.issue("ci", Scopes.CHAT, null).key();

    GatewayApiTest() {
        config.putProvider(Providers.openAi("openai")
                .baseUrl("https://openai.invalid/v1/")
                .credentialRef("env:OPENAI_API_KEY")
                .build());
        config.putRoute(route(MODEL, true));
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private static ModelRoute route(String pattern, boolean listed) {
        return Routes.route(pattern).to("openai", "gpt-4o").listed(listed).build();
    }

    /** The reference request: one user turn saying "Hi" to {@value #MODEL}. */
    private static Requests request() {
        return Requests.messages(MODEL).user("Hi");
    }

    private GatewayApi api(long maxBodyBytes) {
        // the watchdog tick is far beyond any test, so no timer decides an outcome here
        return io.portbroker.core.gateway.DataPlane.assemble(
                        io.portbroker.core.testing.DataPlanes.deterministic(scheduler, clock)
                                .config(config)
                                .transport(upstream)
                                .credentials(ref -> "sk-test-" + ref.substring(4))
                                .authenticator(new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofSeconds(5)))
                                .settings(GatewaySettings.ofDefaults()
                                        .withMaxBodyBytes(maxBodyBytes)
                                        .withValidateStreams(true))
                                .metering(metering)
                                .build())
                .api();
    }

    private RecordingResponder send(String method, String path, Map<String, String> headers, String body) {
        return send(api(1 << 20), method, path, headers, body, new RecordingResponder());
    }

    private static RecordingResponder send(
            GatewayApi api,
            String method,
            String path,
            Map<String, String> headers,
            String body,
            RecordingResponder responder) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        api.handle(
                new ApiRequest(
                        method,
                        path,
                        "",
                        h,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                        "203.0.113.9"),
                responder);
        return responder;
    }

    private Map<String, String> withKey(String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-api-key", key);
        for (int i = 0; i < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    @Test
    void health_shouldAnswerWithoutAKey_onHealthRootHeadAndTrailingSlash() {
        for (String[] call : new String[][] {{"GET", "/health"}, {"GET", "/"}, {"HEAD", "/health/"}}) {
            RecordingResponder r = send(call[0], call[1], Map.of(), null);

            assertThat(r.status).as(call[0] + " " + call[1]).isEqualTo(200);
            assertThat(r.text()).isEqualTo("{\"status\":\"ok\"}");
            assertThat(r.header("request-id")).startsWith("req_");
        }
    }

    @Test
    void handle_shouldEchoTheCallersRequestId_onlyWhenItIsSafe() {
        RecordingResponder kept = send("GET", "/health", Map.of("X-Request-Id", "client-id_0001"), null);
        RecordingResponder replaced = send("GET", "/health", Map.of("x-request-id", "bad id\r\nx: y"), null);

        assertThat(kept.header("request-id")).isEqualTo("client-id_0001");
        assertThat(replaced.header("request-id")).matches("req_[0-9A-Za-z]{24}");
    }

    @Test
    @Tag("error-path")
    void handle_shouldAnswer404InTheAnthropicEnvelope_whenNoRouteMatches() {
        // when
        RecordingResponder r = send("DELETE", "/v1/messages/" + "x".repeat(300), withKey(), null);

        // then
        assertThat(r.status).isEqualTo(404);
        assertThat(r.json().path("type").asText()).isEqualTo("error");
        assertThat(r.json().path("error").path("type").asText()).isEqualTo("not_found_error");
        assertThat(r.json().path("error").path("message").asText()).hasSizeLessThan(140);
        assertThat(r.header("x-should-retry")).isEqualTo("false");
        assertThat(r.header("retry-after")).isNull();
    }

    @Test
    @Tag("error-path")
    void messages_shouldRefuse401_whenNoKeyIsSent() {
        RecordingResponder r = send("POST", "/v1/messages", Map.of(), REQUEST);

        assertThat(r.status).isEqualTo(401);
        assertThat(upstream.calls).isEmpty();
    }

    @Test
    void messages_shouldTranslateCallAndAnswer_whenTheRequestIsNotStreamed() {
        // given
        upstream.reply(200, Map.of(), COMPLETION);
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        // when
        RecordingResponder r = send(
                "POST",
                "/v1/messages",
                withKey("authorization", "Bearer ignored", "traceparent", traceparent),
                REQUEST);

        // then: the client gets an Anthropic message
        assertThat(r.status).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/json");
        assertThat(r.header("x-portbroker-provider")).isEqualTo("openai");
        JsonNode body = r.json();
        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("content").path(0).path("text").asText()).isEqualTo("Hello");
        assertThat(body.path("usage").path("output_tokens").asInt()).isEqualTo(3);
        // and the provider got an OpenAI call with its credential and the trace context
        UpstreamCall call = upstream.calls.getFirst();
        assertThat(call.url()).isEqualTo(URI.create("https://openai.invalid/v1/chat/completions"));
        assertThat(call.headers())
                .containsEntry("authorization", "Bearer sk-test-OPENAI_API_KEY")
                .containsEntry("x-request-id", r.header("request-id"));
        // each attempt is its own span of the caller's trace: same trace id, new parent id
        assertThat(call.headers().get("traceparent")).startsWith(traceparent.substring(0, 36));
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).contains("\"model\":\"gpt-4o\"");
    }

    @Test
    @Tag("error-path")
    void messages_shouldStartAFreshTrace_whenTheTraceparentIsMalformed() {
        upstream.reply(200, Map.of(), COMPLETION);

        send("POST", "/v1/messages", withKey("traceparent", "00-nothex-01"), REQUEST);

        assertThat(upstream.calls.getFirst().headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void messages_shouldAdmitWithTheEstimateAndAccountTheRealUsage_whenMetered() {
        // given
        upstream.reply(200, Map.of(), COMPLETION);
        long inputEstimate = new io.portbroker.protocol.anthropic.AnthropicTokenCounter()
                .count(client.decodeRequest(REQUEST.getBytes(StandardCharsets.UTF_8), new Notes()));

        // when
        send(
                "POST",
                "/v1/messages",
                withKey("user-agent", "claude-cli/2.1", "x-forwarded-for", "198.51.100.66, 10.0.0.1"),
                REQUEST);

        // then: the shell's source address (the TCP peer / API Gateway's sourceIp), never X-Forwarded-For
        assertThat(metering.admitted).singleElement().satisfies(a -> {
            assertThat(a.principal().name()).isEqualTo("ci");
            assertThat(a.caller()).isEqualTo(new Metering.Caller("claude-cli/2.1", "203.0.113.9"));
            assertThat(a.estimatedTokens()).isEqualTo(inputEstimate + 100);
        });
        assertThat(metering.finished).containsExactly(new Usage(12, 3, 0, 0));
    }

    @Test
    void messages_shouldStreamAnthropicEvents_whenTheRequestAsksForAStream() {
        // given
        upstream.reply(200, Map.of("content-type", "text/event-stream"), STREAM);

        // when
        RecordingResponder r =
                send("POST", "/v1/messages", withKey(), request().stream(true).json());

        // then
        assertThat(r.streamStarted).isTrue();
        assertThat(r.streamEnded).isTrue();
        assertThat(r.status).isEqualTo(200);
        assertThat(r.headers)
                .containsEntry("content-type", "text/event-stream; charset=utf-8")
                .containsEntry("cache-control", "no-cache")
                .containsEntry("x-accel-buffering", "no")
                .containsEntry("x-portbroker-provider", "openai");
        assertThat(r.text())
                .startsWith("event: message_start")
                .contains("\"text\":\"Hel\"", "\"text\":\"lo\"")
                .contains("event: message_stop");
        assertThat(r.cancelActions).hasSize(1);
        assertThat(metering.finished)
                .singleElement()
                .extracting(Usage::outputTokens)
                .isEqualTo(5L);
    }

    @Test
    @Tag("error-path")
    void messages_shouldEndTheStreamQuietly_whenAFailureComesAfterTheResponseWasCommitted() {
        // given: the shell's sink breaks after the first event has gone out
        upstream.reply(200, Map.of(), STREAM);
        RecordingResponder breaking = new RecordingResponder().breakStreamAfter(1);

        // when
        send(
                api(1 << 20),
                "POST",
                "/v1/messages",
                withKey(),
                request().stream(true).json(),
                breaking);

        // then: no second status line is attempted into a committed response, the stream is closed
        assertThat(breaking.responses).isEqualTo(1);
        assertThat(breaking.streamEnded).isTrue();
        assertThat(breaking.text()).startsWith("event: message_start").doesNotContain("message_stop");
    }

    @Test
    void messages_shouldReportDroppedFeaturesInAHeader_whenTheTargetCannotTakeThem() {
        upstream.reply(200, Map.of(), COMPLETION);
        String withThinking = request()
                .set("thinking", Requests.node("{\"type\":\"enabled\",\"budget_tokens\":1024}"))
                .maxTokens(2000)
                .json();

        RecordingResponder r = send("POST", "/v1/messages", withKey(), withThinking);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.header("x-portbroker-notes")).contains("dropped thinking");
    }

    @Test
    @Tag("error-path")
    void messages_shouldRefuse413_whenTheBodyExceedsTheLimit() {
        RecordingResponder r = send(api(50), "POST", "/v1/messages", withKey(), REQUEST, new RecordingResponder());

        assertThat(r.status).isEqualTo(413);
        assertThat(r.json().path("error").path("type").asText()).isEqualTo("request_too_large");
        assertThat(upstream.calls).isEmpty();
    }

    @Test
    @Tag("error-path")
    void messages_shouldAnswer429WithRetryAfter_whenMeteringRefusesTheCall() {
        // given
        metering.refuse = new RateLimitError("rate limit of this API key reached for the current minute", 17);

        // when
        RecordingResponder r = send("POST", "/v1/messages", withKey(), REQUEST);

        // then
        assertThat(r.status).isEqualTo(429);
        assertThat(r.header("retry-after")).isEqualTo("17");
        assertThat(r.header("x-should-retry")).isEqualTo("true");
        assertThat(upstream.calls).isEmpty();
        assertThat(metering.finished).isEmpty();
    }

    @Test
    @Tag("error-path")
    void messages_shouldRenderTheProviderErrorAndFinishMeteringWithZero_whenTheProviderRefuses() {
        // given
        upstream.reply(
                400,
                Map.of(),
                "{\"error\":{\"message\":\"bad request\",\"type\":\"invalid_request_error\",\"code\":null}}");

        // when
        RecordingResponder r = send("POST", "/v1/messages", withKey(), REQUEST);

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(metering.finished).containsExactly(Usage.ZERO);
    }

    @Test
    @Tag("error-path")
    void handle_shouldAnswer500WithoutDetails_whenSomethingFailsUnexpectedly() {
        // given
        upstream.fail(new IllegalStateException("pool exhausted at sk-live-secret-value"));

        // when
        RecordingResponder r = send("POST", "/v1/messages", withKey(), REQUEST);

        // then
        assertThat(r.status).isEqualTo(500);
        assertThat(r.text()).doesNotContain("sk-live-secret-value").doesNotContain("pool");
        assertThat(r.json().path("error").path("message").asText()).isEqualTo("internal error");
    }

    @Test
    void handle_shouldSendNothing_whenTheClientHasAlreadyGone() {
        upstream.fail(new CancelledError("the client disconnected"));

        RecordingResponder r = send("POST", "/v1/messages", withKey(), REQUEST);

        assertThat(r.responses).isZero();
    }

    @Test
    void countTokens_shouldAnswerTheEstimateWithoutCallingTheProvider_whenTheKeyMayRead() {
        // given
        String body = request().without("max_tokens").json();
        long expected = new io.portbroker.protocol.anthropic.AnthropicTokenCounter()
                .count(client.decodeCountTokensRequest(body.getBytes(StandardCharsets.UTF_8), new Notes()));

        // when
        RecordingResponder r = send("POST", "/v1/messages/count_tokens", withKey(), body);

        // then
        assertThat(r.status).isEqualTo(200);
        assertThat(r.json().path("input_tokens").asLong()).isEqualTo(expected).isPositive();
        assertThat(upstream.calls).isEmpty();
        assertThat(send(api(10), "POST", "/v1/messages/count_tokens", withKey(), body, new RecordingResponder()).status)
                .isEqualTo(413);
    }

    @Test
    void models_shouldListTheListedExactRoutesInOrder_whenAsked() {
        // given
        config.putRoute(route("claude-a", true));
        config.putRoute(route("claude-*", true));
        config.putRoute(route("hidden", false));

        // when
        JsonNode list = send("GET", "/v1/models", withKey(), null).json();

        // then
        assertThat(list.path("data").findValuesAsText("id")).containsExactly("claude-a", MODEL);
        assertThat(list.path("data").path(0).path("type").asText()).isEqualTo("model");
        assertThat(list.path("first_id").asText()).isEqualTo("claude-a");
        assertThat(list.path("last_id").asText()).isEqualTo(MODEL);
        assertThat(list.path("has_more").asBoolean()).isFalse();
    }

    @Test
    void models_shouldAnswerAnEmptyListWithNullIds_whenNothingIsListed() {
        config.putRoute(route(MODEL, false));

        JsonNode list = send("GET", "/v1/models", withKey(), null).json();

        assertThat(list.path("data").isEmpty()).isTrue();
        assertThat(list.path("first_id").isNull()).isTrue();
        assertThat(list.path("last_id").isNull()).isTrue();
    }

    @Test
    void models_shouldEscapeNamesAsJson_whenARouteNameHoldsSpecialCharacters() {
        String odd = "we\"ird\\model\u0001";
        config.putRoute(route(odd, true));

        JsonNode list = send("GET", "/v1/models", withKey(), null).json();

        assertThat(list.path("data").findValuesAsText("id")).contains(odd);
    }

    @Test
    void model_shouldDescribeAModelServedByAGlob_evenWhenItsIdHoldsASlash() {
        // given
        config.putRoute(route("org/*", false));

        // when
        RecordingResponder served = send("GET", "/v1/models/org/model-x", withKey(), null);
        RecordingResponder listed = send("GET", "/v1/models/" + MODEL, withKey(), null);
        RecordingResponder unknown = send("GET", "/v1/models/gpt-nothing", withKey(), null);

        // then
        assertThat(served.status).isEqualTo(200);
        assertThat(served.json().path("id").asText()).isEqualTo("org/model-x");
        assertThat(listed.json().path("display_name").asText()).isEqualTo(MODEL);
        assertThat(unknown.status).isEqualTo(404);
    }

    /** Records what the API asked of metering; can refuse admission. */
    private static final class RecordingMetering implements Metering {
        record Admitted(Principal principal, Caller caller, long estimatedTokens) {}

        final List<Admitted> admitted = new ArrayList<>();
        final List<Usage> finished = new ArrayList<>();
        RuntimeException refuse;

        @Override
        public synchronized Ticket admit(Principal principal, Caller caller, long estimatedTokens) {
            if (refuse != null) {
                throw refuse;
            }
            admitted.add(new Admitted(principal, caller, estimatedTokens));
            return new Ticket(principal.keyId(), null);
        }

        @Override
        public synchronized void finish(Ticket ticket, Usage usage) {
            finished.add(usage);
        }
    }
}
