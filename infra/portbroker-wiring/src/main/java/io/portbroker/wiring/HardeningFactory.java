package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.gateway.DataPlaneGuards;
import io.portbroker.core.gateway.StreamLimits;
import io.portbroker.core.ssrf.MediaUrlPolicy;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.upstream.CredentialEnvPolicy;
import jakarta.inject.Singleton;

/** Beans of the security hardening (issue #9) that more than one factory uses. */
@Factory
public class HardeningFactory {

    /** Fails the start when a configured prefix is empty or lies in a denied namespace. */
    /** Fails the start when a limit is not positive or one event could exceed the whole stream. */
    @Singleton
    StreamLimits streamLimits(StreamLimitsConfiguration config) {
        return config.toLimits();
    }

    /** Media URLs follow the provider SSRF rules (and their operator allow-lists); http only where configured. */
    @Singleton
    DataPlaneGuards dataPlaneGuards(StreamLimits limits, UrlPolicy urls, MediaUrlConfiguration media) {
        return new DataPlaneGuards(
                limits,
                new MediaUrlPolicy(urls, media.isAllowHttp()),
                io.portbroker.core.upstream.UpstreamBodyLimit.ofDefaults());
    }

    @Singleton
    CredentialEnvPolicy credentialEnvPolicy(ProviderCredentialsConfiguration config) {
        return new CredentialEnvPolicy(config.getEnvPrefixes());
    }
}
