package io.portbroker.testkit;

import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.MaxTokensField;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningPassback;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningStyle;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.util.Set;

/** Builds capability profiles from the OpenAI defaults: {@code Profiles.openAi().maxOutputTokens(8192).build()}. */
public final class Profiles {

    private int maxOutputTokens;
    private MaxTokensField maxTokensField;
    private Set<String> samplingParams;
    private Set<String> toolChoiceModes;
    private boolean parallelToolCalls;
    private boolean vision;
    private boolean pdf;
    private ReasoningStyle reasoningStyle;
    private ReasoningPassback reasoningPassback;
    private int maxStopSequences;
    private boolean streamUsage;
    private Set<String> stripSchemaKeys;
    private boolean seed;
    private boolean openAiChatPart = true;

    private Profiles(CommonCapabilities common, OpenAiChatCapabilities chat) {
        maxOutputTokens = common.maxOutputTokens();
        samplingParams = common.samplingParams();
        vision = common.vision();
        pdf = common.pdf();
        maxStopSequences = common.maxStopSequences();
        maxTokensField = chat.maxTokensField();
        toolChoiceModes = chat.toolChoiceModes();
        parallelToolCalls = chat.parallelToolCalls();
        reasoningStyle = chat.reasoningStyle();
        reasoningPassback = chat.reasoningPassback();
        streamUsage = chat.streamUsage();
        stripSchemaKeys = chat.stripSchemaKeys();
        seed = chat.seed();
    }

    public static Profiles openAi() {
        return new Profiles(CommonCapabilities.defaults(), OpenAiChatCapabilities.defaults());
    }

    /** A profile with the common part only, as an Anthropic-native or Bedrock provider configures it. */
    public static Profiles commonOnly() {
        Profiles p = openAi();
        p.openAiChatPart = false;
        return p;
    }

    /** A profile unlike the defaults in every field: round-trip tests use it to catch a field that is dropped. */
    public static CapabilityProfile everyFieldChanged() {
        return openAi().maxOutputTokens(8192)
                .maxTokensField(MaxTokensField.MAX_COMPLETION_TOKENS)
                .samplingParams("top_k")
                .toolChoiceModes("auto", "none")
                .parallelToolCalls(false)
                .vision(false)
                .pdf(true)
                .reasoning(ReasoningStyle.DEEPSEEK, ReasoningPassback.REASONING_CONTENT)
                .maxStopSequences(16)
                .streamUsage(false)
                .stripSchemaKeys("$schema", "format")
                .seed(false)
                .build();
    }

    public Profiles maxOutputTokens(int value) {
        maxOutputTokens = value;
        return this;
    }

    public Profiles maxTokensField(MaxTokensField value) {
        maxTokensField = value;
        return this;
    }

    public Profiles samplingParams(String... names) {
        samplingParams = Set.of(names);
        return this;
    }

    public Profiles toolChoiceModes(String... modes) {
        toolChoiceModes = Set.of(modes);
        return this;
    }

    public Profiles parallelToolCalls(boolean value) {
        parallelToolCalls = value;
        return this;
    }

    public Profiles vision(boolean value) {
        vision = value;
        return this;
    }

    public Profiles pdf(boolean value) {
        pdf = value;
        return this;
    }

    public Profiles reasoning(ReasoningStyle style, ReasoningPassback passback) {
        reasoningStyle = style;
        reasoningPassback = passback;
        return this;
    }

    public Profiles maxStopSequences(int value) {
        maxStopSequences = value;
        return this;
    }

    public Profiles streamUsage(boolean value) {
        streamUsage = value;
        return this;
    }

    public Profiles stripSchemaKeys(String... keys) {
        stripSchemaKeys = Set.of(keys);
        return this;
    }

    public Profiles seed(boolean value) {
        seed = value;
        return this;
    }

    public CapabilityProfile build() {
        CommonCapabilities common =
                new CommonCapabilities(maxOutputTokens, samplingParams, vision, pdf, maxStopSequences);
        if (!openAiChatPart) {
            return CapabilityProfile.of(common);
        }
        return CapabilityProfile.of(
                common,
                new OpenAiChatCapabilities(
                        maxTokensField,
                        toolChoiceModes,
                        parallelToolCalls,
                        reasoningStyle,
                        reasoningPassback,
                        streamUsage,
                        stripSchemaKeys,
                        seed));
    }
}
