package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.models.Model;
import io.portbroker.testkit.upstream.AnthropicReplies;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK against the real local server ({@code POST /v1/chat/completions}, the same key the
 * Anthropic SDK uses), served by an OpenAI-compatible upstream and by an Anthropic-native one.
 */
class OpenAiSdkEndToEndTest {
    static DialectFixture gw;
    static OpenAIClient client;

    @BeforeAll
    static void start() {
        gw = DialectFixture.start();
        client = gw.openAiSdk();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.openAi().script(req -> Replies.streamText(java.time.Duration.ZERO, "hello"));
        gw.anthropic().script(req -> AnthropicReplies.streamText("hello"));
    }

    private static ChatCompletionCreateParams.Builder params(String model) {
        return ChatCompletionCreateParams.builder().model(model).maxCompletionTokens(500);
    }

    private static ChatCompletionFunctionTool readTool() {
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name("Read")
                        .description("Read a file")
                        .parameters(FunctionParameters.builder()
                                .putAdditionalProperty("type", JsonValue.from("object"))
                                .putAdditionalProperty(
                                        "properties",
                                        JsonValue.from(
                                                java.util.Map.of("file_path", java.util.Map.of("type", "string"))))
                                .build())
                        .build())
                .build();
    }

    @Test
    void create_shouldReturnTheUpstreamAnswer_whenNotStreaming() {
        gw.openAi().script(req -> Replies.completion("Hi there", List.of(), "stop"));

        ChatCompletion completion = client.chat()
                .completions()
                .create(params("gpt-4o").addUserMessage("Hello").build());

        assertThat(completion.choices().get(0).message().content()).contains("Hi there");
        assertThat(completion.model()).isEqualTo("gpt-4o");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage().orElseThrow().completionTokens()).isEqualTo(12);
        FakeOpenAiUpstream.Recorded sent = gw.openAi().requests().getLast();
        assertThat(sent.body().path("model").asText()).isEqualTo("gpt-4o-upstream");
        assertThat(sent.header("authorization")).isEqualTo("Bearer " + DialectFixture.CREDENTIAL);
    }

    @Test
    void createStreaming_shouldDeliverChunksAndUsage_whenIncludeUsageIsAsked() {
        gw.openAi().script(req -> Replies.streamText(java.time.Duration.ZERO, "Hel", "lo"));
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(params("gpt-4o")
                        .addUserMessage("Hello")
                        .streamOptions(ChatCompletionStreamOptions.builder()
                                .includeUsage(true)
                                .build())
                        .build())) {
            stream.stream().forEach(acc::accumulate);
        }

        ChatCompletion completion = acc.chatCompletion();
        assertThat(completion.choices().get(0).message().content()).contains("Hello");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(25);
    }

    @Test
    void create_shouldRoundTripAToolCall_whenTheModelCallsATool() {
        gw.openAi()
                .script(req -> req.path("messages").size() == 1
                        ? Replies.completion(
                                null, List.<String[]>of(new String[] {"Read", "{\"file_path\":\"/a\"}"}), "tool_calls")
                        : Replies.completion("The file says hi", List.of(), "stop"));
        ChatCompletionCreateParams.Builder first =
                params("gpt-4o").addUserMessage("Read /a").addTool(readTool()).parallelToolCalls(false);

        ChatCompletion call = client.chat().completions().create(first.build());
        ChatCompletionMessageFunctionToolCall toolCall =
                call.choices().get(0).message().toolCalls().orElseThrow().get(0).asFunction();
        ChatCompletion answer = client.chat()
                .completions()
                .create(first.addMessage(call.choices().get(0).message())
                        .addMessage(ChatCompletionToolMessageParam.builder()
                                .toolCallId(toolCall.id())
                                .content("hi")
                                .build())
                        .build());

        assertThat(call.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(toolCall.function().name()).isEqualTo("Read");
        assertThat(toolCall.function().arguments()).isEqualTo("{\"file_path\":\"/a\"}");
        assertThat(answer.choices().get(0).message().content()).contains("The file says hi");
        JsonNode second = gw.openAi().requests().getLast().body();
        assertThat(second.path("parallel_tool_calls").asBoolean(true)).isFalse();
        assertThat(second.path("messages")
                        .get(1)
                        .path("tool_calls")
                        .get(0)
                        .path("id")
                        .asText())
                .isEqualTo(toolCall.id());
        assertThat(second.path("messages").get(2).path("role").asText()).isEqualTo("tool");
        assertThat(second.path("messages").get(2).path("content").toString()).contains("hi");
    }

    @Test
    void createStreaming_shouldStreamAToolCallFromAnAnthropicUpstream_whenTheRouteGoesThere() {
        gw.anthropic().script(req -> AnthropicReplies.streamToolUse("toolu_01", "Read", "{\"file_path\":", "\"/b\"}"));
        ChatCompletionAccumulator acc = ChatCompletionAccumulator.create();

        try (StreamResponse<ChatCompletionChunk> stream = client.chat()
                .completions()
                .createStreaming(params("claude-native")
                        .addUserMessage("Read /b")
                        .addTool(readTool())
                        .build())) {
            stream.stream().forEach(acc::accumulate);
        }

        ChatCompletion completion = acc.chatCompletion();
        ChatCompletionMessageFunctionToolCall call = completion
                .choices()
                .get(0)
                .message()
                .toolCalls()
                .orElseThrow()
                .get(0)
                .asFunction();
        assertThat(call.id()).isEqualTo("toolu_01");
        assertThat(call.function().arguments()).isEqualTo("{\"file_path\":\"/b\"}");
        assertThat(completion.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        assertThat(gw.anthropic().violations()).isEmpty();
        JsonNode sent = gw.anthropic().requests().getLast().json();
        assertThat(sent.path("model").asText()).isEqualTo("claude-upstream");
        assertThat(sent.path("tools").get(0).path("name").asText()).isEqualTo("Read");
        assertThat(sent.path("stream").asBoolean()).isTrue();
    }

    @Test
    void create_shouldAnswerFromAnAnthropicUpstream_whenNotStreaming() {
        gw.anthropic().script(req -> AnthropicReplies.message("Bonjour"));

        ChatCompletion completion = client.chat()
                .completions()
                .create(params("claude-native").addUserMessage("Hello").build());

        assertThat(completion.choices().get(0).message().content()).contains("Bonjour");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(11);
        assertThat(gw.anthropic().violations()).isEmpty();
    }

    @Test
    void create_shouldRefuseWithAnOpenAiError_whenMoreThanOneChoiceIsAsked() {
        assertThatThrownBy(() -> client.chat()
                        .completions()
                        .create(params("gpt-4o").addUserMessage("x").n(2).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.body().toString()).contains("n: only 1 is supported");
                });
    }

    @Test
    void create_shouldRefuseWithAnOpenAiError_whenTheKeyIsWrong() {
        OpenAIClient wrong = OpenAIOkHttpClient.builder()
                .baseUrl(gw.baseUrl() + "/v1")
                .apiKey("pb_live_notavalidkey")
                .maxRetries(0)
                .build();

        assertThatThrownBy(() -> wrong.chat()
                        .completions()
                        .create(params("gpt-4o").addUserMessage("x").build()))
                .isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void modelsList_shouldUseTheOpenAiShape_whenAskedByTheOpenAiSdk() {
        List<Model> models = client.models().list().data();

        assertThat(models).extracting(Model::id).contains("gpt-4o", "claude-native");
        assertThat(models.get(0).ownedBy()).isEqualTo("portbroker");
    }
}
