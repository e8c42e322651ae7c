package io.portbroker.testkit;

import io.portbroker.core.admin.ProviderCredentialVault;
import io.portbroker.core.crypto.DataKeyEnvelopeCipher;
import io.portbroker.core.crypto.LocalDataKeySource;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.testkit.contract.ProviderCredentialVaultContract;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;

/** The production vault (keys sealed into the provider record) keeps the vault contract, over a local data key. */
class SealedProviderCredentialsContractTest extends ProviderCredentialVaultContract {
    @Override
    protected ProviderCredentialVault newVault() {
        return new SealedProviderCredentials(
                new DataKeyEnvelopeCipher(
                        new LocalDataKeySource("local", new byte[32], new SecureRandom()), new SecureRandom()),
                InstantSource.system(),
                Duration.ofMinutes(5));
    }
}
