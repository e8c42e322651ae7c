package io.portbroker.protocol.ir;

/** Why generation stopped; the values are exactly Anthropic's {@code stop_reason} enum. */
public enum StopReason {
    END_TURN("end_turn"),
    MAX_TOKENS("max_tokens"),
    STOP_SEQUENCE("stop_sequence"),
    TOOL_USE("tool_use"),
    PAUSE_TURN("pause_turn"),
    REFUSAL("refusal");

    private final String wire;

    StopReason(String wire) {
        this.wire = wire;
    }

    /** The Anthropic wire value. */
    public String wire() {
        return wire;
    }
}
