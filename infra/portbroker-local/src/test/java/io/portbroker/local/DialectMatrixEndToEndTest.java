package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.portbroker.testkit.upstream.FakeBedrockUpstream;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The "done when" matrix of issue #11 from the real server: the OpenAI Java SDK and the Anthropic Java SDK, with
 * the same key against the same running stack, each served by an OpenAI-compatible, an Anthropic-native and a
 * Bedrock target, and each failing over across all three dialects on one route (openai 500 → Bedrock throttled →
 * Anthropic). The OpenAI SDK's {@code seed} reaches the OpenAI-compatible upstream and is dropped for the others.
 */
class DialectMatrixEndToEndTest {
    static DialectFixture gw;
    static AnthropicClient anthropicSdk;
    static OpenAIClient openAiSdk;

    @BeforeAll
    static void start() {
        gw = DialectFixture.startChains();
        anthropicSdk = gw.anthropicSdk();
        openAiSdk = gw.openAiSdk();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.scriptChains();
    }

    private static Message askAnthropicSdk(String model) {
        return anthropicSdk
                .messages()
                .create(MessageCreateParams.builder()
                        .model(model)
                        .maxTokens(100)
                        .addUserMessage("ping")
                        .build());
    }

    private static ChatCompletion askOpenAiSdk(String model, Long seed) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model(model)
                .maxCompletionTokens(100)
                .addUserMessage("ping");
        if (seed != null) {
            b.seed(seed);
        }
        return openAiSdk.chat().completions().create(b.build());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"to-openai", "to-anthropic", "to-bedrock"})
    void anthropicSdk_shouldBeServedByEveryDialect_whenTheRouteTargetsIt(String route) {
        // when
        Message answer = askAnthropicSdk(route);

        // then
        assertThat(answer.content().getFirst().asText().text()).isEqualTo("pong");
        assertThat(answer.model().asString()).isEqualTo(route);
        assertThat(gw.anthropic().violations()).isEmpty();
        assertThat(gw.bedrock().violations()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"to-openai", "to-anthropic", "to-bedrock"})
    void openAiSdk_shouldBeServedByEveryDialect_whenTheRouteTargetsIt(String route) {
        // when
        ChatCompletion answer = askOpenAiSdk(route, null);

        // then
        assertThat(answer.choices().getFirst().message().content()).contains("pong");
        assertThat(answer.model()).isEqualTo(route);
        assertThat(gw.anthropic().violations()).isEmpty();
        assertThat(gw.bedrock().violations()).isEmpty();
    }

    @Test
    void anthropicSdk_shouldFailOverAcrossAllThreeDialects_whenTheFirstTwoFail() {
        // given
        int openAiBefore = gw.openAi().requests().size();
        int bedrockBefore = gw.bedrock().requests().size();

        // when
        Message answer = askAnthropicSdk("chain-anthropic-sdk");

        // then: OpenAI-compatible (500), then Bedrock (throttled), then served by Anthropic
        assertThat(answer.content().getFirst().asText().text()).isEqualTo("pong");
        assertThat(gw.openAi()
                        .requests()
                        .subList(openAiBefore, gw.openAi().requests().size()))
                .extracting(r -> r.body().path("model").asText())
                .contains("ds-a");
        assertThat(gw.bedrock()
                        .requests()
                        .subList(bedrockBefore, gw.bedrock().requests().size()))
                .extracting(FakeBedrockUpstream.Received::modelId)
                .contains("br-a");
        assertThat(gw.anthropic().requests().getLast().json().path("model").asText())
                .isEqualTo("claude-a");
    }

    @Test
    void openAiSdk_shouldFailOverAcrossAllThreeDialects_whenTheFirstTwoFail() {
        // when
        ChatCompletion answer = askOpenAiSdk("chain-openai-sdk", 42L);

        // then
        assertThat(answer.choices().getFirst().message().content()).contains("pong");
        assertThat(gw.openAi().requests())
                .anySatisfy(r -> assertThat(r.body().path("model").asText()).isEqualTo("ds-o"));
        assertThat(gw.bedrock().requests())
                .anySatisfy(r -> assertThat(r.modelId()).isEqualTo("br-o"));
        assertThat(gw.anthropic().requests().getLast().json().path("model").asText())
                .isEqualTo("claude-o");
        // the seed went to the OpenAI-compatible attempt only: Anthropic (and Bedrock) cannot take it
        assertThat(gw.openAi().requests().stream()
                        .filter(r -> r.body().path("model").asText().equals("ds-o"))
                        .map(r -> r.body().path("seed").asLong()))
                .containsOnly(42L);
        assertThat(gw.anthropic().requests().getLast().json().has("seed")).isFalse();
    }

    @Test
    void anthropicSdk_shouldStreamAcrossTheFailoverChain_whenTheFirstTwoFail() {
        // given
        MessageAccumulator acc = MessageAccumulator.create();

        // when
        try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk
                .messages()
                .createStreaming(MessageCreateParams.builder()
                        .model("chain-stream")
                        .maxTokens(100)
                        .addUserMessage("ping")
                        .build())) {
            stream.stream().forEach(acc::accumulate);
        }

        // then
        assertThat(acc.message().content().getFirst().asText().text()).isEqualTo("pong");
        assertThat(gw.anthropic().requests().getLast().json().path("model").asText())
                .isEqualTo("claude-s");
    }

    @Test
    void openAiSdk_shouldForwardTheSeed_whenTheUpstreamIsOpenAiCompatible() {
        // given: an upstream that answers only when it received the client's seed
        gw.openAi()
                .script(req -> req.path("seed").asLong() == 1234L
                        ? Replies.completion("seeded", List.of(), "stop")
                        : Replies.error(400, "invalid_request_error", "seed missing"));

        // when
        ChatCompletion answer = askOpenAiSdk("to-openai", 1234L);

        // then
        assertThat(answer.choices().getFirst().message().content()).contains("seeded");
        FakeOpenAiUpstream.Recorded sent = gw.openAi().requests().getLast();
        assertThat(sent.body().path("seed").isIntegralNumber()).isTrue();
        assertThat(sent.body().path("seed").asLong()).isEqualTo(1234L);
    }

    @Test
    void openAiSdk_shouldStreamFromBedrock_withTheSameKey() {
        // given
        StringBuilder text = new StringBuilder();

        // when
        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openAiSdk
                .chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model("to-bedrock")
                        .maxCompletionTokens(100)
                        .addUserMessage("ping")
                        .seed(7L)
                        .build())) {
            stream.stream()
                    .flatMap(c -> c.choices().stream())
                    .forEach(c -> c.delta().content().ifPresent(text::append));
        }

        // then: Converse has no seed; the request is still served
        assertThat(text.toString()).isEqualTo("pong");
        assertThat(gw.bedrock().violations()).isEmpty();
        assertThat(gw.bedrock().requests().getLast().body().has("seed")).isFalse();
    }
}
