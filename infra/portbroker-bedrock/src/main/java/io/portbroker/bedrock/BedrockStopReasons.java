package io.portbroker.bedrock;

import software.amazon.awssdk.services.bedrockruntime.model.StopReason;

/** Maps Converse stop reasons to PortBroker's neutral {@link io.portbroker.protocol.ir.StopReason}. */
final class BedrockStopReasons {
    private BedrockStopReasons() {}

    /** The neutral stop reason; an unknown or missing reason is a normal end of turn. */
    static io.portbroker.protocol.ir.StopReason toIr(StopReason reason) {
        if (reason == null) {
            return io.portbroker.protocol.ir.StopReason.END_TURN;
        }
        return switch (reason) {
            case MAX_TOKENS, MODEL_CONTEXT_WINDOW_EXCEEDED -> io.portbroker.protocol.ir.StopReason.MAX_TOKENS;
            case STOP_SEQUENCE -> io.portbroker.protocol.ir.StopReason.STOP_SEQUENCE;
            case TOOL_USE -> io.portbroker.protocol.ir.StopReason.TOOL_USE;
            case GUARDRAIL_INTERVENED, CONTENT_FILTERED -> io.portbroker.protocol.ir.StopReason.REFUSAL;
            default -> io.portbroker.protocol.ir.StopReason.END_TURN;
        };
    }
}
