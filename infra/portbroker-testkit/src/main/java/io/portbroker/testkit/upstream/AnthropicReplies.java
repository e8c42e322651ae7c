package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Ready-made answers of an Anthropic-compatible upstream for {@link FakeAnthropicUpstream}. */
public final class AnthropicReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicReplies() {}

    /** Anthropic's error envelope with a status. */
    public static Reply error(int status, String type, String message) {
        ObjectNode root = JSON.createObjectNode().put("type", "error");
        root.putObject("error").put("type", type).put("message", message);
        return new Reply.Body(status, Map.of(), root.toString());
    }

    /** A complete (non-streamed) text answer. */
    public static Reply message(String text) {
        ObjectNode root = JSON.createObjectNode()
                .put("id", "msg_upstream01")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", "claude-upstream")
                .put("stop_reason", "end_turn");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", 11).put("output_tokens", 3);
        return new Reply.Body(200, Map.of(), root.toString());
    }

    /** A streamed text answer. */
    public static Reply streamText(String... pieces) {
        List<String> events = new ArrayList<>();
        events.add(start());
        events.add(
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        for (String p : pieces) {
            events.add("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                    + JSON.valueToTree(p) + "}}");
        }
        events.add("{\"type\":\"content_block_stop\",\"index\":0}");
        return end(events, "end_turn", 5);
    }

    /** A streamed answer with one signed thinking block and one tool use whose arguments come in two pieces. */
    public static Reply streamToolUse(String id, String name, String argsFirst, String argsRest) {
        List<String> events = new ArrayList<>();
        events.add(start());
        events.add("{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\","
                + "\"thinking\":\"\",\"signature\":\"\"}}");
        events.add("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\","
                + "\"thinking\":\"I should read it.\"}}");
        events.add("{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\","
                + "\"signature\":\"" + ANTHROPIC_SIGNATURE + "\"}}");
        events.add("{\"type\":\"content_block_stop\",\"index\":0}");
        events.add("{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":"
                + JSON.valueToTree(id) + ",\"name\":" + JSON.valueToTree(name) + ",\"input\":{}}}");
        for (String part : List.of(argsFirst, argsRest)) {
            events.add("{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\","
                    + "\"partial_json\":" + JSON.valueToTree(part) + "}}");
        }
        events.add("{\"type\":\"content_block_stop\",\"index\":1}");
        return end(events, "tool_use", 20);
    }

    /** The signature {@link #streamToolUse} puts on its thinking block (as Anthropic would). */
    public static final String ANTHROPIC_SIGNATURE = "EqQBCgIYAhIMAnthropicSignedThinking==";

    private static String start() {
        return "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_upstream01\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":\"claude-upstream\",\"content\":[],\"stop_reason\":null,"
                + "\"usage\":{\"input_tokens\":11,\"cache_read_input_tokens\":7,\"output_tokens\":1}}}";
    }

    private static Reply end(List<String> events, String stopReason, int outputTokens) {
        events.add("{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
        events.add("{\"type\":\"message_stop\"}");
        return new Reply.Stream(
                events.stream().map(e -> new Reply.Frame(Duration.ZERO, e)).toList(), -1);
    }
}
