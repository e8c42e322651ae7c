package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.Replies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two defects of the conformance run (issue #8) over the real server, the official SDK and raw HTTP, against
 * the scripted OpenAI-compatible upstream: an upstream 429 must not black-hole the route, and a stream that ends
 * cleanly without a finish reason is a normal end.
 */
class UpstreamQuirksEndToEndTest {
    private static final String BODY = Requests.messages("claude-sonnet-4-5").json();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
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

    private static HttpResponse<String> post() throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                        .header("x-api-key", gw.clientKey)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Tag("error-path")
    void messages_shouldAnswer429ToThatRequestOnly_whenTheOnlyTargetSays429() throws Exception {
        gw.upstream.script(
                Replies.inOrder(Replies.rateLimited(7), Replies.completion("after the limit", List.of(), "stop")));
        int before = gw.upstream.requests().size();

        // when: the same route (one target) is asked twice in a row, well within the 7 s
        HttpResponse<String> limited = post();
        HttpResponse<String> next = post();

        // then: a 429 with its Retry-After for the first; the second reaches the upstream (no 529 black hole)
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(429);
        assertThat(limited.body()).contains("\"rate_limit_error\"");
        assertThat(limited.headers().firstValue("retry-after")).contains("7");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(next.body()).contains("after the limit");
        assertThat(gw.upstream.requests()).hasSize(before + 2);
    }

    @Test
    void createStreaming_shouldEndTurn_whenTheUpstreamSendsDoneWithoutFinishReason() {
        gw.upstream.script(req -> Replies.streamWithoutFinish(true, "Hel", "lo"));

        Message message = accumulate(MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(100)
                .addUserMessage("Hi")
                .build());

        assertThat(message.content().get(0).text().orElseThrow().text()).isEqualTo("Hello");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
    }

    @Test
    void createStreaming_shouldStopForToolUse_whenToolCallsEndWithoutFinishReason() {
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .toolStart(0, "call_1", "Read")
                .toolArgs(0, "{\"file_path\":\"/tmp/a.txt\"}")
                .done()
                .build());

        Message message = accumulate(MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(100)
                .addTool(Tool.builder()
                        .name("Read")
                        .inputSchema(Tool.InputSchema.builder().build())
                        .build())
                .addUserMessage("Read it")
                .build());

        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.content().get(0).toolUse().orElseThrow().name()).isEqualTo("Read");
    }

    private static Message accumulate(MessageCreateParams params) {
        try (StreamResponse<RawMessageStreamEvent> stream = client.messages().createStreaming(params)) {
            MessageAccumulator acc = MessageAccumulator.create();
            stream.stream().forEach(acc::accumulate);
            return acc.message();
        }
    }
}
