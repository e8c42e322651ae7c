package io.portbroker.protocol.openai;

import io.portbroker.protocol.ir.StopReason;

/** Maps OpenAI {@code finish_reason} values to PortBroker stop reasons and back; shared by the stream and non-stream paths. */
public final class OpenAiFinishReasons {
    private OpenAiFinishReasons() {}

    /**
     * Maps a finish reason.
     *
     * @param finishReason the upstream value (may be null or unknown)
     * @param sawToolCalls whether the answer contained tool calls (some servers say {@code stop} anyway)
     * @param matchedStop the stop string that fired, when the upstream said (vLLM {@code stop_reason}), else null
     */
    public static StopReason map(String finishReason, boolean sawToolCalls, String matchedStop) {
        if (sawToolCalls && !"length".equals(finishReason) && !"content_filter".equals(finishReason)) {
            return StopReason.TOOL_USE;
        }
        if (finishReason == null) {
            return StopReason.END_TURN;
        }
        return switch (finishReason) {
            case "length" -> StopReason.MAX_TOKENS;
            case "tool_calls", "function_call" -> StopReason.TOOL_USE;
            case "content_filter" -> StopReason.REFUSAL;
            case "stop" -> matchedStop != null ? StopReason.STOP_SEQUENCE : StopReason.END_TURN;
            default -> StopReason.END_TURN;
        };
    }
}
