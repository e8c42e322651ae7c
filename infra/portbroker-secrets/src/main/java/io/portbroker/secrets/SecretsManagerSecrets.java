package io.portbroker.secrets;

import io.portbroker.core.logging.Redactor;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.error.ProviderAuthError;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Reads secrets from Secrets Manager (moto locally). Values are cached for the container's life: rotation is
 * picked up by new containers (see docs on rotating secrets). Resolves provider credential references of the
 * form {@code secret:<name-or-arn>}.
 */
public final class SecretsManagerSecrets implements CredentialResolver {
    private final SecretsManagerClient client;
    private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

    public SecretsManagerSecrets(SecretsManagerClient client) {
        this.client = client;
    }

    /**
     * The secret's string value.
     *
     * @throws IllegalStateException when it does not exist or cannot be read (no value in the message)
     */
    public String get(String secretId) {
        return cache.computeIfAbsent(secretId, id -> {
            try {
                String value = client.getSecretValue(b -> b.secretId(id)).secretString();
                Redactor.register(value);
                return value;
            } catch (SecretsManagerException e) {
                throw new IllegalStateException(
                        "secret " + id + " cannot be read: " + e.getClass().getSimpleName());
            }
        });
    }

    /**
     * Returns the secret, creating it with 48 random bytes (base64) when absent: used by the local stack's first
     * start. Production secrets are created by the infrastructure code.
     */
    public String getOrCreateRandom(String secretId, SecureRandom random) {
        try {
            return get(secretId);
        } catch (IllegalStateException missing) {
            byte[] bytes = new byte[48];
            random.nextBytes(bytes);
            String value = Base64.getEncoder().encodeToString(bytes);
            try {
                client.createSecret(b -> b.name(secretId).secretString(value));
            } catch (SecretsManagerException raced) {
                return get(secretId);
            }
            Redactor.register(value);
            cache.put(secretId, value);
            return value;
        }
    }

    @Override
    public String resolve(String credentialRef) {
        if (!credentialRef.startsWith("secret:")) {
            throw new ProviderAuthError("unsupported credential reference scheme");
        }
        try {
            return get(credentialRef.substring("secret:".length()));
        } catch (IllegalStateException | ResourceNotFoundException e) {
            throw new ProviderAuthError("the provider credential secret cannot be read");
        }
    }

    /** Drops a cached value, so the next read sees a value written since (a provider key replaced by an admin). */
    public void forget(String secretId) {
        cache.remove(secretId);
    }
}
