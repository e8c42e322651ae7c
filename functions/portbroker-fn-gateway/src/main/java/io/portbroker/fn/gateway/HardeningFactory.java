package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.upstream.CredentialEnvPolicy;
import jakarta.inject.Singleton;

/** Beans of the security hardening (issue #9) that more than one factory uses. */
@Factory
public class HardeningFactory {

    /** Fails the start when a configured prefix is empty or lies in a denied namespace. */
    @Singleton
    CredentialEnvPolicy credentialEnvPolicy(ProviderCredentialsConfiguration config) {
        return new CredentialEnvPolicy(config.getEnvPrefixes());
    }
}
