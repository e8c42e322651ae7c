package io.portbroker.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code dialect: bedrock-converse} providers: region, model id and endpoint become a keyless provider. */
class BedrockProviderConfigTest {

    private static ProviderConfig parse(String provider) {
        return PortBrokerConfigFile.parse("providers:\n" + provider).providers().getFirst();
    }

    @Test
    void parse_shouldUseTheRegionsPublicEndpointAndNoKey_whenNoOverrideIsGiven() {
        ProviderConfig p = parse("""
                  - id: br
                    dialect: bedrock-converse
                    region: eu-central-1
                    model_id: arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0
                """);

        assertThat(p.dialect()).isEqualTo(BedrockModel.DIALECT);
        assertThat(p.baseUrl()).isEqualTo(URI.create("https://bedrock-runtime.eu-central-1.amazonaws.com"));
        assertThat(p.credentialRef()).isNull();
        assertThat(p.bedrock())
                .isEqualTo(new BedrockModel(
                        "eu-central-1",
                        "arn:aws:bedrock:eu-central-1:123456789012:inference-profile/"
                                + "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"));
        assertThat(p.bedrock().modelFor("ignored")).startsWith("arn:aws:bedrock:");
    }

    @Test
    void parse_shouldCallTheOverrideAndTheTargetsModel_whenAnEndpointButNoModelIsGiven() {
        ProviderConfig p = parse("""
                  - id: br
                    dialect: bedrock-converse
                    region: us-east-1
                    endpoint_override: https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com
                """);

        assertThat(p.baseUrl()).isEqualTo(URI.create("https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com"));
        assertThat(p.bedrock().modelId()).isNull();
        assertThat(p.bedrock().modelFor("anthropic.claude-3-haiku-20240307-v1:0"))
                .isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
    }

    @Test
    void parse_shouldAcceptBaseUrlAsTheOverride_whenItIsTheOnlyEndpointOrTheSameOne() {
        ProviderConfig alias = parse("""
                  - id: br
                    dialect: bedrock-converse
                    region: us-west-2
                    base_url: http://127.0.0.1:9999
                """);
        ProviderConfig both = parse("""
                  - id: br
                    dialect: bedrock-converse
                    region: us-west-2
                    base_url: http://127.0.0.1:9999
                    endpoint_override: http://127.0.0.1:9999
                """);

        assertThat(alias.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(both.baseUrl()).isEqualTo(alias.baseUrl());
    }

    @Test
    void validRegion_shouldAcceptAwsRegionNames_whenShapedLikeOne() {
        assertThat(BedrockModel.validRegion("us-gov-west-1")).isTrue();
        assertThat(BedrockModel.validRegion("ap-southeast-2")).isTrue();
        assertThat(BedrockModel.validRegion("US-EAST-1")).isFalse();
        assertThat(BedrockModel.validRegion("useast1")).isFalse();
        assertThat(BedrockModel.validRegion(null)).isFalse();
        assertThat(BedrockModel.validModelId(null)).isFalse();
    }
}
