package io.portbroker.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.testing.ScriptedUpstream;
import io.portbroker.protocol.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-dialect routes of the data plane through the real pipeline (the same steps as the Anthropic routes,
 * with the OpenAI client dialect), an Anthropic-native provider scripted behind them.
 */
class OpenAiRoutesTest {
    private static final String REQUEST = request().json();
    private static final String ANSWER = "{\"id\":\"msg_up\",\"content\":[{\"type\":\"text\",\"text\":\"Hello\"}],"
            + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":4,\"output_tokens\":2}}";

    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final String key = new KeyIssuer(keys, hasher, clock, new SecureRandom())
            .issue("ci", Scopes.CHAT, null)
            .key();

    OpenAiRoutesTest() {
        config.putProvider(Providers.openAi("claude")
                .dialect("anthropic-messages")
                .baseUrl("https://anthropic.invalid/v1")
                .credentialRef("env:ANTHROPIC_API_KEY")
                .build());
        config.putRoute(Routes.route("gpt-4o").to("claude", "claude-up").build());
    }

    /** The reference Chat Completions request (its fields are the Anthropic ones OpenAI shares). */
    private static Requests request() {
        return Requests.messages("gpt-4o").user("Hi").maxTokens(50);
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    private GatewayApi api() {
        return DataPlane.assemble(io.portbroker.core.testing.DataPlanes.deterministic(scheduler, clock)
                        .config(config)
                        .transport(upstream)
                        .credentials(ref -> "sk-ant-" + ref.substring(4))
                        .authenticator(new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofSeconds(5)))
                        .settings(GatewaySettings.ofDefaults()
                                .withMaxBodyBytes(1 << 20)
                                .withValidateStreams(true))
                        .build())
                .api();
    }

    private RecordingResponder send(String method, String path, Map<String, String> headers, String body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        RecordingResponder responder = new RecordingResponder();
        api().handle(
                        new ApiRequest(
                                method, path, "", h, body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                        responder);
        return responder;
    }

    private Map<String, String> bearer() {
        return Map.of("authorization", "Bearer " + key);
    }

    @Test
    void chatCompletions_shouldAnswerInTheOpenAiShape_whenServedByAnAnthropicProvider() {
        upstream.reply(200, Map.of(), ANSWER);

        RecordingResponder r = send("POST", "/v1/chat/completions", bearer(), REQUEST);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.json().path("object").asText()).isEqualTo("chat.completion");
        assertThat(r.json()
                        .path("choices")
                        .get(0)
                        .path("message")
                        .path("content")
                        .asText())
                .isEqualTo("Hello");
        assertThat(r.header("x-portbroker-provider")).isEqualTo("claude");
        var call = upstream.calls.getFirst();
        assertThat(call.url()).hasToString("https://anthropic.invalid/v1/messages");
        assertThat(call.headers())
                .containsEntry("x-api-key", "sk-ant-ANTHROPIC_API_KEY")
                .doesNotContainKey("authorization");
    }

    @Test
    void chatCompletions_shouldStreamChunks_whenTheClientAsksForAStreamUnderTheOpenAiPrefix() {
        upstream.reply(
                200,
                Map.of(),
                "data: {\"type\":\"message_start\",\"message\":{\"usage\":{\"input_tokens\":3}}}\n\n"
                        + "data: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\"}}\n\n"
                        + "data: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hi\"}}\n\n"
                        + "data: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
                        + "data: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":1}}\n\n"
                        + "data: {\"type\":\"message_stop\"}\n\n");

        RecordingResponder r = send(
                "POST",
                "/openai/v1/chat/completions",
                bearer(),
                request().stream(true)
                        .set("stream_options", Requests.node("{\"include_usage\":true}"))
                        .json());

        assertThat(r.status).isEqualTo(200);
        assertThat(r.text())
                .contains("\"delta\":{\"content\":\"Hi\"}")
                .contains("\"finish_reason\":\"stop\"")
                .contains("\"prompt_tokens\":3")
                .endsWith("data: [DONE]\n\n");
    }

    @Test
    void chatCompletions_shouldRefuseInTheOpenAiEnvelope_whenTheKeyIsMissingOrNIsTwo() {
        RecordingResponder noKey = send("POST", "/v1/chat/completions", Map.of(), REQUEST);
        RecordingResponder n2 = send(
                "POST", "/v1/chat/completions", bearer(), request().set("n", 2).json());

        assertThat(noKey.status).isEqualTo(401);
        assertThat(noKey.json().path("error").path("type").asText()).isEqualTo("authentication_error");
        assertThat(n2.status).isEqualTo(400);
        assertThat(n2.json().path("error").path("message").asText()).isEqualTo("n: only 1 is supported");
        assertThat(upstream.calls).isEmpty();
    }

    @Test
    void handle_shouldAnswer404InTheOpenAiEnvelope_whenAnOpenAiPathIsUnknown() {
        RecordingResponder r = send("GET", "/openai/v1/files", bearer(), null);

        assertThat(r.status).isEqualTo(404);
        assertThat(r.json().path("error").path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(r.json().has("type")).isFalse();
    }

    @Test
    void models_shouldUseTheShapeOfTheAskingClient_whenOnePathServesBoth() {
        RecordingResponder openAi = send("GET", "/v1/models", bearer(), null);
        RecordingResponder anthropic =
                send("GET", "/v1/models", Map.of("x-api-key", key, "anthropic-version", "2023-06-01"), null);
        RecordingResponder prefixed = send("GET", "/openai/v1/models", Map.of("x-api-key", key), null);
        RecordingResponder one = send("GET", "/openai/v1/models/gpt-4o", bearer(), null);
        RecordingResponder oneByBearer = send("GET", "/v1/models/gpt-4o", bearer(), null);

        assertThat(openAi.json().path("object").asText()).isEqualTo("list");
        assertThat(openAi.json().path("data").get(0).path("owned_by").asText()).isEqualTo("portbroker");
        assertThat(anthropic.json().path("data").get(0).path("type").asText()).isEqualTo("model");
        assertThat(prefixed.json().path("object").asText()).isEqualTo("list");
        assertThat(one.json().path("id").asText()).isEqualTo("gpt-4o");
        assertThat(oneByBearer.json().path("object").asText()).isEqualTo("model");
    }
}
