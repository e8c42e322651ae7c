package io.portbroker.protocol.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one provider (or one upstream model of it) accepts. Lives in provider configuration; encoders consult it
 * instead of guessing from model names. A {@link #common()} part every upstream dialect reads, plus at most one
 * part per upstream dialect ({@link DialectCapabilities}), held by its type: each encoder reads its own part with
 * {@link #part(Class, DialectCapabilities)} and falls back to that dialect's defaults when the provider configures
 * none. A new dialect adds a part type of its own; neither this record nor the existing parts change.
 *
 * @param common what every upstream dialect reads
 * @param parts the dialect-specific parts by their type (at most one per type)
 */
public record CapabilityProfile(
        CommonCapabilities common, Map<Class<? extends DialectCapabilities>, DialectCapabilities> parts) {

    /**
     * @throws IllegalArgumentException when a part is held under a type it is not an instance of
     */
    public CapabilityProfile {
        Objects.requireNonNull(common, "common");
        parts = Map.copyOf(parts);
        parts.forEach((type, part) -> {
            if (!type.isInstance(part)) {
                throw new IllegalArgumentException("a capability part is held under the wrong type");
            }
        });
    }

    /** A profile with a common part and the given dialect parts (a later part of the same type wins). */
    public static CapabilityProfile of(CommonCapabilities common, DialectCapabilities... parts) {
        CapabilityProfile profile = new CapabilityProfile(common, Map.of());
        for (DialectCapabilities part : parts) {
            profile = profile.with(part);
        }
        return profile;
    }

    /** The dialect part of {@code type}, if the provider configured one. */
    public <T extends DialectCapabilities> Optional<T> part(Class<T> type) {
        return Optional.ofNullable(parts.get(type)).map(type::cast);
    }

    /** The dialect part of {@code type}, or {@code fallback} (that dialect's defaults) when there is none. */
    public <T extends DialectCapabilities> T part(Class<T> type, T fallback) {
        return part(type).orElse(fallback);
    }

    /** This profile with {@code part} replacing any part of the same type. */
    public CapabilityProfile with(DialectCapabilities part) {
        Map<Class<? extends DialectCapabilities>, DialectCapabilities> copy = new LinkedHashMap<>(parts);
        copy.put(part.getClass(), part);
        return new CapabilityProfile(common, copy);
    }

    /** This profile with another common part. */
    public CapabilityProfile withCommon(CommonCapabilities value) {
        return new CapabilityProfile(value, parts);
    }

    /** This profile with another output cap (a route target's lower limit). */
    public CapabilityProfile withMaxOutputTokens(int cap) {
        return withCommon(common.withMaxOutputTokens(cap));
    }

    /** A conservative profile that fits the OpenAI Chat Completions API of a typical GPT-4-class model. */
    public static CapabilityProfile openAiDefaults() {
        return of(CommonCapabilities.defaults(), OpenAiChatCapabilities.defaults());
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
