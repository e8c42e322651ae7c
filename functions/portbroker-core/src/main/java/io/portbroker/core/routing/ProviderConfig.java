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
 */
public record ProviderConfig(
        String id,
        String dialect,
        URI baseUrl,
        String credentialRef,
        CapabilityProfile profile,
        Timeouts timeouts,
        boolean enabled) {

    /** Upstream time limits. */
    public record Timeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {
        public static Timeouts defaults() {
            return new Timeouts(
                    Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofMinutes(15));
        }
    }
}
