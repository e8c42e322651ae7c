package io.portbroker.protocol.ir;

/**
 * Why generation stopped, in PortBroker's own terms. Each dialect maps these to and from its wire values in its
 * codec (Anthropic {@code stop_reason}, OpenAI {@code finish_reason}, Bedrock {@code stopReason}); no wire value
 * lives here.
 */
public enum StopReason {
    /** The model finished its turn. */
    END_TURN,
    /** The output limit was reached. */
    MAX_TOKENS,
    /** A caller-given stop sequence fired. */
    STOP_SEQUENCE,
    /** The model wants tool results before it continues. */
    TOOL_USE,
    /** A long-running turn was paused and may be continued. */
    PAUSE_TURN,
    /** The model or a content filter declined to answer. */
    REFUSAL
}
