package io.portbroker.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.Routes;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The route fingerprint (part of every cache key) follows a Bedrock provider's region and pinned model. */
class BedrockRouteFingerprintTest {
    private static final ModelRoute ROUTE =
            Routes.route("claude-*").to("br", "claude").listed(true).build();

    private static ProviderConfig bedrock(String region, String modelId) {
        BedrockModel model = new BedrockModel(region, modelId);
        return new ProviderConfig(
                "br",
                BedrockModel.DIALECT,
                model.defaultEndpoint(),
                null,
                OpenAiChatCapabilities.defaultProfile(),
                ProviderConfig.Timeouts.defaults(),
                true,
                null,
                model);
    }

    @Test
    void of_shouldChange_whenTheProvidersPinnedModelChanges() {
        String haiku = RouteFingerprint.of(ROUTE, List.of(bedrock("us-east-1", "anthropic.claude-3-haiku")));
        String sonnet = RouteFingerprint.of(ROUTE, List.of(bedrock("us-east-1", "anthropic.claude-3-5-sonnet")));
        String perTarget = RouteFingerprint.of(ROUTE, List.of(bedrock("us-east-1", null)));

        assertThat(haiku).isNotEqualTo(sonnet).isNotEqualTo(perTarget);
        assertThat(RouteFingerprint.of(ROUTE, List.of(bedrock("us-east-1", "anthropic.claude-3-haiku"))))
                .isEqualTo(haiku);
    }
}
