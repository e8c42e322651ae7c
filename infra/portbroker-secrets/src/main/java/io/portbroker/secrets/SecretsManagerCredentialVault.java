package io.portbroker.secrets;

import io.portbroker.core.admin.ProviderCredentialVault;
import io.portbroker.core.logging.Redactor;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

/**
 * Keeps provider API keys written through the admin API in Secrets Manager, one secret per provider under
 * {@code <namePrefix><provider id>} (encrypted with the data key in AWS). The provider record stores only the
 * reference {@code secret:<name>}, which {@link SecretsManagerSecrets} resolves at call time.
 */
public final class SecretsManagerCredentialVault implements ProviderCredentialVault {
    private final SecretsManagerClient client;
    private final SecretsManagerSecrets secrets;
    private final String namePrefix;

    /** @param namePrefix e.g. {@code portbroker/prod/providers/} */
    public SecretsManagerCredentialVault(
            SecretsManagerClient client, SecretsManagerSecrets secrets, String namePrefix) {
        this.client = client;
        this.secrets = secrets;
        this.namePrefix = namePrefix;
    }

    @Override
    public String store(String providerId, String apiKey) {
        Redactor.register(apiKey);
        String name = namePrefix + providerId;
        try {
            client.createSecret(b -> b.name(name).secretString(apiKey));
        } catch (ResourceExistsException exists) {
            client.putSecretValue(b -> b.secretId(name).secretString(apiKey));
        }
        secrets.forget(name);
        return "secret:" + name;
    }

    @Override
    public void delete(String providerId) {
        String name = namePrefix + providerId;
        try {
            client.deleteSecret(
                    b -> b.secretId(name).forceDeleteWithoutRecovery(false).recoveryWindowInDays(7L));
        } catch (ResourceNotFoundException absent) {
            // nothing was stored for this provider (its key came from the environment, or it had none)
        }
        secrets.forget(name);
    }
}
