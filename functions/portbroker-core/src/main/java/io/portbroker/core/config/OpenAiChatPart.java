package io.portbroker.core.config;

import static io.portbroker.core.config.CommonPart.or;

import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The {@code openai_chat} part: what only the OpenAI Chat Completions upstream dialect reads. */
final class OpenAiChatPart implements CapabilityPart<RawConfig.OpenAiChat, OpenAiChatCapabilities> {

    private static final Set<String> TOOL_CHOICE_MODES = Set.of("auto", "required", "none", "function");

    @Override
    public String key() {
        return "openai_chat";
    }

    @Override
    public String dialect() {
        return ProviderSection.DEFAULT_DIALECT;
    }

    @Override
    public Class<OpenAiChatCapabilities> type() {
        return OpenAiChatCapabilities.class;
    }

    @Override
    public OpenAiChatCapabilities defaults() {
        return OpenAiChatCapabilities.defaults();
    }

    @Override
    public RawConfig.OpenAiChat raw(RawConfig.Capabilities capabilities) {
        return capabilities.openAiChat();
    }

    @Override
    public OpenAiChatCapabilities read(RawConfig.OpenAiChat raw, String where, Problems problems) {
        OpenAiChatCapabilities d = defaults();
        return new OpenAiChatCapabilities(
                ProfileSection.enumValue(
                        raw.maxTokensField(), d.maxTokensField(), where + ".max_tokens_field", problems),
                CommonPart.names(
                        raw.toolChoiceModes(),
                        d.toolChoiceModes(),
                        TOOL_CHOICE_MODES,
                        where + ".tool_choice_modes",
                        problems),
                or(raw.parallelToolCalls(), d.parallelToolCalls()),
                ProfileSection.enumValue(
                        raw.reasoningStyle(), d.reasoningStyle(), where + ".reasoning_style", problems),
                ProfileSection.enumValue(
                        raw.reasoningPassback(), d.reasoningPassback(), where + ".reasoning_passback", problems),
                or(raw.streamUsage(), d.streamUsage()),
                raw.stripSchemaKeys() == null ? d.stripSchemaKeys() : Set.copyOf(raw.stripSchemaKeys()),
                or(raw.seed(), d.seed()));
    }

    @Override
    public Map<String, Object> write(OpenAiChatCapabilities p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_tokens_field", p.maxTokensField().wire());
        m.put("tool_choice_modes", List.copyOf(new TreeSet<>(p.toolChoiceModes())));
        m.put("parallel_tool_calls", p.parallelToolCalls());
        m.put("reasoning_style", p.reasoningStyle().name().toLowerCase(Locale.ROOT));
        m.put("reasoning_passback", p.reasoningPassback().name().toLowerCase(Locale.ROOT));
        m.put("stream_usage", p.streamUsage());
        m.put("strip_schema_keys", List.copyOf(new TreeSet<>(p.stripSchemaKeys())));
        m.put("seed", p.seed());
        return m;
    }
}
