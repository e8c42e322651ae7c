package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.StreamEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes IR stream events as Anthropic Messages SSE frames ({@code event: <type>\ndata: <json>\n\n}), each frame
 * in one {@link ByteSink#write} call. A {@code Finish} becomes {@code message_delta} followed by
 * {@code message_stop}. One generator and one buffer are reused for the whole stream. Not thread-safe.
 *
 * <p>{@link #accept} rethrows whatever the sink throws (for example when the client has gone away).
 */
public final class AnthropicSseEncoder implements StreamEventSink {
    /** Emoji and other non-BMP characters go out as raw UTF-8, as Anthropic sends them, not as escaped pairs. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private final ByteSink out;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private final JsonGenerator g;

    public AnthropicSseEncoder(ByteSink out) {
        this.out = out;
        try {
            this.g = FACTORY.createGenerator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        g.setRootValueSeparator(null);
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
                begin("message_start");
                g.writeObjectFieldStart("message");
                g.writeStringField("id", e.id());
                g.writeStringField("type", "message");
                g.writeStringField("role", "assistant");
                g.writeStringField("model", e.model());
                g.writeArrayFieldStart("content");
                g.writeEndArray();
                g.writeNullField("stop_reason");
                g.writeNullField("stop_sequence");
                AnthropicUsageJson.writeField(g, e.usage());
                g.writeEndObject();
                end();
            }
            case StreamEvent.BlockStart e -> writeBlockStart(e);
            case StreamEvent.TextDelta e -> writeDelta(e.index(), "text_delta", "text", e.text());
            case StreamEvent.ToolArgsDelta e ->
                writeDelta(e.index(), "input_json_delta", "partial_json", e.partialJson());
            case StreamEvent.ThinkingDelta e -> writeDelta(e.index(), "thinking_delta", "thinking", e.thinking());
            case StreamEvent.SignatureDelta e -> writeDelta(e.index(), "signature_delta", "signature", e.signature());
            case StreamEvent.BlockStop e -> {
                begin("content_block_stop");
                g.writeNumberField("index", e.index());
                end();
            }
            case StreamEvent.Finish e -> {
                begin("message_delta");
                g.writeObjectFieldStart("delta");
                g.writeStringField("stop_reason", AnthropicStopReasons.wire(e.stopReason()));
                g.writeStringField("stop_sequence", e.stopSequence());
                g.writeEndObject();
                AnthropicUsageJson.writeField(g, e.usage());
                end();
                begin("message_stop");
                end();
            }
            case StreamEvent.Ping e -> {
                begin("ping");
                end();
            }
            case StreamEvent.Error e -> {
                begin("error");
                g.writeObjectFieldStart("error");
                g.writeStringField("type", AnthropicErrorTypes.type(e.category()));
                g.writeStringField("message", e.message());
                g.writeEndObject();
                end();
            }
        }
    }

    private void writeBlockStart(StreamEvent.BlockStart e) throws IOException {
        begin("content_block_start");
        g.writeNumberField("index", e.index());
        g.writeObjectFieldStart("content_block");
        switch (e.kind()) {
            case TEXT -> {
                g.writeStringField("type", "text");
                g.writeStringField("text", "");
            }
            case THINKING -> {
                g.writeStringField("type", "thinking");
                g.writeStringField("thinking", "");
                g.writeStringField("signature", "");
            }
            case TOOL_USE -> {
                g.writeStringField("type", "tool_use");
                g.writeStringField("id", e.toolUseId());
                g.writeStringField("name", e.toolName());
                g.writeObjectFieldStart("input");
                g.writeEndObject();
            }
        }
        g.writeEndObject();
        end();
    }

    private void writeDelta(int index, String type, String field, String value) throws IOException {
        begin("content_block_delta");
        g.writeNumberField("index", index);
        g.writeObjectFieldStart("delta");
        g.writeStringField("type", type);
        g.writeStringField(field, value);
        g.writeEndObject();
        end();
    }

    private void begin(String type) throws IOException {
        g.writeRaw("event: ");
        g.writeRaw(type);
        g.writeRaw("\ndata: ");
        g.writeStartObject();
        g.writeStringField("type", type);
    }

    /** Closes the data object, ends the frame and hands it to the sink in one write. */
    private void end() throws IOException {
        g.writeEndObject();
        g.writeRaw("\n\n");
        g.flush();
        byte[] frame = buffer.toByteArray();
        buffer.reset();
        out.write(frame);
    }
}
