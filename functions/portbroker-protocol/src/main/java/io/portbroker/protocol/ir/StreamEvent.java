package io.portbroker.protocol.ir;

/**
 * One event of a streamed answer in dialect-neutral form. Indexes are positions in the final content array;
 * a well-formed stream is: MessageStart, then per block BlockStart, deltas, BlockStop (one block open at a
 * time, indexes 0,1,2...), then Finish — or Error at any point, which ends the stream. Ping may appear anywhere.
 */
public sealed interface StreamEvent {

    /** The stream began; {@code usage} holds a conservative input estimate and zero output. */
    record MessageStart(String id, String model, Usage usage) implements StreamEvent {}

    /** A block opens. {@code kind} says which delta types may follow. */
    record BlockStart(int index, BlockKind kind, String toolUseId, String toolName) implements StreamEvent {}

    record TextDelta(int index, String text) implements StreamEvent {}

    /** A fragment of a tool call's JSON arguments, forwarded as it arrives. */
    record ToolArgsDelta(int index, String partialJson) implements StreamEvent {}

    record ThinkingDelta(int index, String thinking) implements StreamEvent {}

    record SignatureDelta(int index, String signature) implements StreamEvent {}

    record BlockStop(int index) implements StreamEvent {}

    /** The answer is complete; {@code usage} is cumulative for the whole message. */
    record Finish(StopReason stopReason, String stopSequence, Usage usage) implements StreamEvent {}

    /** Keep-alive during upstream silence. */
    record Ping() implements StreamEvent {}

    /**
     * The stream failed; nothing follows. {@code category} is PortBroker's error kind, which the client dialect
     * names on the wire; {@code message} is safe to show.
     */
    record Error(io.portbroker.error.ErrorCategory category, String message) implements StreamEvent {}

    /** The kind of a content block in a stream. */
    enum BlockKind {
        TEXT,
        THINKING,
        TOOL_USE
    }
}
