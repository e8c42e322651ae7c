package io.portbroker.protocol.upstream.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamRequest;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.profile.CapabilityProfile;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Claude Code request decoded by the Anthropic client dialect and re-encoded for an Anthropic upstream. */
class AnthropicNativeRoundTripTest {
    private final AnthropicNativeDialect dialect =
            new AnthropicNativeDialect(TranslationFixtures.SIGNATURES, Clock.systemUTC(), () -> "msg_x");

    private static CapabilityProfile profile(int maxOutput) {
        return OpenAiChatCapabilities.defaultProfile().withMaxOutputTokens(maxOutput);
    }

    @Test
    void buildRequest_shouldReproduceTheClaudeCodeBodyAndHeaders_whenRoutedToAnAnthropicUpstream() {
        // given
        JsonNode fixture =
                TranslationFixtures.json(TranslationFixtures.resource("fixtures/claude-code-2.1.328-request.json"));
        JsonNode original = fixture.path("body");
        NormalizedRequest decoded = new AnthropicMessagesDialect(false)
                .decodeRequest(original.toString().getBytes(StandardCharsets.UTF_8), new Notes());
        Map<String, String> clientHeaders = Map.of(
                "anthropic-version",
                        fixture.path("headers").path("anthropic-version").asText(),
                "anthropic-beta", fixture.path("headers").path("anthropic-beta").asText(),
                "x-api-key", "pb_live_client_key_never_forwarded");

        // when
        UpstreamRequest built = dialect.buildRequest(
                decoded,
                new UpstreamTarget(original.path("model").asText(), profile(128_000)),
                "sk-ant-provider",
                clientHeaders,
                new Notes());

        // then
        assertThat(TranslationFixtures.json(built.body())).isEqualTo(original);
        assertThat(built.path()).isEqualTo("/messages");
        assertThat(built.stream()).isTrue();
        assertThat(built.headers())
                .containsEntry("x-api-key", "sk-ant-provider")
                .containsEntry("anthropic-version", "2023-06-01")
                .containsEntry("anthropic-beta", clientHeaders.get("anthropic-beta"))
                .containsEntry("accept", "text/event-stream")
                .doesNotContainKey("authorization");
        assertThat(built.headers().values()).doesNotContain("pb_live_client_key_never_forwarded");
    }

    @Test
    void buildRequest_shouldUseUpstreamModelClampAndDefaultVersion_whenTheCallerSentNoAnthropicHeaders() {
        // given
        ObjectNode body = (ObjectNode)
                TranslationFixtures.json(TranslationFixtures.resource("fixtures/claude-code-2.1.328-request.json"))
                        .path("body");
        NormalizedRequest decoded = new AnthropicMessagesDialect(false)
                .decodeRequest(body.toString().getBytes(StandardCharsets.UTF_8), new Notes());
        Notes notes = new Notes();

        // when
        UpstreamRequest built =
                dialect.buildRequest(decoded, new UpstreamTarget("claude-up", profile(64_000)), null, Map.of(), notes);

        // then
        JsonNode sent = TranslationFixtures.json(built.body());
        assertThat(sent.path("model").asText()).isEqualTo("claude-up");
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(64_000);
        assertThat(notes.items()).contains("max_tokens clamped to 64000");
        assertThat(built.headers())
                .containsEntry("anthropic-version", "2023-06-01")
                .doesNotContainKeys("anthropic-beta", "x-api-key");
    }
}
