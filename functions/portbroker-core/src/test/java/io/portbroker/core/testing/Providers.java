package io.portbroker.core.testing;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.ProviderConfig.Timeouts;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.profile.CapabilityProfile;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Builds providers: {@code Providers.openAi("deepseek").baseUrl("https://api.deepseek.com/v1").build()}.
 * Defaults: dialect {@code openai-chat}, a base URL under {@code .invalid} (so a test can never reach a real
 * provider by accident), credential {@code env:<ID>_API_KEY}, the OpenAI default profile, default timeouts,
 * enabled.
 */
public final class Providers {

    private final String id;
    private String dialect = "openai-chat";
    private URI baseUrl;
    private String credentialRef;
    private CapabilityProfile profile = OpenAiChatCapabilities.defaultProfile();
    private Timeouts timeouts = Timeouts.defaults();
    private boolean enabled = true;
    private ProviderConfig.Pricing pricing;
    private BedrockModel bedrock;

    private Providers(String id) {
        this.id = id;
        this.baseUrl = URI.create("https://" + id + ".invalid/v1");
        this.credentialRef = "env:" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_API_KEY";
    }

    /** An OpenAI-compatible provider with the given id. */
    public static Providers openAi(String id) {
        return new Providers(id);
    }

    /**
     * A {@code bedrock-converse} provider in {@code region} ({@code modelId} may be null): no credential, the
     * region's public endpoint.
     */
    public static Providers bedrock(String id, String region, String modelId) {
        Providers p = new Providers(id);
        p.bedrock = new BedrockModel(region, modelId);
        p.dialect = BedrockModel.DIALECT;
        p.baseUrl = p.bedrock.defaultEndpoint();
        p.credentialRef = null;
        return p;
    }

    /** Timeouts unlike the defaults in every field, with sub-second precision: round-trip tests use them. */
    public static Timeouts everyTimeoutChanged() {
        return new Timeouts(
                Duration.ofMillis(1500), Duration.ofSeconds(90), Duration.ofSeconds(45), Duration.ofMinutes(10));
    }

    public Providers dialect(String value) {
        dialect = value;
        return this;
    }

    public Providers baseUrl(String value) {
        return baseUrl(URI.create(value));
    }

    public Providers baseUrl(URI value) {
        baseUrl = value;
        return this;
    }

    public Providers credentialRef(String value) {
        credentialRef = value;
        return this;
    }

    /** No key is sent (a local server). */
    public Providers noCredential() {
        credentialRef = null;
        return this;
    }

    public Providers profile(CapabilityProfile value) {
        profile = value;
        return this;
    }

    public Providers timeouts(Timeouts value) {
        timeouts = value;
        return this;
    }

    public Providers enabled(boolean value) {
        enabled = value;
        return this;
    }

    /** List prices in dollars per million input and output tokens. */
    public Providers pricing(double inputPerMillion, double outputPerMillion) {
        pricing = new ProviderConfig.Pricing(inputPerMillion, outputPerMillion);
        return this;
    }

    /** A price table, or null for unknown prices (the default). */
    public Providers pricing(ProviderConfig.Pricing value) {
        pricing = value;
        return this;
    }

    public ProviderConfig build() {
        return new ProviderConfig(id, dialect, baseUrl, credentialRef, profile, timeouts, enabled, pricing, bedrock);
    }
}
