package io.portbroker.protocol.openai;

import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import io.portbroker.protocol.profile.DialectCapabilities;
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
        MaxTokensField maxTokensField,
        Set<String> toolChoiceModes,
        boolean parallelToolCalls,
        ReasoningStyle reasoningStyle,
        ReasoningPassback reasoningPassback,
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
                MaxTokensField.MAX_TOKENS,
                Set.of("auto", "required", "none", "function"),
                true,
                ReasoningStyle.NONE,
                ReasoningPassback.NONE,
                true,
                Set.of("$schema"),
                true);
    }

    /**
     * A conservative profile that fits the OpenAI Chat Completions API of a typical GPT-4-class model: the common
     * defaults and this part's defaults (what an {@code openai-chat} provider that configures nothing gets).
     */
    public static CapabilityProfile defaultProfile() {
        return CapabilityProfile.of(CommonCapabilities.defaults(), defaults());
    }

    /** The OpenAI Chat Completions part of {@code profile}, or {@link #defaults()} when it has none. */
    public static OpenAiChatCapabilities of(CapabilityProfile profile) {
        return profile.part(OpenAiChatCapabilities.class, defaults());
    }

    /** Which request field carries the output limit. */
    public enum MaxTokensField {
        MAX_TOKENS("max_tokens"),
        MAX_COMPLETION_TOKENS("max_completion_tokens");

        private final String wire;

        MaxTokensField(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    /** How thinking configuration is expressed to the provider. */
    public enum ReasoningStyle {
        /** No reasoning controls: thinking config is dropped. */
        NONE,
        /** OpenAI o-series / gpt-5: {@code reasoning_effort}. */
        OPENAI_EFFORT,
        /** DeepSeek: {@code thinking:{type}} plus {@code reasoning_effort}. */
        DEEPSEEK,
        /** OpenRouter: {@code reasoning:{max_tokens|effort}}. */
        OPENROUTER,
        /** vLLM / Qwen: {@code chat_template_kwargs.enable_thinking}. */
        CHAT_TEMPLATE_KWARGS
    }

    /** How earlier thinking blocks go back upstream. */
    public enum ReasoningPassback {
        NONE,
        /** On the assistant message as {@code reasoning_content} (DeepSeek thinking mode). */
        REASONING_CONTENT,
        /** On the assistant message as {@code reasoning} (OpenRouter). */
        REASONING
    }
}
