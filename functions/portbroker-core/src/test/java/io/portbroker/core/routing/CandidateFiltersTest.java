package io.portbroker.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Targets;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The capability filter reads the common part, and the OpenAI part only for OpenAI-compatible providers. */
class CandidateFiltersTest {
    private static final RequestNeeds TOOLS = new RequestNeeds(true, false, false, 10, 10);

    private static Candidate candidate(ProviderConfig provider) {
        return new Candidate(provider, Targets.target(provider.id(), "m").build());
    }

    @Test
    void capable_shouldKeepAProviderWithoutAnOpenAiPart_whenTheRequestHasTools() {
        // given: a Bedrock provider configures only the common part; Converse takes tools
        ProviderConfig bedrock = Providers.bedrock("br", "us-east-1", null)
                .profile(CapabilityProfile.of(CommonCapabilities.defaults()))
                .build();

        // when / then
        assertThat(CandidateFilters.CAPABLE.test(candidate(bedrock), TOOLS)).isTrue();
    }

    @Test
    void capable_shouldDropAnOpenAiProviderWithoutToolChoiceModes_whenTheRequestHasTools() {
        // given
        OpenAiChatCapabilities d = OpenAiChatCapabilities.defaults();
        ProviderConfig noTools = Providers.openAi("vllm")
                .profile(OpenAiChatCapabilities.defaultProfile()
                        .with(new OpenAiChatCapabilities(
                                d.maxTokensField(),
                                Set.of(),
                                d.parallelToolCalls(),
                                d.reasoningStyle(),
                                d.reasoningPassback(),
                                d.streamUsage(),
                                d.stripSchemaKeys(),
                                d.seed())))
                .build();

        // when / then
        assertThat(CandidateFilters.CAPABLE.test(candidate(noTools), TOOLS)).isFalse();
        assertThat(CandidateFilters.CAPABLE.test(candidate(noTools), RequestNeeds.none()))
                .isTrue();
    }
}
