package io.portbroker.protocol.ingress.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.StreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Writes IR stream events as {@code chat.completion.chunk} SSE frames, then {@code data: [DONE]}. Text and
 * thinking become {@code content} / {@code reasoning_content} deltas; each tool use gets the next
 * {@code tool_calls} index, its id and name in its first chunk and argument fragments after. With
 * {@code includeUsage} a final chunk with empty {@code choices} carries the usage. Pings are SSE comments; an
 * error is an {@code {"error":{...}}} frame. One instance per stream.
 */
final class OpenAiChatSseEncoder implements StreamEventSink {
    private static final JsonFactory JSON = new JsonFactory();
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PING = ": ping\n\n".getBytes(StandardCharsets.UTF_8);

    private final ByteSink out;
    private final Clock clock;
    private final boolean includeUsage;
    private String id = "chatcmpl-";
    private String model = "";
    private int toolIndex = -1;

    OpenAiChatSseEncoder(ByteSink out, Clock clock, boolean includeUsage) {
        this.out = out;
        this.clock = clock;
        this.includeUsage = includeUsage;
    }

    @Override
    public void accept(StreamEvent event) {
        try {
            write(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(StreamEvent event) throws IOException {
        switch (event) {
            case StreamEvent.MessageStart e -> {
                id = "chatcmpl-" + e.id();
                model = e.model();
                chunk(
                        g -> {
                            g.writeStringField("role", "assistant");
                            g.writeStringField("content", "");
                        },
                        null);
            }
            case StreamEvent.BlockStart e -> {
                if (e.kind() == StreamEvent.BlockKind.TOOL_USE) {
                    int index = ++toolIndex;
                    chunk(g -> toolCall(g, index, e.toolUseId(), e.toolName(), ""), null);
                }
            }
            case StreamEvent.TextDelta e -> chunk(g -> g.writeStringField("content", e.text()), null);
            case StreamEvent.ThinkingDelta e -> chunk(g -> g.writeStringField("reasoning_content", e.thinking()), null);
            case StreamEvent.ToolArgsDelta e -> {
                int index = toolIndex;
                chunk(g -> toolCall(g, index, null, null, e.partialJson()), null);
            }
            case StreamEvent.SignatureDelta e -> {
                // OpenAI clients have no place for signatures
            }
            case StreamEvent.BlockStop e -> {
                // chunks have no block boundaries
            }
            case StreamEvent.Finish e -> {
                chunk(g -> {}, OpenAiChatWire.finishReason(e.stopReason()));
                if (includeUsage) {
                    frame(g -> {
                        header(g);
                        g.writeArrayFieldStart("choices");
                        g.writeEndArray();
                        OpenAiChatWire.writeUsage(g, e.usage());
                    });
                }
                out.write(DONE);
            }
            case StreamEvent.Ping e -> out.write(PING);
            case StreamEvent.Error e ->
                frame(g -> {
                    g.writeObjectFieldStart("error");
                    g.writeStringField("message", e.message());
                    g.writeStringField("type", OpenAiChatWire.errorType(e.category()));
                    g.writeNullField("param");
                    g.writeNullField("code");
                    g.writeEndObject();
                });
        }
    }

    private static void toolCall(JsonGenerator g, int index, String callId, String name, String args)
            throws IOException {
        g.writeArrayFieldStart("tool_calls");
        g.writeStartObject();
        g.writeNumberField("index", index);
        if (callId != null) {
            g.writeStringField("id", callId);
            g.writeStringField("type", "function");
        }
        g.writeObjectFieldStart("function");
        if (name != null) {
            g.writeStringField("name", name);
        }
        g.writeStringField("arguments", args);
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndArray();
    }

    private void header(JsonGenerator g) throws IOException {
        g.writeStringField("id", id);
        g.writeStringField("object", "chat.completion.chunk");
        g.writeNumberField("created", clock.instant().getEpochSecond());
        g.writeStringField("model", model);
    }

    private void chunk(Body delta, String finishReason) throws IOException {
        frame(g -> {
            header(g);
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            g.writeObjectFieldStart("delta");
            delta.write(g);
            g.writeEndObject();
            g.writeNullField("logprobs");
            if (finishReason == null) {
                g.writeNullField("finish_reason");
            } else {
                g.writeStringField("finish_reason", finishReason);
            }
            g.writeEndObject();
            g.writeEndArray();
        });
    }

    private void frame(Body body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.write("data: ".getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = JSON.createGenerator(buf)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        }
        buf.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.write(buf.toByteArray());
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }
}
