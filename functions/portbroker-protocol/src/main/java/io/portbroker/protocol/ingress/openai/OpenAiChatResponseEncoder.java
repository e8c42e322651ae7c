package io.portbroker.protocol.ingress.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * Renders a complete answer as a {@code chat.completion}: text blocks joined as {@code content}, tool uses as
 * {@code tool_calls} (arguments as a JSON string), thinking as {@code reasoning_content}. Thread-safe.
 */
final class OpenAiChatResponseEncoder {
    private static final JsonFactory JSON = new JsonFactory();
    private final Clock clock;

    OpenAiChatResponseEncoder(Clock clock) {
        this.clock = clock;
    }

    byte[] encode(NormalizedResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", "chatcmpl-" + response.id());
            g.writeStringField("object", "chat.completion");
            g.writeNumberField("created", clock.instant().getEpochSecond());
            g.writeStringField("model", response.model());
            g.writeArrayFieldStart("choices");
            g.writeStartObject();
            g.writeNumberField("index", 0);
            writeMessage(g, response);
            g.writeNullField("logprobs");
            g.writeStringField("finish_reason", OpenAiChatWire.finishReason(response.stopReason()));
            g.writeEndObject();
            g.writeEndArray();
            OpenAiChatWire.writeUsage(g, response.usage());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeMessage(JsonGenerator g, NormalizedResponse response) throws IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder thinking = new StringBuilder();
        boolean anyText = false;
        for (ContentBlock block : response.content()) {
            if (block instanceof ContentBlock.Text t) {
                text.append(t.text());
                anyText = true;
            } else if (block instanceof ContentBlock.Thinking t) {
                thinking.append(t.thinking());
            }
        }
        g.writeObjectFieldStart("message");
        g.writeStringField("role", "assistant");
        if (anyText) {
            g.writeStringField("content", text.toString());
        } else {
            g.writeNullField("content");
        }
        if (!thinking.isEmpty()) {
            g.writeStringField("reasoning_content", thinking.toString());
        }
        boolean first = true;
        for (ContentBlock block : response.content()) {
            if (block instanceof ContentBlock.ToolUse use) {
                if (first) {
                    g.writeArrayFieldStart("tool_calls");
                    first = false;
                }
                g.writeStartObject();
                g.writeStringField("id", use.id());
                g.writeStringField("type", "function");
                g.writeObjectFieldStart("function");
                g.writeStringField("name", use.name());
                g.writeStringField(
                        "arguments", use.input() == null ? "{}" : use.input().toString());
                g.writeEndObject();
                g.writeEndObject();
            }
        }
        if (!first) {
            g.writeEndArray();
        }
        g.writeEndObject();
    }
}
