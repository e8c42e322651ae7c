package io.portbroker.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StreamEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Records a stream on its way to the client (pings dropped) and rebuilds the whole answer from it. Only a
 * stream that started, finished with a {@code Finish} and saw no {@code Error} counts as clean.
 */
final class StreamRecorder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<StreamEvent> events = new ArrayList<>();
    private boolean failed;
    private boolean finished;

    /** A sink that records every event, then passes it on. */
    StreamEventSink tee(StreamEventSink downstream) {
        return event -> {
            record(event);
            downstream.accept(event);
        };
    }

    synchronized void record(StreamEvent event) {
        switch (event) {
            case StreamEvent.Ping p -> {
                // keep-alives are timing, not content
            }
            case StreamEvent.Error e -> failed = true;
            case StreamEvent.Finish f -> {
                finished = true;
                events.add(f);
            }
            default -> events.add(event);
        }
    }

    /** The recorded events and the answer they spell, when the stream ended cleanly. */
    synchronized Optional<Recorded> result() {
        if (failed || !finished || events.isEmpty() || !(events.getFirst() instanceof StreamEvent.MessageStart)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Recorded(List.copyOf(events), assemble(events)));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A clean recording. */
    record Recorded(List<StreamEvent> events, NormalizedResponse response) {}

    /** Rebuilds the answer of a well-formed stream. */
    static NormalizedResponse assemble(List<StreamEvent> events) {
        StreamEvent.MessageStart start = (StreamEvent.MessageStart) events.getFirst();
        List<ContentBlock> content = new ArrayList<>();
        StreamEvent.BlockStart open = null;
        StringBuilder text = new StringBuilder();
        StringBuilder signature = new StringBuilder();
        StreamEvent.Finish finish = null;
        for (StreamEvent e : events) {
            switch (e) {
                case StreamEvent.BlockStart b -> {
                    open = b;
                    text.setLength(0);
                    signature.setLength(0);
                }
                case StreamEvent.TextDelta d -> text.append(d.text());
                case StreamEvent.ToolArgsDelta d -> text.append(d.partialJson());
                case StreamEvent.ThinkingDelta d -> text.append(d.thinking());
                case StreamEvent.SignatureDelta d -> signature.append(d.signature());
                case StreamEvent.BlockStop s -> {
                    if (open == null) {
                        throw new IllegalStateException("block stop without start");
                    }
                    content.add(block(open, text.toString(), signature.toString()));
                    open = null;
                }
                case StreamEvent.Finish f -> finish = f;
                default -> {
                    // MessageStart was read above
                }
            }
        }
        if (finish == null) {
            throw new IllegalStateException("no finish");
        }
        return new NormalizedResponse(
                start.id(), start.model(), content, finish.stopReason(), finish.stopSequence(), finish.usage());
    }

    private static ContentBlock block(StreamEvent.BlockStart start, String text, String signature) {
        return switch (start.kind()) {
            case TEXT -> new ContentBlock.Text(text);
            case THINKING -> new ContentBlock.Thinking(text, signature.isEmpty() ? null : signature);
            case TOOL_USE -> new ContentBlock.ToolUse(start.toolUseId(), start.toolName(), json(text));
        };
    }

    private static JsonNode json(String args) {
        if (args.isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(args);
        } catch (IOException e) {
            throw new IllegalStateException("tool arguments are not JSON", e);
        }
    }
}
