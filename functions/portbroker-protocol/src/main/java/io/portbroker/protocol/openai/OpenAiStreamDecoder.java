package io.portbroker.protocol.openai;

import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.StreamDecoder;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.StreamEvent.BlockKind;
import io.portbroker.protocol.ir.Usage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns OpenAI Chat Completions stream chunks into IR stream events with exactly one block open at a time.
 * Reasoning ({@code reasoning_content} or {@code reasoning}) becomes a signed thinking block, {@code content} a
 * text block, each tool call a tool_use block; a chunk carrying several kinds is split in that order. Tool-call
 * fragments may arrive in any interleaving: a call streams while its block is open, the others are held until
 * the open call's arguments form a complete JSON value (or the answer finishes), and no argument text is ever
 * dropped. The finish is held until usage arrives or the stream ends. A stream that ends cleanly ({@code [DONE]},
 * or the end of the body after at least one chunk) without any {@code finish_reason} is a normal end:
 * {@code tool_use} when tool calls were streamed, else {@code end_turn}; only a body without a single chunk, or a
 * failure reported through {@link #onFailure}, ends in an error. Chunks are read by
 * {@link OpenAiChunkReader}. Not thread-safe: one per stream.
 */
public final class OpenAiStreamDecoder implements StreamDecoder {
    private static final String CUT = "upstream stream ended before the response was complete";

    private final NormalizedRequest request;
    private final String messageId;
    private final StreamEventSink sink;
    private final ThinkingSignatures signatures;
    private final long inputTokenEstimate;
    private final Map<String, String> toolNames;
    private final Map<Integer, StreamToolCall> calls = new LinkedHashMap<>();
    private final StringBuilder thinking = new StringBuilder();

    private boolean started;
    private boolean done;
    private int nextIndex;
    private BlockKind openKind;
    private int openIndex;
    private StreamToolCall openCall;
    private long emittedChars;
    private boolean sawToolCalls;
    private boolean sawChunk;
    private String finishReason;
    private String matchedStop;
    private Usage usage;

    /**
     * @param request the client's request (model echoed back; tool names restored from its tools)
     * @param messageId the Anthropic message id to announce
     * @param sink receives the events
     * @param signatures signs synthesised thinking
     * @param inputTokenEstimate a conservative input estimate, reported until real usage arrives
     */
    public OpenAiStreamDecoder(
            NormalizedRequest request,
            String messageId,
            StreamEventSink sink,
            ThinkingSignatures signatures,
            long inputTokenEstimate) {
        this.request = request;
        this.messageId = messageId;
        this.sink = sink;
        this.signatures = signatures;
        this.inputTokenEstimate = inputTokenEstimate;
        this.toolNames = ToolNames.reverseMap(request.tools());
    }

    @Override
    public void onData(String data) {
        if (done) {
            return;
        }
        start();
        if ("[DONE]".equals(data.strip())) {
            sawChunk = true;
            onEnd();
            return;
        }
        OpenAiStreamChunk chunk = OpenAiChunkReader.read(data);
        if (chunk == null) {
            fail(ErrorCategory.PROVIDER_SERVER, "upstream sent a malformed stream chunk");
            return;
        }
        sawChunk = true;
        if (chunk.error() != null) {
            fail(OpenAiStreamErrors.category(chunk.error()), OpenAiStreamErrors.safeMessage(chunk.error()));
            return;
        }
        if (finishReason == null && chunk.choice() != null) {
            onChoice(chunk.choice());
        }
        if (chunk.usage() != null && chunk.usage().isObject()) {
            usage = OpenAiUsage.parse(chunk.usage());
        }
        if (finishReason != null && usage != null) {
            finish();
        }
    }

    @Override
    public void onEnd() {
        if (done) {
            return;
        }
        start();
        if (finishReason == null && sawChunk) {
            // a clean end without a finish reason: close what is open, then stop as the content says
            closeAll();
        }
        if (finishReason != null || sawChunk) {
            finish();
        } else {
            fail(ErrorCategory.PROVIDER_SERVER, CUT);
        }
    }

    @Override
    public void onFailure(GatewayException failure) {
        if (done) {
            return;
        }
        start();
        fail(failure.category(), failure.getMessage());
    }

    @Override
    public boolean isDone() {
        return done;
    }

    private void start() {
        if (!started) {
            started = true;
            emit(new StreamEvent.MessageStart(messageId, request.model(), new Usage(inputTokenEstimate, 0, 0, 0)));
        }
    }

    private void onChoice(OpenAiStreamChunk.Choice choice) {
        OpenAiStreamChunk.Delta delta = choice.delta();
        String reasoning = delta.reasoningContent().isEmpty() ? delta.reasoning() : delta.reasoningContent();
        if (!reasoning.isEmpty()) {
            openIfNeeded(BlockKind.THINKING);
            thinking.append(reasoning);
            emitCounted(new StreamEvent.ThinkingDelta(openIndex, reasoning), reasoning);
        }
        String content = delta.content();
        if (!content.isEmpty()) {
            openIfNeeded(BlockKind.TEXT);
            emitCounted(new StreamEvent.TextDelta(openIndex, content), content);
        }
        List<OpenAiStreamChunk.ToolFragment> toolCalls = delta.toolCalls();
        for (int i = 0; i < toolCalls.size() && !done; i++) {
            onToolFragment(toolCalls.get(i));
        }
        String reason = choice.finishReason();
        if (!reason.isEmpty() && !done) {
            finishReason = reason;
            matchedStop = choice.stopReason();
            closeAll();
        }
    }

    private void onToolFragment(OpenAiStreamChunk.ToolFragment fragment) {
        sawToolCalls = true;
        StreamToolCall call = calls.computeIfAbsent(fragment.key(), k -> new StreamToolCall());
        if (call.id == null && !fragment.id().isEmpty()) {
            call.id = normaliseId(fragment.id());
        }
        if (call.name == null && !fragment.name().isEmpty()) {
            call.name = ToolNames.restore(toolNames, fragment.name());
        }
        String fresh = call.accept(fragment.arguments());
        if (!fresh.isEmpty()) {
            if (call.stopped) {
                fail(ErrorCategory.PROVIDER_SERVER, "upstream sent tool call arguments after the tool call had ended");
                return;
            }
            if (call == openCall) {
                emitCounted(new StreamEvent.ToolArgsDelta(openIndex, fresh), fresh);
            } else {
                call.hold(fresh);
            }
        }
        pumpTools();
    }

    /** Opens the next named call when no call is open, or when the open call's arguments are complete. */
    private void pumpTools() {
        while (openCall == null || openCall.complete()) {
            StreamToolCall next = nextStartable();
            if (next == null) {
                return;
            }
            openTool(next);
        }
    }

    private StreamToolCall nextStartable() {
        for (StreamToolCall call : calls.values()) {
            if (!call.started() && call.name != null) {
                return call;
            }
        }
        return null;
    }

    private void openTool(StreamToolCall call) {
        closeOpen();
        call.blockIndex = nextIndex;
        if (call.id == null) {
            call.id = "toolu_" + normaliseId(messageId) + "_" + nextIndex;
        }
        open(BlockKind.TOOL_USE, call.id, call.name);
        openCall = call;
        String held = call.drainPending();
        if (!held.isEmpty()) {
            emitCounted(new StreamEvent.ToolArgsDelta(openIndex, held), held);
        }
    }

    private void openIfNeeded(BlockKind kind) {
        if (openKind != kind) {
            closeOpen();
            open(kind, null, null);
        }
    }

    private void open(BlockKind kind, String toolId, String toolName) {
        openKind = kind;
        openIndex = nextIndex++;
        emit(new StreamEvent.BlockStart(openIndex, kind, toolId, toolName));
    }

    private void closeOpen() {
        if (openKind == null) {
            return;
        }
        if (openKind == BlockKind.THINKING) {
            emit(new StreamEvent.SignatureDelta(openIndex, signatures.sign(thinking.toString())));
            thinking.setLength(0);
        } else if (openKind == BlockKind.TOOL_USE) {
            openCall.stopped = true;
            openCall = null;
        }
        emit(new StreamEvent.BlockStop(openIndex));
        openKind = null;
    }

    /** At finish_reason: closes the open block and streams every call still held, in order of appearance. */
    private void closeAll() {
        closeOpen();
        for (StreamToolCall call : calls.values()) {
            if (!call.started()) {
                if (call.name == null) {
                    fail(ErrorCategory.PROVIDER_SERVER, "upstream sent a tool call without a name");
                    return;
                }
                openTool(call);
                closeOpen();
            }
        }
    }

    private void finish() {
        if (done) {
            return;
        }
        Usage total = usage != null ? usage : new Usage(inputTokenEstimate, (emittedChars + 3) / 4, 0, 0);
        StopReason stop = OpenAiFinishReasons.map(finishReason, sawToolCalls, matchedStop);
        String sequence = stop == StopReason.STOP_SEQUENCE ? matchedStop : null;
        emit(new StreamEvent.Finish(stop, sequence, total));
        done = true;
    }

    /** Anthropic clients do not expect open blocks to be stopped before an error; the error ends the stream. */
    private void fail(ErrorCategory category, String message) {
        emit(new StreamEvent.Error(category, message));
        done = true;
    }

    private void emitCounted(StreamEvent event, String text) {
        emittedChars += text.length();
        sink.accept(event);
    }

    private void emit(StreamEvent event) {
        sink.accept(event);
    }

    /** Tool ids must match {@code ^[a-zA-Z0-9_-]+$}; anything else (Gemini's decorations) becomes '_'. */
    static String normaliseId(String raw) {
        StringBuilder out = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok && out == null) {
                out = new StringBuilder(raw.length()).append(raw, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '_');
            }
        }
        return out == null ? raw : out.toString();
    }
}
