package io.portbroker.protocol.profile;

import java.util.Set;

/**
 * The part of a profile only the OpenAI Chat Completions upstream dialect reads (configuration key
 * {@code openai_chat}).
 *
 * @param maxTokensField which request field carries the output limit
 * @param toolChoiceModes which of {@code auto}, {@code required}, {@code none}, {@code function} it accepts
 * @param parallelToolCalls whether {@code parallel_tool_calls} may be sent
 * @param reasoningStyle how thinking config is expressed upstream
 * @param reasoningPassback how earlier thinking blocks are sent back upstream
 * @param streamUsage whether {@code stream_options.include_usage} may be sent
 * @param stripSchemaKeys JSON-schema keys to remove from tool schemas
 * @param seed whether a client's {@code seed} may be forwarded (most OpenAI-compatible servers take it)
 */
public record OpenAiChatCapabilities(
        CapabilityProfile.MaxTokensField maxTokensField,
        Set<String> toolChoiceModes,
        boolean parallelToolCalls,
        CapabilityProfile.ReasoningStyle reasoningStyle,
        CapabilityProfile.ReasoningPassback reasoningPassback,
        boolean streamUsage,
        Set<String> stripSchemaKeys,
        boolean seed)
        implements DialectCapabilities {
    public OpenAiChatCapabilities {
        toolChoiceModes = Set.copyOf(toolChoiceModes);
        stripSchemaKeys = Set.copyOf(stripSchemaKeys);
    }

    /** What a provider without an {@code openai_chat} part gets: a typical GPT-4-class Chat Completions API. */
    public static OpenAiChatCapabilities defaults() {
        return new OpenAiChatCapabilities(
                CapabilityProfile.MaxTokensField.MAX_TOKENS,
                Set.of("auto", "required", "none", "function"),
                true,
                CapabilityProfile.ReasoningStyle.NONE,
                CapabilityProfile.ReasoningPassback.NONE,
                true,
                Set.of("$schema"),
                true);
    }

    /** The OpenAI Chat Completions part of {@code profile}, or {@link #defaults()} when it has none. */
    public static OpenAiChatCapabilities of(CapabilityProfile profile) {
        return profile.part(OpenAiChatCapabilities.class, defaults());
    }
}
