package io.portbroker.core.routing;

import io.portbroker.protocol.profile.CapabilityProfile;
import java.net.URI;
import java.time.Duration;

/**
 * An upstream provider.
 *
 * @param id unique id, e.g. {@code deepseek}
 * @param dialect upstream dialect name, e.g. {@code openai-chat}
 * @param baseUrl base URL up to and including the version path, e.g. {@code https://api.deepseek.com/v1}
 * @param credentialRef where the provider API key comes from, e.g. {@code env:DEEPSEEK_API_KEY}; never the key
 * @param profile what the provider accepts
 * @param timeouts connect / first-token / idle / total limits
 * @param enabled disabled providers are never routed to
 * @param pricing list prices for the lowest-cost strategy, or null when unknown (such providers sort last)
 * @param bedrock the region and model of a {@code bedrock-converse} provider, null for every other dialect
 */
public record ProviderConfig(
        String id,
        String dialect,
        URI baseUrl,
        String credentialRef,
        CapabilityProfile profile,
        Timeouts timeouts,
        boolean enabled,
        Pricing pricing,
        BedrockModel bedrock) {

    /**
     * A copy with another credential reference, every other field (pricing included) kept. The 7-argument
     * convenience constructor this replaces silently dropped the pricing when an admin replaced a provider.
     */
    public ProviderConfig withCredentialRef(String value) {
        return new ProviderConfig(id, dialect, baseUrl, value, profile, timeouts, enabled, pricing, bedrock);
    }

    /** A copy, enabled or disabled. */
    public ProviderConfig withEnabled(boolean value) {
        return new ProviderConfig(id, dialect, baseUrl, credentialRef, profile, timeouts, value, pricing, bedrock);
    }

    /** A copy with another price table (null: unknown). */
    public ProviderConfig withPricing(Pricing value) {
        return new ProviderConfig(id, dialect, baseUrl, credentialRef, profile, timeouts, enabled, value, bedrock);
    }

    /** A copy with other timeouts. */
    public ProviderConfig withTimeouts(Timeouts value) {
        return new ProviderConfig(id, dialect, baseUrl, credentialRef, profile, value, enabled, pricing, bedrock);
    }

    /** A copy with another capability profile. */
    public ProviderConfig withProfile(CapabilityProfile value) {
        return new ProviderConfig(id, dialect, baseUrl, credentialRef, value, timeouts, enabled, pricing, bedrock);
    }

    /** Upstream time limits. */
    public record Timeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {
        public static Timeouts defaults() {
            return new Timeouts(
                    Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofMinutes(15));
        }
    }

    /**
     * List prices in US dollars per million tokens.
     *
     * @param inputPerMillion price of one million input (prompt) tokens
     * @param outputPerMillion price of one million output (completion) tokens
     */
    public record Pricing(double inputPerMillion, double outputPerMillion) {
        public Pricing {
            if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)) {
                throw new IllegalArgumentException("prices must be non-negative numbers");
            }
        }

        /** Dollars for a call of this size. */
        public double cost(long inputTokens, long outputTokens) {
            return (inputTokens * inputPerMillion + outputTokens * outputPerMillion) / 1_000_000d;
        }
    }
}
