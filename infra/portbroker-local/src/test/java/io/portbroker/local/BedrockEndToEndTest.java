package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.portbroker.testkit.upstream.BedrockReplies;
import io.portbroker.testkit.upstream.FakeBedrockUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Anthropic and OpenAI Java SDKs against the real local server, served by Bedrock Converse routes: the gateway
 * calls the fake Converse endpoint through the AWS SDK (SigV4-signed, event-stream framed streams), with the same
 * key, retries, cool-downs and failover as HTTP providers.
 */
class BedrockEndToEndTest {
    static DialectFixture gw;
    static AnthropicClient anthropic;
    static OpenAIClient openAi;

    @BeforeAll
    static void start() {
        gw = DialectFixture.start();
        anthropic = gw.anthropicSdk();
        openAi = gw.openAiSdk();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.bedrock().script(req -> BedrockReplies.text(req, "hello"));
        gw.openAi().script(req -> Replies.streamText(Duration.ZERO, "hello"));
    }

    private static MessageCreateParams.Builder params(String model) {
        return MessageCreateParams.builder().model(model).maxTokens(1024);
    }

    private static FakeBedrockUpstream.Received lastBedrock() {
        return gw.bedrock().requests().getLast();
    }

    @Test
    void create_shouldAnswerFromBedrock_whenTheRouteTargetsConverse() {
        gw.bedrock().script(req -> BedrockReplies.text(req, "Hi from ", "Bedrock"));

        Message message = anthropic
                .messages()
                .create(params("claude-bedrock")
                        .system("Be brief.")
                        .addUserMessage("Hello")
                        .build());

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hi from Bedrock");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.model().asString()).isEqualTo("claude-bedrock");
        assertThat(message.usage().inputTokens()).isEqualTo(11);
        assertThat(message.usage().outputTokens()).isEqualTo(3);
        assertThat(gw.bedrock().violations()).isEmpty();
        FakeBedrockUpstream.Received sent = lastBedrock();
        assertThat(sent.streaming()).isFalse();
        assertThat(sent.modelId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(sent.header("authorization")).contains("/us-west-2/bedrock/aws4_request");
        assertThat(sent.body().path("system").get(0).path("text").asText()).isEqualTo("Be brief.");
        assertThat(sent.body()
                        .path("messages")
                        .get(0)
                        .path("content")
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("Hello");
        assertThat(sent.body().path("inferenceConfig").path("maxTokens").asInt())
                .isEqualTo(1024);
    }

    @Test
    void createStreaming_shouldStreamConverseEvents_whenTheClientStreams() {
        gw.bedrock().script(req -> BedrockReplies.text(req, "Hel", "lo", " world"));

        Message message;
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic
                .messages()
                .createStreaming(params("claude-bedrock").addUserMessage("Hi").build())) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            message = acc.message();
        }

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hello world");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(3);
        assertThat(lastBedrock().streaming()).isTrue();
        assertThat(gw.bedrock().violations()).isEmpty();
    }

