package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builders for common OpenAI-compatible replies. */
public final class Replies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {}

    public static Reply error(int status, String type, String message) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode err = root.putObject("error");
        err.put("message", message);
        err.put("type", type);
        return new Reply.Body(status, Map.of("content-type", "application/json"), root.toString());
    }

    /** HTTP 500 with an OpenAI error body. */
    public static Reply serverError() {
        return error(500, "server_error", "internal error");
    }

    /** HTTP 401: the provider rejects the gateway's credential. */
    public static Reply unauthorized() {
        return error(401, "invalid_api_key", "Incorrect API key provided");
    }

    /** Accepts the request and never sends headers. */
    public static Reply hang() {
        return new Reply.Hang();
    }

    /**
     * A text stream whose first frame comes only after {@code firstTokenDelay}; later frames follow 20 ms apart,
     * so a client that went away meanwhile is noticed (counted in {@link FakeOpenAiUpstream#cancelledStreams()}).
     */
    public static Reply slowFirstToken(Duration firstTokenDelay, String... pieces) {
        StreamBuilder b = new StreamBuilder().raw(firstTokenDelay, roleChunk()).gap(Duration.ofMillis(20));
        for (String p : pieces) {
            b.content(p);
        }
        return b.finish("stop").usage(25, pieces.length).done().build();
    }

    /** A text stream cut (connection reset) after its first {@code framesBeforeReset} pieces. */
    public static Reply resetMidStream(String... pieces) {
        StreamBuilder b = new StreamBuilder().role();
        for (String p : pieces) {
            b.content(p);
        }
        return b.resetHere().finish("stop").done().build();
    }

    /**
     * A text stream that never sends a {@code finish_reason}: it ends with {@code data: [DONE]} when {@code done},
     * else the server closes the response cleanly after the last complete chunk (some OpenAI-compatible servers).
     */
    public static Reply streamWithoutFinish(boolean done, String... pieces) {
        StreamBuilder b = new StreamBuilder().role();
        for (String p : pieces) {
            b.content(p);
        }
        return (done ? b.done() : b).build();
    }

    /** Replies in order, one per request; the last one repeats. */
    public static java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, Reply> inOrder(
            Reply... replies) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        return request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)];
    }

    private static String roleChunk() {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake").put("object", "chat.completion.chunk").put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("role", "assistant").put("content", "");
        choice.putNull("finish_reason");
        return root.toString();
    }

    public static Reply rateLimited(int retryAfterSeconds) {
        ObjectNode root = JSON.createObjectNode();
        root.putObject("error").put("message", "rate limited").put("type", "rate_limit_exceeded");
        return new Reply.Body(
                429,
                Map.of("content-type", "application/json", "retry-after", Integer.toString(retryAfterSeconds)),
                root.toString());
    }

    /** A non-streamed completion with text and optional tool calls ({name, jsonArgs} pairs). */
    public static Reply completion(String text, List<String[]> toolCalls, String finish) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-fake");
        root.put("object", "chat.completion");
        root.put("model", "fake-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode msg = choice.putObject("message");
        msg.put("role", "assistant");
        if (text == null) {
            msg.putNull("content");
        } else {
            msg.put("content", text);
        }
        if (!toolCalls.isEmpty()) {
            ArrayNode calls = msg.putArray("tool_calls");
            int i = 0;
            for (String[] call : toolCalls) {
                ObjectNode c = calls.addObject();
                c.put("id", "call_" + (i++));
                c.put("type", "function");
                c.putObject("function").put("name", call[0]).put("arguments", call[1]);
            }
        }
        choice.put("finish_reason", finish);
        root.putObject("usage")
                .put("prompt_tokens", 25)
                .put("completion_tokens", 12)
                .put("total_tokens", 37);
        return new Reply.Body(200, Map.of("content-type", "application/json"), root.toString());
    }

    /** A streamed answer of text pieces, then a finish chunk and a usage chunk. */
    public static Reply streamText(Duration gap, String... pieces) {
        StreamBuilder b = new StreamBuilder().gap(gap).role();
        for (String p : pieces) {
            b.content(p);
        }
        return b.finish("stop").usage(25, pieces.length).done().build();
    }

    /** Builds OpenAI chunk streams frame by frame. */
    public static final class StreamBuilder {
        private final List<Reply.Frame> frames = new ArrayList<>();
        private Duration gap = Duration.ZERO;
        private int resetAfter = -1;
        private java.util.concurrent.CountDownLatch gate;

        public StreamBuilder gap(Duration gap) {
            this.gap = gap;
            return this;
        }

        public StreamBuilder role() {
            ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
            return chunk(delta, null);
        }

        public StreamBuilder content(String text) {
            return chunk(JSON.createObjectNode().put("content", text), null);
        }

        public StreamBuilder reasoning(String text) {
            return chunk(JSON.createObjectNode().put("reasoning_content", text), null);
        }

        /** Opens tool call {@code index} with id and name (and no arguments yet). */
        public StreamBuilder toolStart(int index, String id, String name) {
            ObjectNode delta = JSON.createObjectNode();
            ObjectNode call = delta.putArray("tool_calls").addObject();
            call.put("index", index).put("id", id).put("type", "function");
            call.putObject("function").put("name", name).put("arguments", "");
            return chunk(delta, null);
        }

        /** Sends an argument fragment for tool call {@code index}. */
        public StreamBuilder toolArgs(int index, String fragment) {
            ObjectNode delta = JSON.createObjectNode();
            ObjectNode call = delta.putArray("tool_calls").addObject();
            call.put("index", index);
            call.putObject("function").put("arguments", fragment);
            return chunk(delta, null);
        }

        public StreamBuilder finish(String reason) {
            return chunk(JSON.createObjectNode(), reason);
        }

        public StreamBuilder usage(int prompt, int completion) {
            ObjectNode root = base();
            root.putArray("choices");
            root.putObject("usage")
                    .put("prompt_tokens", prompt)
                    .put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
            frames.add(new Reply.Frame(gap, root.toString(), gate));
            return this;
        }

        public StreamBuilder raw(Duration delay, String data) {
            frames.add(new Reply.Frame(delay, data));
            return this;
        }

        public StreamBuilder done() {
            frames.add(new Reply.Frame(Duration.ZERO, "[DONE]"));
            return this;
        }

        /** Holds every later frame until {@code gate} opens. */
        public StreamBuilder gate(java.util.concurrent.CountDownLatch gate) {
            this.gate = gate;
            return this;
        }

        /** Cuts the connection after the frames so far. */
        public StreamBuilder resetHere() {
            resetAfter = frames.size();
            return this;
        }

        public Reply build() {
            return new Reply.Stream(List.copyOf(frames), resetAfter);
        }

        private StreamBuilder chunk(ObjectNode delta, String finish) {
            ObjectNode root = base();
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            choice.set("delta", delta);
            if (finish == null) {
                choice.putNull("finish_reason");
            } else {
                choice.put("finish_reason", finish);
            }
            frames.add(new Reply.Frame(gap, root.toString(), gate));
            return this;
        }

        private static ObjectNode base() {
            ObjectNode root = JSON.createObjectNode();
            root.put("id", "chatcmpl-fake");
            root.put("object", "chat.completion.chunk");
            root.put("model", "fake-model");
            return root;
        }
    }
}
