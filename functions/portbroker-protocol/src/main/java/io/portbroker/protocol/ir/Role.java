package io.portbroker.protocol.ir;

/** Speaker of a turn. {@code SYSTEM} turns may appear mid-conversation (Claude Code 2.1+). */
public enum Role {
    USER,
    ASSISTANT,
    SYSTEM
}
