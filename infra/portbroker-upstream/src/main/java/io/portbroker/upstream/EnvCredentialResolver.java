package io.portbroker.upstream;

import io.portbroker.core.logging.Redactor;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.error.ProviderAuthError;
import java.util.Map;

/**
 * Resolves {@code env:NAME} references from an environment map handed in by the container (never read from
 * {@code System.getenv} here, so tests and the local stack control it). A missing variable is a gateway fault.
 */
public final class EnvCredentialResolver implements CredentialResolver {
    private final Map<String, String> environment;

    public EnvCredentialResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String resolve(String credentialRef) {
        if (credentialRef.startsWith("env:")) {
            String name = credentialRef.substring(4);
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new ProviderAuthError("the provider credential variable " + name + " is not set");
            }
            Redactor.register(value);
            return value;
        }
        throw new ProviderAuthError("unsupported credential reference scheme");
    }
}
