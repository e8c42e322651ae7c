package io.portbroker.protocol.ir;

/** Requested reasoning behaviour. */
public sealed interface ThinkingConfig {

    record Disabled() implements ThinkingConfig {}

    /** Explicit budget in tokens. */
    record Enabled(int budgetTokens) implements ThinkingConfig {}

    /** The model decides; {@code effort} is {@code low|medium|high|max} or null. */
    record Adaptive(String effort) implements ThinkingConfig {}
}
