package io.portbroker.upstream;

import io.portbroker.core.logging.Redactor;
import io.portbroker.core.upstream.CredentialEnvPolicy;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.error.ProviderAuthError;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves {@code env:NAME} references from an environment map handed in by the container (never read from
 * {@code System.getenv} here, so tests and the local stack control it). A missing variable, or one the
 * {@link CredentialEnvPolicy} refuses (a record stored before the policy, or a stricter configured prefix), is a
 * gateway fault whose message never names the variable: the 502 body reaches the client.
 */
public final class EnvCredentialResolver implements CredentialResolver {
    private final Map<String, String> environment;
    private final CredentialEnvPolicy policy;
    /**
     * Names the policy allowed, so it is asked once per name, not on every request (the policy never changes for
     * this resolver). Bounded: names come from the configuration, a handful.
     */
    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    private static final int MAX_ALLOWED_REMEMBERED = 1_024;

    public EnvCredentialResolver(Map<String, String> environment) {
        this(environment, CredentialEnvPolicy.ofDefaults());
    }

    public EnvCredentialResolver(Map<String, String> environment, CredentialEnvPolicy policy) {
        this.environment = Map.copyOf(environment);
        this.policy = policy;
    }

    @Override
    public String resolve(String credentialRef) {
        if (credentialRef.startsWith("env:")) {
            String name = credentialRef.substring(4);
            if (!allowed.contains(name)) {
                if (!policy.allows(name)) {
                    throw new ProviderAuthError("the provider's credential variable is not an allowed name");
                }
                if (allowed.size() < MAX_ALLOWED_REMEMBERED) {
                    allowed.add(name);
                }
            }
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new ProviderAuthError("the provider's credential variable is not set");
            }
            Redactor.register(value);
            return value;
        }
        throw new ProviderAuthError("unsupported credential reference scheme");
    }
}
