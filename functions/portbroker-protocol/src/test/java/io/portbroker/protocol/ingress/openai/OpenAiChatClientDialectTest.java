package io.portbroker.protocol.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.CancelledError;
import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.RateLimitError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.testing.Requests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenAiChatClientDialectTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAiChatClientDialect dialect =
            new OpenAiChatClientDialect(Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC));

    @Test
    void encodeResponse_shouldWriteAChatCompletion_whenTheAnswerHasTextThinkingAndTools() throws Exception {
        // given
        NormalizedResponse response = new NormalizedResponse(
                "msg_1",
                "gpt-4o",
                List.of(
                        new ContentBlock.Thinking("hmm", "sig"),
                        new ContentBlock.Text("Hel"),
                        new ContentBlock.Text("lo"),
                        new ContentBlock.ToolUse("call_1", "Read", JSON.readTree("{\"a\":1}")),
                        new ContentBlock.ToolUse("call_2", "Grep", null)),
                StopReason.TOOL_USE,
                null,
                new Usage(10, 5, 3, 2));

        // when
        JsonNode out = JSON.readTree(dialect.encodeResponse(response));

        // then
        assertThat(out.path("id").asText()).isEqualTo("chatcmpl-msg_1");
        assertThat(out.path("object").asText()).isEqualTo("chat.completion");
        assertThat(out.path("created").asLong()).isEqualTo(1_700_000_000L);
        JsonNode message = out.path("choices").get(0).path("message");
        assertThat(message.path("content").asText()).isEqualTo("Hello");
        assertThat(message.path("reasoning_content").asText()).isEqualTo("hmm");
        assertThat(message.path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{\"a\":1}");
        assertThat(message.path("tool_calls")
                        .get(1)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{}");
        assertThat(out.path("choices").get(0).path("finish_reason").asText()).isEqualTo("tool_calls");
        assertThat(out.path("usage").path("prompt_tokens").asLong()).isEqualTo(15);
        assertThat(out.path("usage").path("total_tokens").asLong()).isEqualTo(20);
        assertThat(out.path("usage")
                        .path("prompt_tokens_details")
                        .path("cached_tokens")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void encodeResponse_shouldSendNullContent_whenTheAnswerHasNoText() throws Exception {
        NormalizedResponse response =
                new NormalizedResponse("msg_2", "m", List.of(), StopReason.MAX_TOKENS, null, Usage.ZERO);

        JsonNode out = JSON.readTree(dialect.encodeResponse(response));

        assertThat(out.path("choices").get(0).path("message").path("content").isNull())
                .isTrue();
        assertThat(out.path("choices").get(0).path("message").has("tool_calls")).isFalse();
        assertThat(out.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void encodeError_shouldUseTheOpenAiEnvelope_whenAnyFailureIsRendered() throws Exception {
        JsonNode out = JSON.readTree(dialect.encodeError(new RateLimitError("slow down", 3), "req_1"));

        assertThat(out.path("error").path("message").asText()).isEqualTo("slow down");
        assertThat(out.path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(out.path("error").path("code").asText()).isEqualTo("rate_limited");
        assertThat(out.path("error").path("param").isNull()).isTrue();
        assertThat(out.has("type")).isFalse();
    }

    @Test
    void errorStatus_shouldKeepNeutralStatuses_whenRenderingForOpenAiClients() {
        assertThat(dialect.errorStatus(new OverloadedError("busy"))).isEqualTo(503);
        assertThat(dialect.errorStatus(new CancelledError("gone"))).isEqualTo(400);
        assertThat(dialect.errorStatus(new RateLimitError("x", 1))).isEqualTo(429);
    }

    @ParameterizedTest
    @EnumSource(ErrorCategory.class)
    void errorType_shouldNameEveryCategory_whenMapped(ErrorCategory category) {
        assertThat(OpenAiChatWire.errorType(category)).matches("[a-z_]+");
    }

    @ParameterizedTest
    @EnumSource(StopReason.class)
    void finishReason_shouldNameEveryStopReason_whenMapped(StopReason reason) {
        assertThat(OpenAiChatWire.finishReason(reason)).isIn("stop", "length", "tool_calls", "content_filter");
    }

    @Test
    void newStreamEncoder_shouldOmitTheUsageChunkAndPingAsComment_whenUsageWasNotAsked() {
        // given
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var encoder = dialect.newStreamEncoder(out::writeBytes);

        // when
        encoder.accept(new StreamEvent.MessageStart("msg_3", "gpt-4o", Usage.ZERO));
        encoder.accept(new StreamEvent.Ping());
        encoder.accept(new StreamEvent.BlockStart(0, StreamEvent.BlockKind.THINKING, null, null));
        encoder.accept(new StreamEvent.ThinkingDelta(0, "t"));
        encoder.accept(new StreamEvent.SignatureDelta(0, "s"));
        encoder.accept(new StreamEvent.BlockStop(0));
        encoder.accept(new StreamEvent.Finish(StopReason.END_TURN, null, new Usage(1, 1, 0, 0)));

        // then
        String sse = out.toString(StandardCharsets.UTF_8);
        assertThat(sse)
                .contains(": ping\n\n")
                .contains("\"reasoning_content\":\"t\"")
                .endsWith("data: [DONE]\n\n");
        assertThat(sse).doesNotContain("\"usage\"").doesNotContain("\"s\"");
    }

    @Test
    void decodeCountTokensRequest_shouldDecodeLikeARequest_whenCalled() {
        var decoded = dialect.decodeCountTokensRequest(
                Requests.messages("m").user("x").without("max_tokens").bytes(), new Notes());

        assertThat(decoded.maxTokens()).isEqualTo(OpenAiChatRequestDecoder.DEFAULT_MAX_TOKENS);
        assertThat(dialect.name()).isEqualTo("openai-chat");
    }

    @Test
    void includeUsage_shouldBeFalse_whenTheBodyIsNotJson() {
        assertThat(OpenAiChatRequestDecoder.includeUsage("nope".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }

    @Test
    void encodeError_shouldWriteAnEmptyMessage_whenTheFailureHasNone() throws Exception {
        GatewayException noMessage = new io.portbroker.error.InternalMappingError(null);

        JsonNode out = JSON.readTree(dialect.encodeError(noMessage, null));

        assertThat(out.path("error").path("message").asText()).isEmpty();
        assertThat(out.path("error").path("type").asText()).isEqualTo("server_error");
    }
}
