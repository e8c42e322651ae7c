package io.portbroker.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.testing.Targets;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.MaxTokensField;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningPassback;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningStyle;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class PortBrokerConfigFileTest {

    @Test
    void parse_shouldApplyDefaults_whenOnlyRequiredFieldsAreGiven() {
        // given
        String yaml = """
                providers:
                  - id: local
                    base_url: http://127.0.0.1:11434/v1
                routes:
                  - model: claude-*
                    targets:
                      - provider: local
                        model: qwen
                      - provider: local
                        model: llama
                """;

        // when
        PortBrokerConfigFile file = PortBrokerConfigFile.parse(yaml);

        // then
        assertThat(file.providers())
                .containsExactly(Providers.openAi("local")
                        .dialect("openai-chat")
                        .baseUrl("http://127.0.0.1:11434/v1")
                        .noCredential()
                        .profile(OpenAiChatCapabilities.defaultProfile())
                        .timeouts(Timeouts.defaults())
                        .enabled(true)
                        .build());
        assertThat(file.routes())
                .containsExactly(Routes.route("claude-*")
                        .to(Targets.target("local", "qwen")
                                .priority(0)
                                .weight(1)
                                .build())
                        .to(Targets.target("local", "llama")
                                .priority(1)
                                .weight(1)
                                .build())
                        .strategy("priority")
                        .listed(false)
                        .build());
    }

    @Test
    void parse_shouldReadEveryField_whenAllAreGiven() {
        // given
        String yaml = """
                version: 1
                providers:
                  - id: deepseek
                    dialect: openai-chat
                    base_url: https://api.deepseek.com/v1
                    api_key_env: DEEPSEEK_API_KEY
                    enabled: false
                    timeouts: {connect: 500ms, first_token: 90s, idle: 2m, total: PT1H}
                    profile:
                      max_output_tokens: 8192
                      max_tokens_field: max-completion-tokens
                      sampling_params: [top_k]
                      tool_choice_modes: [auto, none]
                      parallel_tool_calls: false
                      vision: false
                      pdf: true
                      reasoning_style: DEEPSEEK
                      reasoning_passback: Reasoning_Content
                      max_stop_sequences: 16
                      stream_usage: false
                      strip_schema_keys: [$schema, format]
                    pricing: {input_per_million: 0.27, output_per_million: 1.1}
                routes:
                  - model: claude-sonnet-4-5
                    strategy: lowest-cost
                    listed: false
                    hedge: {delay: 1500ms, use_p95: true}
                    targets:
                      - {provider: deepseek, model: deepseek-chat, priority: 7, weight: 3, max_output_tokens: 4096,
                         context_window: 64000}
                  - model: claude-opus-4-1
                    targets: [{provider: deepseek, model: deepseek-reasoner}]
                  - model: claude-*
                    listed: true
                    targets: [{provider: deepseek, model: deepseek-chat}]
                """;

        // when
        PortBrokerConfigFile file = PortBrokerConfigFile.parse(yaml);

        // then
        CapabilityProfile profile = CapabilityProfile.of(
                new CommonCapabilities(8192, Set.of("top_k"), false, true, 16),
                new OpenAiChatCapabilities(
                        MaxTokensField.MAX_COMPLETION_TOKENS,
                        Set.of("auto", "none"),
                        false,
                        ReasoningStyle.DEEPSEEK,
                        ReasoningPassback.REASONING_CONTENT,
                        false,
                        Set.of("$schema", "format"),
                        true));
        Timeouts timeouts = new Timeouts(
                Duration.ofMillis(500), Duration.ofSeconds(90), Duration.ofMinutes(2), Duration.ofHours(1));
        assertThat(file.providers())
                .containsExactly(Providers.openAi("deepseek")
                        .dialect("openai-chat")
                        .baseUrl("https://api.deepseek.com/v1")
                        .credentialRef("env:DEEPSEEK_API_KEY")
                        .profile(profile)
                        .timeouts(timeouts)
                        .enabled(false)
                        .pricing(0.27, 1.1)
                        .build());
        assertThat(file.routes())
                .containsExactly(
                        Routes.route("claude-sonnet-4-5")
                                .to(Targets.target("deepseek", "deepseek-chat")
                                        .priority(7)
                                        .weight(3)
                                        .maxOutputTokens(4096)
                                        .contextWindow(64000)
                                        .build())
                                .strategy("lowest-cost")
                                .listed(false)
                                .hedge(HedgePolicy.atP95(Duration.ofMillis(1500)))
                                .build(),
                        Routes.route("claude-opus-4-1")
                                .to(Targets.target("deepseek", "deepseek-reasoner")
                                        .build())
                                .strategy("priority")
                                .listed(true)
                                .build(),
                        Routes.route("claude-*")
                                .to(Targets.target("deepseek", "deepseek-chat").build())
                                .strategy("priority")
                                .listed(true)
                                .build());
    }

    @Test
    void parse_shouldKeepDefaultsForOmittedProfileFields_whenProfileIsPartial() {
        // given
        String yaml = """
                providers:
                  - id: a
                    base_url: https://a.example/v1
                    profile: {vision: false, sampling_params: []}
                    timeouts: {idle: 30s}
                """;

        // when
        ProviderConfig provider = PortBrokerConfigFile.parse(yaml).providers().getFirst();

        // then
        CapabilityProfile d = OpenAiChatCapabilities.defaultProfile();
        assertThat(provider.profile())
                .isEqualTo(d.withCommon(new CommonCapabilities(
                        d.common().maxOutputTokens(),
                        Set.of(),
                        false,
                        d.common().pdf(),
                        d.common().maxStopSequences())));
        assertThat(provider.timeouts())
                .isEqualTo(new Timeouts(
                        Timeouts.defaults().connect(),
                        Timeouts.defaults().firstToken(),
                        Duration.ofSeconds(30),
                        Timeouts.defaults().total()));
        assertThat(PortBrokerConfigFile.parse(yaml).routes()).isEmpty();
    }

    @Test
    void load_shouldParseTheDocumentedExample_whenReadingTheRepositoryFile() {
        // given
        Path example = Path.of("../../portbroker.yaml");

        // when
        PortBrokerConfigFile file = PortBrokerConfigFile.load(example);

        // then
        assertThat(file.providers())
                .extracting(ProviderConfig::id)
                .containsExactly("openai", "openai-reasoning", "deepseek", "openrouter", "local");
        assertThat(file.routes())
                .extracting(ModelRoute::pattern)
                .contains("claude-opus-*", "claude-sonnet-*", "claude-haiku-*", "*");
        ProviderConfig deepseek = file.providers().get(2);
        assertThat(deepseek.baseUrl()).isEqualTo(URI.create("https://api.deepseek.com/v1"));
        assertThat(deepseek.credentialRef()).isEqualTo("env:DEEPSEEK_API_KEY");
        assertThat(OpenAiChatCapabilities.of(deepseek.profile()).reasoningStyle())
                .isEqualTo(ReasoningStyle.DEEPSEEK);
        assertThat(OpenAiChatCapabilities.of(deepseek.profile()).reasoningPassback())
                .isEqualTo(ReasoningPassback.REASONING_CONTENT);
        assertThat(deepseek.profile().common().maxOutputTokens()).isEqualTo(8192);
        assertThat(deepseek.pricing()).isEqualTo(new ProviderConfig.Pricing(0.27, 1.1));
        assertThat(file.routes().getFirst().hedge()).isEqualTo(HedgePolicy.atP95(Duration.ofSeconds(2)));
        assertThat(OpenAiChatCapabilities.of(file.providers().getFirst().profile())
                        .maxTokensField())
                .isEqualTo(MaxTokensField.MAX_COMPLETION_TOKENS);
        assertThat(file.providers().get(4).credentialRef()).isNull();
        assertThat(file.providers().get(4).baseUrl()).isEqualTo(URI.create("http://127.0.0.1:11434/v1"));
    }

    @Test
    @Tag("error-path")
    void load_shouldThrowUncheckedIo_whenFileIsMissing(@org.junit.jupiter.api.io.TempDir Path dir) {
        // given
        Path missing = dir.resolve("portbroker.yaml");

        // when / then
        assertThat(Files.exists(missing)).isFalse();
        assertThatThrownBy(() -> PortBrokerConfigFile.load(missing))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("portbroker.yaml");
    }
}
