package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlock;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official Anthropic Java SDK against the real local server and a scripted OpenAI-compatible upstream. */
class AnthropicSdkEndToEndTest {
    static GatewayFixture gw;
    static AnthropicClient client;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of("portbroker.experimental.validate-streams", true));
        client = AnthropicOkHttpClient.builder()
                .baseUrl(gw.baseUrl())
                .apiKey(gw.clientKey)
                .maxRetries(0)
                .build();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static MessageCreateParams.Builder params() {
        return MessageCreateParams.builder().model("claude-sonnet-4-5").maxTokens(128000);
    }

    @Test
    void create_shouldReturnTranslatedMessage_whenNotStreaming() {
        gw.upstream.script(req -> Replies.completion("Hi there", List.of(), "stop"));

        Message message =
                client.messages().create(params().addUserMessage("Hello").build());

        assertThat(message.content()).hasSize(1);
        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hi there");
        assertThat(message.model().asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).isEqualTo(25);
        assertThat(message.usage().outputTokens()).isEqualTo(12);
        FakeOpenAiUpstream.Recorded sent = last();
        assertThat(sent.body().path("model").asText()).isEqualTo("fake-model");
        assertThat(sent.body().path("max_tokens").asInt()).isEqualTo(8192);
        assertThat(sent.header("authorization")).isEqualTo("Bearer sk-fake-upstream-credential");
    }

    @Test
    void createStreaming_shouldAccumulateToTheSameMessage_whenStreaming() {
        gw.upstream.script(req -> Replies.streamText(Duration.ofMillis(5), "Hel", "lo ", "world"));

        Message message;
        try (StreamResponse<RawMessageStreamEvent> stream =
                client.messages().createStreaming(params().addUserMessage("Hi").build())) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            message = acc.message();
        }

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hello world");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.model().asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(message.usage().outputTokens()).isEqualTo(3);
        JsonNode sent = last().body();
        assertThat(sent.path("stream").asBoolean()).isTrue();
        assertThat(sent.path("stream_options").path("include_usage").asBoolean())
                .isTrue();
    }

    @Test
    void createStreaming_shouldDeliverFirstEventBeforeUpstreamFinishes_whenUpstreamIsSlow() {
        CountDownLatch clientSawFirstDelta = new CountDownLatch(1);
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .content("first")
                .gate(clientSawFirstDelta)
                .content(" second")
                .finish("stop")
                .usage(10, 2)
                .done()
                .build());
        int timeoutsBefore = gw.upstream.gateTimeouts();
        StringBuilder text = new StringBuilder();

        try (StreamResponse<RawMessageStreamEvent> stream =
                client.messages().createStreaming(params().addUserMessage("Hi").build())) {
            stream.stream()
                    .forEach(event -> event.contentBlockDelta().ifPresent(d -> {
                        d.delta().text().ifPresent(t -> text.append(t.text()));
                        clientSawFirstDelta.countDown();
                    }));
        }

        assertThat(text.toString()).isEqualTo("first second");
        assertThat(gw.upstream.gateTimeouts())
                .as("the upstream had to wait for the client to see the first delta")
                .isEqualTo(timeoutsBefore);
    }

    @Test
    void toolUse_shouldRoundTripThroughTwoTurns_whenModelCallsATool() {
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .content("Let me check.")
                .toolStart(0, "call_abc", "get_weather")
                .toolArgs(0, "{\"ci")
                .toolArgs(0, "ty\": \"Par")
                .toolArgs(0, "is\"}")
                .finish("tool_calls")
                .usage(40, 9)
                .done()
                .build());
        Tool weather = Tool.builder()
                .name("get_weather")
                .description("Weather for a city")
                .inputSchema(Tool.InputSchema.builder()
                        .properties(JsonValue.from(Map.of("city", Map.of("type", "string"))))
                        .required(List.of("city"))
                        .build())
                .build();
        MessageCreateParams first =
                params().addTool(weather).addUserMessage("Weather in Paris?").build();

        Message turn1;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(first)) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            turn1 = acc.message();
        }

        assertThat(turn1.stopReason()).contains(StopReason.TOOL_USE);
        ToolUseBlock call = turn1.content().stream()
                .flatMap(b -> b.toolUse().stream())
                .findFirst()
                .orElseThrow();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.id()).isEqualTo("call_abc");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("city", "Paris"));

        gw.upstream.script(req -> Replies.completion("It is sunny in Paris.", List.of(), "stop"));
        Message turn2 = client.messages()
                .create(params().addTool(weather)
                        .addUserMessage("Weather in Paris?")
                        .addMessage(turn1)
                        .addUserMessageOfContentBlockParams(
                                List.of(ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                                        .toolUseId(call.id())
                                        .content("sunny, 21C")
                                        .build())))
                        .build());

        assertThat(turn2.content().get(0).text().orElseThrow().text()).isEqualTo("It is sunny in Paris.");
        JsonNode messages = last().body().path("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        JsonNode tool = messages.get(messages.size() - 1);
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_abc");
        assertThat(assistant
                        .path("tool_calls")
                        .get(0)
                        .path("function")
                        .path("arguments")
                        .asText())
                .isEqualTo("{\"city\":\"Paris\"}");
        assertThat(tool.path("role").asText()).isEqualTo("tool");
        assertThat(tool.path("tool_call_id").asText()).isEqualTo("call_abc");
        assertThat(tool.path("content").asText()).isEqualTo("sunny, 21C");
    }

    @Test
    void thinking_shouldBecomeSignedThinkingAndGoBackAsReasoningContent_whenProviderReasons() {
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .reasoning("The user greets; ")
                .reasoning("answer politely.")
                .content("Hello!")
                .finish("stop")
                .usage(12, 8)
                .done()
                .build());

        Message turn1;
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages()
                .createStreaming(
                        params().enabledThinking(2048).addUserMessage("Hi").build())) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            turn1 = acc.message();
        }

        ContentBlock thinking = turn1.content().get(0);
        assertThat(thinking.thinking()).isPresent();
        assertThat(thinking.thinking().orElseThrow().thinking()).isEqualTo("The user greets; answer politely.");
        assertThat(thinking.thinking().orElseThrow().signature()).startsWith("pbsig1.");
        assertThat(turn1.content().get(1).text().orElseThrow().text()).isEqualTo("Hello!");
        assertThat(last().body().path("thinking").path("type").asText()).isEqualTo("enabled");

        gw.upstream.script(req -> Replies.completion("Fine.", List.of(), "stop"));
        client.messages()
                .create(params().enabledThinking(2048)
                        .addUserMessage("Hi")
                        .addMessage(turn1)
                        .addUserMessage("How are you?")
                        .build());

        JsonNode messages = last().body().path("messages");
        JsonNode assistant = messages.get(messages.size() - 2);
        assertThat(assistant.path("reasoning_content").asText()).isEqualTo("The user greets; answer politely.");
        assertThat(assistant.path("content").asText()).isEqualTo("Hello!");
    }

    @Test
    void countTokens_shouldCountEveryBlock_whenAsked() {
        long small = client.messages()
                .countTokens(com.anthropic.models.messages.MessageCountTokensParams.builder()
                        .model("claude-sonnet-4-5")
                        .addUserMessage("Hi")
                        .build())
                .inputTokens();
        long withTool = client.messages()
                .countTokens(com.anthropic.models.messages.MessageCountTokensParams.builder()
                        .model("claude-sonnet-4-5")
                        .addUserMessage("Hi")
                        .addTool(Tool.builder()
                                .name("search")
                                .description("Search the web for a query and return the top results")
                                .inputSchema(Tool.InputSchema.builder()
                                        .properties(JsonValue.from(Map.of("query", Map.of("type", "string"))))
                                        .build())
                                .build())
                        .build())
                .inputTokens();

        assertThat(small).isPositive();
        assertThat(withTool).isGreaterThan(small);
    }

    @Test
    void models_shouldListTheExactRouteNames_whenAsked() {
        var page = client.models().list();

        assertThat(page.data()).extracting(m -> m.id()).containsExactly("claude-sonnet-4-5");
    }

    private static FakeOpenAiUpstream.Recorded last() {
        var all = gw.upstream.requests();
        return all.get(all.size() - 1);
    }
}
