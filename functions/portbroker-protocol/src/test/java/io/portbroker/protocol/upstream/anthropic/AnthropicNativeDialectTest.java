package io.portbroker.protocol.upstream.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.ErrorCategory;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.ProviderAuthError;
import io.portbroker.error.UpstreamValidationError;
import io.portbroker.protocol.anthropic.AnthropicErrorTypes;
import io.portbroker.protocol.anthropic.AnthropicStopReasons;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.testing.IrRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnthropicNativeDialectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UpstreamTarget TARGET =
            new UpstreamTarget("claude-up", OpenAiChatCapabilities.defaultProfile());
    private final AnthropicNativeDialect dialect =
            new AnthropicNativeDialect(TranslationFixtures.SIGNATURES, Clock.systemUTC(), () -> "msg_generated");

    private static NormalizedRequest request(
            List<Message> messages, List<Tool> tools, ToolChoice choice, ThinkingConfig thinking, boolean stream) {
        return IrRequests.request("claude-client")
                .messages(messages)
                .tools(tools)
                .toolChoice(choice)
                .maxTokens(100)
                .sampling(new Sampling(0.5, null, 40, List.of(), null))
                .thinking(thinking)
                .stream(stream)
                .build();
    }

    @Test
    void encodeRequest_shouldEncodeEveryBlockKind_whenTheHistoryHasThem() {
        // given
        String ours = TranslationFixtures.SIGNATURES.sign("ours");
        List<Message> messages = List.of(
                new Message(
                        Role.USER,
                        List.of(
                                new ContentBlock.Image(new MediaSource.Base64("image/png", "AAAA")),
                                new ContentBlock.Document(new MediaSource.Url("https://x/y.pdf"), "Y"),
                                new ContentBlock.Document(new MediaSource.PlainText("plain"), null))),
                new Message(
                        Role.ASSISTANT,
                        List.of(
                                new ContentBlock.Thinking("ours", ours),
                                new ContentBlock.Thinking("unsigned", null),
                                new ContentBlock.Thinking("theirs", "EqAnthropic"),
                                new ContentBlock.RedactedThinking("opaque"),
                                new ContentBlock.ToolUse("toolu_1", "Read", null))),
                new Message(
                        Role.USER,
                        List.of(new ContentBlock.ToolResult("toolu_1", List.of(new ContentBlock.Text("boom")), true))));
        List<Tool> tools = List.of(new Tool.Server("web_search_20250305", "web_search"));
        Notes notes = new Notes();

        // when
        JsonNode body = json(dialect.encodeRequest(
                request(messages, tools, new ToolChoice.None(true), new ThinkingConfig.Enabled(2048), false),
                TARGET,
                notes));

        // then
        JsonNode user = body.path("messages").get(0).path("content");
        assertThat(user.get(0).path("source").path("type").asText()).isEqualTo("base64");
        assertThat(user.get(1).path("source").path("url").asText()).isEqualTo("https://x/y.pdf");
        assertThat(user.get(1).path("title").asText()).isEqualTo("Y");
        assertThat(user.get(2).path("source").path("data").asText()).isEqualTo("plain");
        JsonNode assistant = body.path("messages").get(1).path("content");
        assertThat(assistant).hasSize(3);
        assertThat(assistant.get(0).path("signature").asText()).isEqualTo("EqAnthropic");
        assertThat(assistant.get(1).path("type").asText()).isEqualTo("redacted_thinking");
        assertThat(assistant.get(2).path("input").isObject()).isTrue();
        assertThat(body.path("messages")
                        .get(2)
                        .path("content")
                        .get(0)
                        .path("is_error")
                        .asBoolean())
                .isTrue();
        assertThat(body.path("tools").get(0).path("type").asText()).isEqualTo("web_search_20250305");
        assertThat(body.path("tool_choice").toString()).isEqualTo("{\"type\":\"none\"}");
        assertThat(body.path("thinking").path("budget_tokens").asInt()).isEqualTo(2048);
        assertThat(body.path("top_k").asInt()).isEqualTo(40);
        assertThat(body.has("stream")).isFalse();
        assertThat(notes.items())
                .containsExactly(
                        "dropped thinking not signed by the provider", "dropped thinking not signed by the provider");
    }

    @Test
    void encodeRequest_shouldSkipTurnsLeftEmpty_whenOnlyForeignThinkingWasInThem() {
        List<Message> messages = List.of(
                new Message(Role.USER, List.of(new ContentBlock.Text("hi"))),
                new Message(Role.ASSISTANT, List.of(new ContentBlock.Thinking("x", "pbsig1.zzz"))));

        JsonNode body = json(dialect.encodeRequest(
                request(messages, List.of(), new ToolChoice.Any(false), new ThinkingConfig.Adaptive(null), true),
                TARGET,
                new Notes()));

        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("tool_choice").toString()).isEqualTo("{\"type\":\"any\"}");
        assertThat(body.path("thinking").path("type").asText()).isEqualTo("adaptive");
        assertThat(body.has("output_config")).isFalse();
    }

    @Test
    void decodeResponse_shouldKeepBlocksAndSignatures_whenTheAnswerIsComplete() {
        String answer =
                "{\"id\":\"msg_up\",\"content\":[{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"S\"},"
                        + "{\"type\":\"redacted_thinking\",\"data\":\"R\"},{\"type\":\"text\",\"text\":\"hi\"},"
                        + "{\"type\":\"server_tool_use\",\"id\":\"s\"},{\"type\":\"tool_use\",\"id\":\"toolu_9\",\"name\":\"Read\","
                        + "\"input\":{\"a\":1}}],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":3,\"output_tokens\":4,"
                        + "\"cache_read_input_tokens\":5,\"cache_creation_input_tokens\":6}}";

        NormalizedResponse r = dialect.decodeResponse(
                answer.getBytes(StandardCharsets.UTF_8), request(List.of(), List.of(), null, null, false));

        assertThat(r.id()).isEqualTo("msg_up");
        assertThat(r.model()).isEqualTo("claude-client");
        assertThat(r.content()).hasSize(4);
        assertThat(r.content().get(0)).isEqualTo(new ContentBlock.Thinking("t", "S"));
        assertThat(r.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(r.usage()).isEqualTo(new Usage(3, 4, 5, 6));
    }

    @Test
    void decodeResponse_shouldUseAGeneratedId_whenTheProviderIdIsUnusable() {
        NormalizedResponse r = dialect.decodeResponse(
                "{\"id\":\"x\",\"content\":[]}".getBytes(StandardCharsets.UTF_8),
                request(List.of(), List.of(), null, null, false));

        assertThat(r.id()).isEqualTo("msg_generated");
        assertThat(r.stopReason()).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void decodeResponse_shouldFail_whenTheBodyIsNotAnAnswer() {
        NormalizedRequest req = request(List.of(), List.of(), null, null, false);
        assertThatThrownBy(() -> dialect.decodeResponse("nope".getBytes(StandardCharsets.UTF_8), req))
                .isInstanceOf(InternalMappingError.class);
        assertThatThrownBy(() -> dialect.decodeResponse("{}".getBytes(StandardCharsets.UTF_8), req))
                .isInstanceOf(InternalMappingError.class);
    }

    @Test
    void mapError_shouldMapAnthropicStatuses_whenTheProviderRefuses() {
        byte[] body =
                "{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"prompt is too long\"}}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(dialect.mapError(400, body, null))
                .isInstanceOf(UpstreamValidationError.class)
                .hasMessage("prompt is too long");
        assertThat(dialect.mapError(529, null, "3")).isInstanceOf(OverloadedError.class);
        assertThat(dialect.mapError(401, null, null)).isInstanceOf(ProviderAuthError.class);
        assertThat(dialect.name()).isEqualTo("anthropic-messages");
    }

    @Test
    void buildRequest_shouldIgnoreABlankBeta_whenTheCallerSentOne() {
        var built = dialect.buildRequest(
                request(List.of(), List.of(), null, null, false),
                TARGET,
                "k",
                Map.of("anthropic-beta", " "),
                new Notes());

        assertThat(built.headers()).doesNotContainKey("anthropic-beta").containsEntry("accept", "application/json");
        assertThat(built.toString()).doesNotContain("k\"").contains("/messages");
    }

    @ParameterizedTest
    @CsvSource({
        "overloaded_error, OVERLOADED",
        "rate_limit_error, RATE_LIMITED",
        "invalid_request_error, INVALID_REQUEST",
        "request_too_large, REQUEST_TOO_LARGE",
        "billing_error, BILLING",
        "authentication_error, PROVIDER_AUTH",
        "permission_error, PROVIDER_AUTH",
        "api_error, PROVIDER_SERVER"
    })
    void category_shouldReadAnthropicErrorTypes_whenAnUpstreamSendsThem(String type, ErrorCategory category) {
        assertThat(AnthropicErrorTypes.category(type)).isEqualTo(category);
        assertThat(AnthropicErrorTypes.category(null)).isEqualTo(ErrorCategory.PROVIDER_SERVER);
    }

    @ParameterizedTest
    @CsvSource({
        "end_turn, END_TURN",
        "max_tokens, MAX_TOKENS",
        "model_context_window_exceeded, MAX_TOKENS",
        "stop_sequence, STOP_SEQUENCE",
        "tool_use, TOOL_USE",
        "pause_turn, PAUSE_TURN",
        "refusal, REFUSAL",
        "something_new, END_TURN"
    })
    void parse_shouldReadAnthropicStopReasons_whenAnUpstreamSendsThem(String wire, StopReason reason) {
        assertThat(AnthropicStopReasons.parse(wire)).isEqualTo(reason);
        assertThat(AnthropicStopReasons.parse(null)).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void onFailure_shouldEndTheStreamOnce_whenTheConnectionIsLost() {
        List<io.portbroker.protocol.ir.StreamEvent> events = new java.util.ArrayList<>();
        var decoder = dialect.newStreamDecoder(request(List.of(), List.of(), null, null, true), "msg_c", events::add);

        decoder.onFailure(new OverloadedError("busy"));
        decoder.onFailure(new OverloadedError("again"));
        decoder.onData("{\"type\":\"message_stop\"}");
        decoder.onEnd();

        assertThat(events).hasSize(2);
        assertThat(events.get(1))
                .isEqualTo(new io.portbroker.protocol.ir.StreamEvent.Error(ErrorCategory.OVERLOADED, "busy"));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
