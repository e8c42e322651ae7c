package io.portbroker.bedrock;

import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * Turns one ConverseStream's events into IR stream events, in order. Converse opens text blocks implicitly with
 * their first delta (only tool-use blocks get a {@code contentBlockStart}), and sends usage in a {@code metadata}
 * event after {@code messageStop}; so block starts are synthesised and {@link StreamEvent.Finish} is emitted at
 * the metadata event (or at {@link #complete()} when none came after {@code messageStop}). Not thread-safe: one
 * instance per stream.
 */
public final class ConverseStreamEvents {
    private final String id;
    private final String model;
    private final StreamEventSink sink;
    private final Set<Integer> open = new HashSet<>();
    private StopReason stopReason;
    private boolean finished;

    /** A mapper for the stream answering with message {@code id}, echoing {@code model}. */
    public ConverseStreamEvents(String id, String model, StreamEventSink sink) {
        this.id = id;
        this.model = model;
        this.sink = sink;
    }

    /** Maps one Converse event; unknown event kinds are ignored. */
    public void accept(ConverseStreamOutput event) {
        switch (event) {
            case MessageStartEvent e -> sink.accept(new StreamEvent.MessageStart(id, model, Usage.ZERO));
            case ContentBlockStartEvent e -> start(e);
            case ContentBlockDeltaEvent e -> delta(e);
            case ContentBlockStopEvent e -> {
                if (open.remove(e.contentBlockIndex())) {
                    sink.accept(new StreamEvent.BlockStop(e.contentBlockIndex()));
                }
            }
            case MessageStopEvent e -> stopReason = BedrockStopReasons.toIr(e.stopReason());
            case ConverseStreamMetadataEvent e -> finish(ConverseResponses.usage(e.usage()));
            default -> {
                // other event kinds (e.g. future ones) carry nothing the IR needs
            }
        }
    }

    /**
     * Ends the stream: when the message stopped but the metadata event never came, closes open blocks and emits
     * the finish without usage; when the message never stopped, emits nothing (the stream was cut, which the
     * reader reports as such instead of a made-up {@code end_turn}).
     */
    public void complete() {
        if (stopReason != null) {
            finish(Usage.ZERO);
        }
    }

    private void start(ContentBlockStartEvent e) {
        int index = e.contentBlockIndex();
        var use = e.start() == null ? null : e.start().toolUse();
        if (use != null && open.add(index)) {
            sink.accept(new StreamEvent.BlockStart(index, StreamEvent.BlockKind.TOOL_USE, use.toolUseId(), use.name()));
        }
    }

    private void delta(ContentBlockDeltaEvent e) {
        int index = e.contentBlockIndex();
        var d = e.delta();
        if (d == null) {
            return;
        }
        if (d.text() != null) {
            open(index, StreamEvent.BlockKind.TEXT);
            sink.accept(new StreamEvent.TextDelta(index, d.text()));
        } else if (d.toolUse() != null) {
            open(index, StreamEvent.BlockKind.TOOL_USE);
            sink.accept(new StreamEvent.ToolArgsDelta(index, d.toolUse().input()));
        } else if (d.reasoningContent() != null) {
            open(index, StreamEvent.BlockKind.THINKING);
            if (d.reasoningContent().text() != null) {
                sink.accept(new StreamEvent.ThinkingDelta(
                        index, d.reasoningContent().text()));
            }
            if (d.reasoningContent().signature() != null) {
                sink.accept(new StreamEvent.SignatureDelta(
                        index, d.reasoningContent().signature()));
            }
        }
    }

    private void open(int index, StreamEvent.BlockKind kind) {
        if (open.add(index)) {
            sink.accept(new StreamEvent.BlockStart(index, kind, null, null));
        }
    }

    private void finish(Usage usage) {
        if (finished) {
            return;
        }
        finished = true;
        open.stream().sorted().forEach(i -> sink.accept(new StreamEvent.BlockStop(i)));
        open.clear();
        sink.accept(new StreamEvent.Finish(stopReason == null ? StopReason.END_TURN : stopReason, null, usage));
    }
}
