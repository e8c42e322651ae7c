package io.portbroker.core.config;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import java.net.URI;

/**
 * Reads a {@code dialect: bedrock-converse} provider: {@code region} (required), {@code model_id} (optional: a model
 * id, inference-profile id or ARN; without it each route target's {@code model} is the Bedrock model) and
 * {@code endpoint_override} (optional, for tests and VPC endpoints; {@code base_url} is accepted as its alias). No
 * key: SigV4 from the default credentials chain. The provider's base URL is the override or the region's public
 * endpoint, so the SSRF policy that checks every base URL at seed and save time checks an override too.
 */
final class BedrockSection {

    private BedrockSection() {}

    static ProviderConfig read(RawConfig.Provider raw, String where, Problems problems) {
        problems.require(
                raw.apiKeyEnv() == null,
                where + ".api_key_env",
                "must be absent: Bedrock calls are signed with the function's AWS role (SigV4), not an API key");
        boolean region = problems.require(
                BedrockModel.validRegion(raw.region()),
                where + ".region",
                "required for " + BedrockModel.DIALECT + "; an AWS region such as us-east-1");
        problems.require(
                raw.modelId() == null || BedrockModel.validModelId(raw.modelId()),
                where + ".model_id",
                "must be a Bedrock model id, inference-profile id or ARN (no spaces)");
        problems.require(
                raw.endpointOverride() == null
                        || raw.baseUrl() == null
                        || raw.endpointOverride().strip().equals(raw.baseUrl().strip()),
                where + ".endpoint_override",
                "give endpoint_override or base_url, not two different endpoints");
        BedrockModel model = region ? new BedrockModel(raw.region(), raw.modelId()) : null;
        String override = raw.endpointOverride() != null ? raw.endpointOverride() : raw.baseUrl();
        URI endpoint = override == null
                ? (model == null ? null : model.defaultEndpoint())
                : ProviderSection.baseUrl(override, where + ".endpoint_override", problems);
        return new ProviderConfig(
                raw.id(),
                BedrockModel.DIALECT,
                endpoint,
                null,
                ProfileSection.read(raw, BedrockModel.DIALECT, where, problems),
                ProviderSection.timeouts(raw.timeouts(), where + ".timeouts", problems),
                raw.enabled() == null || raw.enabled(),
                ProviderSection.pricing(raw.pricing(), where + ".pricing", problems),
                model);
    }
}
