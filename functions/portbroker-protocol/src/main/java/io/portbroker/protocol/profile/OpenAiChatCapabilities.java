package io.portbroker.protocol.profile;

import java.util.Set;

/**
 * The part of a profile only the OpenAI Chat Completions upstream dialect reads.
 *
 * @param maxTokensField which request field carries the output limit
 * @param toolChoiceModes which of {@code auto}, {@code required}, {@code none}, {@code function} it accepts
 * @param parallelToolCalls whether {@code parallel_tool_calls} may be sent
 * @param reasoningStyle how thinking config is expressed upstream
 * @param reasoningPassback how earlier thinking blocks are sent back upstream
 * @param streamUsage whether {@code stream_options.include_usage} may be sent
 * @param stripSchemaKeys JSON-schema keys to remove from tool schemas
 */
public record OpenAiChatCapabilities(
        CapabilityProfile.MaxTokensField maxTokensField,
        Set<String> toolChoiceModes,
        boolean parallelToolCalls,
        CapabilityProfile.ReasoningStyle reasoningStyle,
        CapabilityProfile.ReasoningPassback reasoningPassback,
        boolean streamUsage,
        Set<String> stripSchemaKeys) {
    public OpenAiChatCapabilities {
        toolChoiceModes = Set.copyOf(toolChoiceModes);
        stripSchemaKeys = Set.copyOf(stripSchemaKeys);
    }
}
