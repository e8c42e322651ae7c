package io.portbroker.protocol.anthropic;

import io.portbroker.protocol.ir.StopReason;
import java.util.Locale;

/** PortBroker's stop reasons as Anthropic's {@code stop_reason} values, both ways. */
public final class AnthropicStopReasons {
    private AnthropicStopReasons() {}

    /** The Anthropic wire value. */
    public static String wire(StopReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads an Anthropic {@code stop_reason}; null or unknown values (a newer API's additions) become
     * {@link StopReason#END_TURN}, the reading that keeps a client's loop going.
     */
    public static StopReason parse(String wire) {
        if (wire == null) {
            return StopReason.END_TURN;
        }
        return switch (wire) {
            case "max_tokens", "model_context_window_exceeded" -> StopReason.MAX_TOKENS;
            case "stop_sequence" -> StopReason.STOP_SEQUENCE;
            case "tool_use" -> StopReason.TOOL_USE;
            case "pause_turn" -> StopReason.PAUSE_TURN;
            case "refusal" -> StopReason.REFUSAL;
            default -> StopReason.END_TURN;
        };
    }
}
