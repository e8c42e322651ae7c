package io.portbroker.protocol.profile;

import java.util.Set;

/**
 * What one provider (or one upstream model of it) accepts. Lives in provider configuration; encoders consult
 * it instead of guessing from model names. Two parts: {@link #common()} (what every upstream dialect reads) and
 * {@link #openAiChat()} (what only the OpenAI Chat Completions dialect reads); the flat accessors stay for the
 * existing callers and configuration.
 *
 * @param maxOutputTokens the largest output the model allows; requests are clamped to it
 * @param maxTokensField which request field carries the output limit
 * @param samplingParams which of {@code temperature}, {@code top_p}, {@code top_k} the provider accepts
 * @param toolChoiceModes which of {@code auto}, {@code required}, {@code none}, {@code function} it accepts
 * @param parallelToolCalls whether {@code parallel_tool_calls} may be sent
 * @param vision whether image parts are accepted
 * @param pdf whether {@code file} parts with PDF data are accepted
 * @param reasoningStyle how thinking config is expressed upstream
 * @param reasoningPassback how earlier thinking blocks are sent back upstream
 * @param maxStopSequences how many {@code stop} strings the provider accepts (more are enforced locally)
 * @param streamUsage whether {@code stream_options.include_usage} may be sent
 * @param stripSchemaKeys JSON-schema keys to remove from tool schemas (e.g. {@code $schema})
 */
public record CapabilityProfile(
        int maxOutputTokens,
        MaxTokensField maxTokensField,
        Set<String> samplingParams,
        Set<String> toolChoiceModes,
        boolean parallelToolCalls,
        boolean vision,
        boolean pdf,
        ReasoningStyle reasoningStyle,
        ReasoningPassback reasoningPassback,
        int maxStopSequences,
        boolean streamUsage,
        Set<String> stripSchemaKeys) {

    public CapabilityProfile {
        samplingParams = Set.copyOf(samplingParams);
        toolChoiceModes = Set.copyOf(toolChoiceModes);
        stripSchemaKeys = Set.copyOf(stripSchemaKeys);
    }

    /** A profile from its common part and its OpenAI Chat Completions part. */
    public static CapabilityProfile of(CommonCapabilities common, OpenAiChatCapabilities openAi) {
        return new CapabilityProfile(
                common.maxOutputTokens(),
                openAi.maxTokensField(),
                common.samplingParams(),
                openAi.toolChoiceModes(),
                openAi.parallelToolCalls(),
                common.vision(),
                common.pdf(),
                openAi.reasoningStyle(),
                openAi.reasoningPassback(),
                common.maxStopSequences(),
                openAi.streamUsage(),
                openAi.stripSchemaKeys());
    }

    /** The part every upstream dialect reads. */
    public CommonCapabilities common() {
        return new CommonCapabilities(maxOutputTokens, samplingParams, vision, pdf, maxStopSequences);
    }

    /** The part only the OpenAI Chat Completions dialect reads. */
    public OpenAiChatCapabilities openAiChat() {
        return new OpenAiChatCapabilities(
                maxTokensField,
                toolChoiceModes,
                parallelToolCalls,
                reasoningStyle,
                reasoningPassback,
                streamUsage,
                stripSchemaKeys);
    }

    /** This profile with another output cap (a route target's lower limit). */
    public CapabilityProfile withMaxOutputTokens(int cap) {
        CommonCapabilities c = common();
        return of(
                new CommonCapabilities(cap, c.samplingParams(), c.vision(), c.pdf(), c.maxStopSequences()),
                openAiChat());
    }

    /** A conservative profile that fits the OpenAI Chat Completions API of a typical GPT-4-class model. */
    public static CapabilityProfile openAiDefaults() {
        return new CapabilityProfile(
                16_384,
                MaxTokensField.MAX_TOKENS,
                Set.of("temperature", "top_p"),
                Set.of("auto", "required", "none", "function"),
                true,
                true,
                false,
                ReasoningStyle.NONE,
                ReasoningPassback.NONE,
                4,
                true,
                Set.of("$schema"));
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