    @Test
    void toolUse_shouldRoundTripThroughBedrock_whenTheModelCallsATool() {
        gw.bedrock().script(req -> BedrockReplies.toolUse(req, "tooluse_1", "get_weather", "{\"city\":", "\"Paris\"}"));
        Tool weather = Tool.builder()
                .name("get_weather")
                .description("Weather for a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .required(List.of("city"))
                        .build())
                .build();

        Message turn1;
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic
                .messages()
                .createStreaming(params("claude-bedrock")
                        .addTool(weather)
                        .addUserMessage("Weather in Paris?")
                        .build())) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            turn1 = acc.message();
        }
        ToolUseBlock call = turn1.content().stream()
                .flatMap(b -> b.toolUse().stream())
                .findFirst()
                .orElseThrow();
        gw.bedrock().script(req -> BedrockReplies.text(req, "Sunny in Paris."));
        Message turn2 = anthropic
                .messages()
                .create(params("claude-bedrock")
                        .addTool(weather)
                        .addUserMessage("Weather in Paris?")
                        .addMessage(turn1)
                        .addUserMessageOfContentBlockParams(
                                List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                                        .toolUseId(call.id())
                                        .content("sunny, 21C")
                                        .build())))
                        .build());

        assertThat(turn1.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(call.id()).isEqualTo("tooluse_1");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));
        assertThat(turn2.content().get(0).text().orElseThrow().text()).isEqualTo("Sunny in Paris.");
        assertThat(gw.bedrock().violations()).isEmpty();
        JsonNode sent = lastBedrock().body();
        assertThat(sent.path("toolConfig")
                        .path("tools")
                        .get(0)
                        .path("toolSpec")
                        .path("name")
                        .asText())
                .isEqualTo("get_weather");
        JsonNode messages = sent.path("messages");
        JsonNode use = messages.get(1).path("content").get(0).path("toolUse");
        JsonNode result = messages.get(2).path("content").get(0).path("toolResult");
        assertThat(use.path("toolUseId").asText()).isEqualTo("tooluse_1");
        assertThat(use.path("input").path("city").asText()).isEqualTo("Paris");
        assertThat(result.path("toolUseId").asText()).isEqualTo("tooluse_1");
        assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("sunny, 21C");
    }

    @Test
    void create_shouldCallTheProvidersModelArn_whenTheProviderPinsAModelId() {
        anthropic.messages().create(params("claude-pinned").addUserMessage("Hi").build());

        assertThat(lastBedrock().modelId()).isEqualTo(DialectFixture.PINNED_ARN);
        assertThat(gw.bedrock().violations()).isEmpty();
    }

    @Test
    void create_shouldAnswer429_whenBedrockThrottlesTheOnlyTarget() {
        gw.bedrock().script(req -> BedrockReplies.throttled());

        assertThatThrownBy(() -> anthropic
                        .messages()
                        .create(params("claude-throttled").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(
                        RateLimitException.class,
                        e -> assertThat(e.headers().values("retry-after")).isNotEmpty());
    }

    @Test
    void create_shouldAnswer400WithBedrocksReason_whenBedrockRejectsTheRequest() {
        gw.bedrock()
                .script(req ->
                        BedrockReplies.error(400, "ValidationException", "A conversation must start with a user"));

        assertThatThrownBy(() -> anthropic
                        .messages()
                        .create(params("claude-bedrock").addUserMessage("Hi").build()))
                .isInstanceOfSatisfying(
                        BadRequestException.class,
                        e -> assertThat(e.getMessage()).contains("A conversation must start with a user"));
    }

    @Test
    void create_shouldFailOverToBedrock_whenTheOpenAiCompatibleTargetFails() {
        gw.openAi().script(req -> Replies.serverError());
        gw.bedrock().script(req -> BedrockReplies.text(req, "served by Bedrock"));
        int openAiCalls = gw.openAi().requests().size();

        Message message;
        try (StreamResponse<RawMessageStreamEvent> stream = anthropic
                .messages()
                .createStreaming(params("claude-mixed").addUserMessage("Hi").build())) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            message = acc.message();
        }

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("served by Bedrock");
        assertThat(gw.openAi().requests().size()).isGreaterThan(openAiCalls);
        assertThat(lastBedrock().modelId()).isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1:0");
    }

    @Test
    void create_shouldFailOverToOpenAi_whenBedrockThrottles() {
        gw.bedrock().script(req -> BedrockReplies.throttled());
        gw.openAi().script(req -> Replies.completion("served by OpenAI", List.of(), "stop"));

        Message message = anthropic
                .messages()
                .create(params("claude-bedrock-first").addUserMessage("Hi").build());

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("served by OpenAI");
        assertThat(lastBedrock().modelId()).isEqualTo("busy-model");
    }

    @Test
    void openAiSdk_shouldBeServedByBedrock_whenNotStreaming() {
        gw.bedrock().script(req -> BedrockReplies.text(req, "Bonjour"));

        ChatCompletion completion = openAi.chat()
                .completions()
                .create(ChatCompletionCreateParams.builder()
                        .model("gpt-bedrock")
                        .maxCompletionTokens(200)
                        .addUserMessage("Hello")
                        .build());

        assertThat(completion.choices().get(0).message().content()).contains("Bonjour");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(11);
        assertThat(lastBedrock().modelId()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(lastBedrock()
                        .body()
                        .path("inferenceConfig")
                        .path("maxTokens")
                        .asInt())
                .isEqualTo(200);
    }

    @Test
    void openAiSdk_shouldStreamFromBedrock_whenStreaming() {
        gw.bedrock().script(req -> BedrockReplies.text(req, "Hel", "lo"));
        StringBuilder text = new StringBuilder();

        try (com.openai.core.http.StreamResponse<ChatCompletionChunk> stream = openAi.chat()
                .completions()
                .createStreaming(ChatCompletionCreateParams.builder()
                        .model("gpt-bedrock")
                        .maxCompletionTokens(200)
                        .addUserMessage("Hello")
                        .build())) {
            stream.stream()
                    .flatMap(c -> c.choices().stream())
                    .forEach(c -> c.delta().content().ifPresent(text::append));
        }

        assertThat(text.toString()).isEqualTo("Hello");
        assertThat(lastBedrock().streaming()).isTrue();
    }
}
