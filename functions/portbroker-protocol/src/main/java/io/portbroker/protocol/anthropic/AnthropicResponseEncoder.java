package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.codec.SharedJson;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a complete answer as an Anthropic {@code message} object, field for field as the real API does
 * ({@code id, type, role, model, content, stop_reason, stop_sequence, usage}). Stateless and thread-safe.
 */
public final class AnthropicResponseEncoder {
    private static final JsonFactory FACTORY = SharedJson.MAPPER.getFactory();

    /**
     * Encodes a response.
     *
     * @throws InternalMappingError when the content holds a block type an assistant message cannot carry
     */
    public byte[] encode(NormalizedResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", response.id());
            g.writeStringField("type", "message");
            g.writeStringField("role", "assistant");
            g.writeStringField("model", response.model());
            g.writeArrayFieldStart("content");
            for (ContentBlock block : response.content()) {
                writeBlock(g, block);
            }
            g.writeEndArray();
            g.writeStringField("stop_reason", AnthropicStopReasons.wire(response.stopReason()));
            g.writeStringField("stop_sequence", response.stopSequence());
            AnthropicUsageJson.writeField(g, response.usage());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeBlock(JsonGenerator g, ContentBlock block) throws IOException {
        g.writeStartObject();
        switch (block) {
            case ContentBlock.Text text -> {
                g.writeStringField("type", "text");
                g.writeStringField("text", text.text());
            }
            case ContentBlock.Thinking thinking -> {
                g.writeStringField("type", "thinking");
                g.writeStringField("thinking", thinking.thinking());
                g.writeStringField("signature", thinking.signature() == null ? "" : thinking.signature());
            }
            case ContentBlock.RedactedThinking redacted -> {
                g.writeStringField("type", "redacted_thinking");
                g.writeStringField("data", redacted.data());
            }
            case ContentBlock.ToolUse use -> {
                g.writeStringField("type", "tool_use");
                g.writeStringField("id", use.id());
                g.writeStringField("name", use.name());
                g.writeFieldName("input");
                JsonNode input = use.input();
                if (input != null && input.isObject()) {
                    g.writeTree(input);
                } else {
                    g.writeStartObject();
                    g.writeEndObject();
                }
            }
            case ContentBlock.Image i -> throw notAnswerBlock("image");
            case ContentBlock.Document d -> throw notAnswerBlock("document");
            case ContentBlock.ToolResult r -> throw notAnswerBlock("tool_result");
        }
        g.writeEndObject();
    }

    private static InternalMappingError notAnswerBlock(String kind) {
        return new InternalMappingError("an assistant message cannot contain a " + kind + " block");
    }
}
