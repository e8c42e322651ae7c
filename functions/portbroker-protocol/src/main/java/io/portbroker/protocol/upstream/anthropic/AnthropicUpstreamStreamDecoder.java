package io.portbroker.protocol.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.anthropic.AnthropicErrorTypes;
import io.portbroker.protocol.anthropic.AnthropicStopReasons;
import io.portbroker.protocol.codec.StreamDecoder;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns an Anthropic SSE stream into IR events. Block indexes are renumbered so that blocks the IR cannot carry
 * (server tool results, redacted thinking) leave no gap; usage from {@code message_start} and
 * {@code message_delta} is merged; an in-stream {@code error} keeps only the upstream's error type; a stream
 * that ends without {@code message_stop} is reported as cut. One instance per stream, not thread-safe.
 */
final class AnthropicUpstreamStreamDecoder implements StreamDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CUT = "upstream stream ended before the response was complete";

    private final NormalizedRequest request;
    private final String messageId;
    private final StreamEventSink sink;
    private final Map<Integer, Integer> indexes = new HashMap<>();
    private int nextIndex;
    private boolean started;
    private boolean done;
    private Usage usage = Usage.ZERO;
    private StopReason stopReason = StopReason.END_TURN;
    private String stopSequence;

    AnthropicUpstreamStreamDecoder(NormalizedRequest request, String messageId, StreamEventSink sink) {
        this.request = request;
        this.messageId = messageId;
        this.sink = sink;
    }

    @Override
    public void onData(String data) {
        if (done) {
            return;
        }
        JsonNode event;
        try {
            event = MAPPER.readTree(data);
        } catch (IOException e) {
            event = null;
        }
        if (event == null || !event.isObject()) {
            fail(ErrorCategory.PROVIDER_SERVER, "upstream sent a malformed stream event");
            return;
        }
        switch (event.path("type").asText("")) {
            case "message_start" -> start(event.path("message").path("usage"));
            case "content_block_start" -> blockStart(event);
            case "content_block_delta" -> delta(event);
            case "content_block_stop" -> {
                Integer index = indexes.remove(event.path("index").asInt(-1));
                if (index != null) {
                    sink.accept(new StreamEvent.BlockStop(index));
                }
            }
            case "message_delta" -> {
                JsonNode d = event.path("delta");
                if (d.path("stop_reason").isTextual()) {
                    stopReason =
                            AnthropicStopReasons.parse(d.path("stop_reason").asText());
                }
                stopSequence = d.path("stop_sequence").asText(null);
                usage = AnthropicUpstreamUsage.merge(usage, event.path("usage"));
            }
            case "message_stop" -> {
                start(null);
                sink.accept(new StreamEvent.Finish(
                        stopReason, stopReason == StopReason.STOP_SEQUENCE ? stopSequence : null, usage));
                done = true;
            }
            case "error" -> {
                String type = event.path("error").path("type").asText("");
                fail(
                        AnthropicErrorTypes.category(type),
                        "upstream provider reported an error during the stream"
                                + (type.matches("[a-z_]{1,40}") ? " (" + type + ")" : ""));
            }
            default -> {
                // ping and event types added later carry nothing the IR needs
            }
        }
    }

    private void start(JsonNode startUsage) {
        if (started) {
            return;
        }
        started = true;
        usage = AnthropicUpstreamUsage.merge(usage, startUsage);
        sink.accept(new StreamEvent.MessageStart(messageId, request.model(), usage));
    }

    private void blockStart(JsonNode event) {
        start(null);
        JsonNode block = event.path("content_block");
        StreamEvent.BlockKind kind = switch (block.path("type").asText("")) {
            case "text" -> StreamEvent.BlockKind.TEXT;
            case "thinking" -> StreamEvent.BlockKind.THINKING;
            case "tool_use" -> StreamEvent.BlockKind.TOOL_USE;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        int index = nextIndex++;
        indexes.put(event.path("index").asInt(-1), index);
        boolean tool = kind == StreamEvent.BlockKind.TOOL_USE;
        sink.accept(new StreamEvent.BlockStart(
                index,
                kind,
                tool ? block.path("id").asText() : null,
                tool ? block.path("name").asText() : null));
        if (kind == StreamEvent.BlockKind.TEXT && !block.path("text").asText("").isEmpty()) {
            sink.accept(new StreamEvent.TextDelta(index, block.path("text").asText()));
        }
    }

    private void delta(JsonNode event) {
        Integer index = indexes.get(event.path("index").asInt(-1));
        if (index == null) {
            return;
        }
        JsonNode d = event.path("delta");
        switch (d.path("type").asText("")) {
            case "text_delta" ->
                sink.accept(new StreamEvent.TextDelta(index, d.path("text").asText("")));
            case "input_json_delta" ->
                sink.accept(new StreamEvent.ToolArgsDelta(
                        index, d.path("partial_json").asText("")));
            case "thinking_delta" ->
                sink.accept(
                        new StreamEvent.ThinkingDelta(index, d.path("thinking").asText("")));
            case "signature_delta" ->
                sink.accept(new StreamEvent.SignatureDelta(
                        index, d.path("signature").asText("")));
            default -> {
                // citations and later delta types are not carried
            }
        }
    }

    @Override
    public void onEnd() {
        if (!done) {
            fail(ErrorCategory.PROVIDER_SERVER, CUT);
        }
    }

    @Override
    public void onFailure(GatewayException failure) {
        if (!done) {
            fail(failure.category(), failure.getMessage());
        }
    }

    @Override
    public boolean isDone() {
        return done;
    }

    private void fail(ErrorCategory category, String message) {
        start(null);
        sink.accept(new StreamEvent.Error(category, message));
        done = true;
    }
}
