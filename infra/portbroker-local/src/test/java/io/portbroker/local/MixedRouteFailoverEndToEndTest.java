package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.testkit.upstream.AnthropicReplies;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Claude Code request (the recorded 2.1.328 shape, with its headers) on a route whose first target is
 * OpenAI-compatible and failing, so it fails over to the Anthropic-native target: the request reaches Anthropic
 * without loss, the tool call streams back with Anthropic's thinking signature, and the tool result goes back with
 * that signature untouched while PortBroker's own {@code pbsig1} reasoning never does.
 */
class MixedRouteFailoverEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURE =
            Path.of("../../functions/portbroker-protocol/src/test/resources/fixtures/claude-code-2.1.328-request.json");

    static DialectFixture gw;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        gw = DialectFixture.start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> post(JsonNode fixture, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages?beta=true"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        for (Iterator<Map.Entry<String, JsonNode>> it = fixture.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!Set.RESTRICTED.contains(name)) {
                b.header(
                        h.getKey(),
                        name.equals("x-api-key") ? gw.clientKey() : h.getValue().asText());
            }
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void claudeCodeToolRoundTrip_shouldSurviveFailoverToTheAnthropicTarget_whenTheOpenAiTargetFails() throws Exception {
        // given: the OpenAI-compatible target fails; the Anthropic one calls a tool, then answers
        JsonNode fixture = JSON.readTree(Files.readString(FIXTURE));
        ObjectNode body = (ObjectNode) fixture.path("body").deepCopy();
        body.put("model", "claude-sonnet-4-5");
        gw.openAi().script(req -> Replies.serverError());
        gw.anthropic()
                .script(req -> req.path("messages").toString().contains("tool_result")
                        ? AnthropicReplies.streamText("The file says hi.")
                        : AnthropicReplies.streamToolUse("toolu_01", "Read", "{\"file_path\":", "\"/tmp/a\"}"));

        // when: the first turn
        HttpResponse<String> first = post(fixture, body);

        // then: served by the Anthropic target after the OpenAI one failed, with nothing lost on the way
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("x-portbroker-provider")).contains("anthropic");
        assertThat(first.body())
                .contains("\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"Read\"")
                .contains(AnthropicReplies.ANTHROPIC_SIGNATURE)
                .contains("\"stop_reason\":\"tool_use\"");
        assertThat(gw.openAi().requests()).isNotEmpty();
        assertThat(gw.anthropic().violations()).isEmpty();
        var received = gw.anthropic().requests().getLast();
        ObjectNode expected = body.deepCopy();
        expected.put("model", "claude-upstream");
        assertThat(received.json()).isEqualTo(expected);
        assertThat(received.header("anthropic-beta"))
                .isEqualTo(fixture.path("headers").path("anthropic-beta").asText());
        assertThat(received.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(received.header("x-api-key")).isEqualTo(DialectFixture.CREDENTIAL);

        // when: the tool result goes back, with the Anthropic-signed thinking and an older pbsig1 one in history
        ArrayNode messages = (ArrayNode) body.path("messages");
        ObjectNode older = messages.insertObject(1).put("role", "assistant");
        older.putArray("content")
                .add(JSON.createObjectNode()
                        .put("type", "thinking")
                        .put("thinking", "from another provider")
                        .put("signature", "pbsig1.bm90LWEtcmVhbC1zaWduYXR1cmU"))
                .add(JSON.createObjectNode().put("type", "text").put("text", "earlier answer"));
        messages.insertObject(2)
                .put("role", "user")
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", "go on");
        ObjectNode assistant = messages.addObject().put("role", "assistant");
        ArrayNode content = assistant.putArray("content");
        content.addObject()
                .put("type", "thinking")
                .put("thinking", "I should read it.")
                .put("signature", AnthropicReplies.ANTHROPIC_SIGNATURE);
        ObjectNode use = content.addObject()
                .put("type", "tool_use")
                .put("id", "toolu_01")
                .put("name", "Read");
        use.putObject("input").put("file_path", "/tmp/a");
        ObjectNode result =
                messages.addObject().put("role", "user").putArray("content").addObject();
        result.put("type", "tool_result").put("tool_use_id", "toolu_01").put("content", "hi");
        HttpResponse<String> second = post(fixture, body);

        // then
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("The file says hi.").contains("\"stop_reason\":\"end_turn\"");
        assertThat(gw.anthropic().violations()).isEmpty();
        JsonNode sent = gw.anthropic().requests().getLast().json();
        assertThat(sent.toString())
                .contains("\"signature\":\"" + AnthropicReplies.ANTHROPIC_SIGNATURE + "\"")
                .contains("\"tool_use_id\":\"toolu_01\"")
                .doesNotContain("pbsig1.")
                .contains("earlier answer");
    }

    /** Headers java.net.http sets itself. */
    private static final class Set {
        static final java.util.Set<String> RESTRICTED =
                java.util.Set.of("connection", "content-length", "host", "accept-encoding", "expect", "upgrade");
    }
}
