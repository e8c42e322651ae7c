package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ready-made Bedrock Converse answers for {@link FakeBedrockUpstream}. A streamed answer is a {@link Reply.Stream}
 * whose frames are Converse stream events in their JSON union form ({@code {"contentBlockDelta":{...}}}); the fake
 * sends each as an event-stream frame of that event type.
 */
public final class BedrockReplies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BedrockReplies() {}

    /** A Bedrock error: the status, {@code x-amzn-ErrorType} and {@code {"message"}} body. */
    public static Reply error(int status, String errorType, String message) {
        return new Reply.Body(
                status,
                Map.of("x-amzn-ErrorType", errorType),
                JSON.createObjectNode().put("message", message).toString());
    }

    /** HTTP 429 ThrottlingException. */
    public static Reply throttled() {
        return error(429, "ThrottlingException", "Too many requests, please wait before trying again.");
    }

    /** A text answer, streamed or complete as the request asked. */
    public static Reply text(FakeBedrockUpstream.Received request, String... pieces) {
        if (!request.streaming()) {
            ObjectNode root = answer("end_turn");
            root.withObject("/output/message").withArray("content").addObject().put("text", String.join("", pieces));
            return new Reply.Body(200, Map.of(), root.toString());
        }
        List<String> events = new ArrayList<>();
        events.add("{\"messageStart\":{\"role\":\"assistant\"}}");
        for (String p : pieces) {
            events.add("{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":" + JSON.valueToTree(p)
                    + "}}}");
        }
        events.add("{\"contentBlockStop\":{\"contentBlockIndex\":0}}");
        return end(events, "end_turn");
    }

    /** A tool call (its JSON input in two pieces when streamed), streamed or complete as the request asked. */
    public static Reply toolUse(
            FakeBedrockUpstream.Received request, String id, String name, String inputFirst, String inputRest) {
        if (!request.streaming()) {
            ObjectNode root = answer("tool_use");
            ObjectNode use = root.withObject("/output/message")
                    .withArray("content")
                    .addObject()
                    .putObject("toolUse")
                    .put("toolUseId", id)
                    .put("name", name);
            try {
                use.set("input", JSON.readTree(inputFirst + inputRest));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("tool input is not JSON", e);
            }
            return new Reply.Body(200, Map.of(), root.toString());
        }
        List<String> events = new ArrayList<>();
        events.add("{\"messageStart\":{\"role\":\"assistant\"}}");
        events.add("{\"contentBlockStart\":{\"contentBlockIndex\":0,\"start\":{\"toolUse\":{\"toolUseId\":\"" + id
                + "\",\"name\":\"" + name + "\"}}}}");
        for (String piece : List.of(inputFirst, inputRest)) {
            events.add("{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"toolUse\":{\"input\":"
                    + JSON.valueToTree(piece) + "}}}}");
        }
        events.add("{\"contentBlockStop\":{\"contentBlockIndex\":0}}");
        return end(events, "tool_use");
    }

    /** A stream that sends one text delta, then fails with Bedrock's in-stream {@code exceptionType}. */
    public static Reply streamFailing(String text, String exceptionType, String message) {
        return new Reply.Stream(
                List.of(
                        new Reply.Frame(Duration.ZERO, "{\"messageStart\":{\"role\":\"assistant\"}}"),
                        new Reply.Frame(
                                Duration.ZERO,
                                "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":"
                                        + JSON.valueToTree(text) + "}}}"),
                        new Reply.Frame(
                                Duration.ZERO,
                                "{\"" + exceptionType + "\":{\"message\":" + JSON.valueToTree(message) + "}}")),
                -1);
    }

    private static ObjectNode answer(String stopReason) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("output").putObject("message").put("role", "assistant");
        root.put("stopReason", stopReason);
        root.putObject("usage").put("inputTokens", 11).put("outputTokens", 3).put("totalTokens", 14);
        root.putObject("metrics").put("latencyMs", 5);
        return root;
    }

    private static Reply end(List<String> events, String stopReason) {
        events.add("{\"messageStop\":{\"stopReason\":\"" + stopReason + "\"}}");
        events.add("{\"metadata\":{\"usage\":{\"inputTokens\":11,\"outputTokens\":3,\"totalTokens\":14},"
                + "\"metrics\":{\"latencyMs\":5}}}");
        return new Reply.Stream(
                events.stream().map(e -> new Reply.Frame(Duration.ZERO, e)).toList(), -1);
    }
}
