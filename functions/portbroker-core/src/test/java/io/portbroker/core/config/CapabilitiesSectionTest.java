package io.portbroker.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningStyle;
import io.portbroker.protocol.profile.CapabilityProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code capabilities:} section: the split shape, the older flat {@code profile:} and their written form. */
class CapabilitiesSectionTest {

    private static ProviderConfig only(String yaml) {
        return PortBrokerConfigFile.parse(yaml).providers().getFirst();
    }

    @Test
    void parse_shouldReadTheCommonAndTheDialectPart_whenGivenTheSplitShape() {
        // when
        ProviderConfig p = only("""
                providers:
                  - id: ds
                    base_url: https://api.deepseek.com/v1
                    capabilities:
                      common: {max_output_tokens: 8192, vision: false}
                      openai_chat: {reasoning_style: deepseek, seed: false}
                """);

        // then
        assertThat(p.profile().common().maxOutputTokens()).isEqualTo(8192);
        assertThat(p.profile().common().vision()).isFalse();
        OpenAiChatCapabilities chat =
                p.profile().part(OpenAiChatCapabilities.class).orElseThrow();
        assertThat(chat.reasoningStyle()).isEqualTo(ReasoningStyle.DEEPSEEK);
        assertThat(chat.seed()).isFalse();
        assertThat(chat.streamUsage())
                .isEqualTo(OpenAiChatCapabilities.defaults().streamUsage());
    }

    @Test
    void parse_shouldGiveTheSameProfile_whenTheOlderFlatShapeSaysTheSame() {
        // given
        String flat = """
                providers:
                  - id: ds
                    base_url: https://api.deepseek.com/v1
                    profile: {max_output_tokens: 8192, vision: false, reasoning_style: deepseek}
                """;
        String split = """
                providers:
                  - id: ds
                    base_url: https://api.deepseek.com/v1
                    capabilities:
                      common: {max_output_tokens: 8192, vision: false}
                      openai_chat: {reasoning_style: deepseek}
                """;

        // when / then
        assertThat(only(flat).profile()).isEqualTo(only(split).profile());
    }

    @Test
    void parse_shouldLeaveOutTheOpenAiPart_whenABedrockProviderConfiguresOnlyTheCommonPart() {
        // when
        ProviderConfig p = only("""
                providers:
                  - id: br
                    dialect: bedrock-converse
                    region: us-east-1
                    capabilities: {common: {max_output_tokens: 4096}}
                """);

        // then: a Bedrock provider's profile carries no OpenAI-only settings it would never read
        assertThat(p.profile().parts()).isEmpty();
        assertThat(p.profile().common().maxOutputTokens()).isEqualTo(4096);
    }

    @Test
    void parse_shouldFillTheOwnDialectsDefaults_whenAnOpenAiProviderConfiguresNothing() {
        // when
        ProviderConfig p = only("""
                providers:
                  - id: o
                    base_url: https://api.openai.com/v1
                """);

        // then
        assertThat(p.profile()).isEqualTo(OpenAiChatCapabilities.defaultProfile());
    }

    @Test
    void write_shouldProduceTheSplitShape_whichReadsBackToTheSameProfile() {
        // given
        CapabilityProfile profile = only("""
                providers:
                  - id: ds
                    base_url: https://api.deepseek.com/v1
                    profile: {max_output_tokens: 8192, sampling_params: [top_k], reasoning_style: openrouter,
                              max_tokens_field: max_completion_tokens}
                """).profile();

        // when
        Map<String, Object> written = CapabilitiesJson.write(profile);

        // then
        assertThat(written).containsOnlyKeys("common", "openai_chat");
        assertThat(CapabilitiesJson.read(written, "openai-chat")).isEqualTo(profile);
    }

    @Test
    void read_shouldTakeDefaultsAndIgnoreUnknownKeys_whenAStoredItemIsOlderOrNewer() {
        // given: a stored common part missing fields, with a key this version does not know
        Map<String, Object> stored = Map.of("common", Map.of("max_output_tokens", 2048L, "added_later", true));

        // when
        CapabilityProfile read = CapabilitiesJson.read(stored, "openai-chat");

        // then
        assertThat(read.common().maxOutputTokens()).isEqualTo(2048);
        assertThat(read.part(OpenAiChatCapabilities.class)).contains(OpenAiChatCapabilities.defaults());
    }

    @Test
    void readFlat_shouldReadAnOlderItem_whoseEnumsAreStoredAsConstantNames() {
        // given: the flat map items were written with before the split
        Map<String, Object> stored = Map.of(
                "max_output_tokens",
                8192L,
                "max_tokens_field",
                "MAX_COMPLETION_TOKENS",
                "reasoning_style",
                "DEEPSEEK",
                "sampling_params",
                java.util.List.of("temperature"));

        // when
        CapabilityProfile read = CapabilitiesJson.readFlat(stored, "openai-chat");

        // then
        OpenAiChatCapabilities chat = read.part(OpenAiChatCapabilities.class).orElseThrow();
        assertThat(chat.reasoningStyle()).isEqualTo(ReasoningStyle.DEEPSEEK);
        assertThat(chat.maxTokensField()).isEqualTo(OpenAiChatCapabilities.MaxTokensField.MAX_COMPLETION_TOKENS);
        assertThat(read.common().samplingParams()).containsExactly("temperature");
    }
}
