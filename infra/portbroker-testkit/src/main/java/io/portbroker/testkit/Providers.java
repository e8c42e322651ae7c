package io.portbroker.testkit;

import io.portbroker.core.routing.ProviderConfig.Timeouts;

/**
 * Providers for the testkit's users: {@code Providers.openAi("deepseek").baseUrl("https://api.deepseek.com/v1")
 * .build()}. The one builder is core's {@link io.portbroker.core.testing.Providers} (core's own tests use it and
 * cannot depend on the testkit); these entry points only hand it out.
 */
public final class Providers {
    private Providers() {}

    /** An OpenAI-compatible provider with the given id. */
    public static io.portbroker.core.testing.Providers openAi(String id) {
        return io.portbroker.core.testing.Providers.openAi(id);
    }

    /**
     * A {@code bedrock-converse} provider in {@code region} ({@code modelId} may be null): no credential, the
     * region's public endpoint.
     */
    public static io.portbroker.core.testing.Providers bedrock(String id, String region, String modelId) {
        return io.portbroker.core.testing.Providers.bedrock(id, region, modelId);
    }

    /** Timeouts unlike the defaults in every field, with sub-second precision: round-trip tests use them. */
    public static Timeouts everyTimeoutChanged() {
        return io.portbroker.core.testing.Providers.everyTimeoutChanged();
    }
}
