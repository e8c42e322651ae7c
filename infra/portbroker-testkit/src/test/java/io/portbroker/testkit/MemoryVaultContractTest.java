package io.portbroker.testkit;

import io.portbroker.core.admin.ProviderCredentialVault;
import io.portbroker.core.testing.MemoryVault;
import io.portbroker.testkit.contract.ProviderCredentialVaultContract;

/** The in-memory vault (core's test-jar) keeps the contract the sealing vault keeps. */
class MemoryVaultContractTest extends ProviderCredentialVaultContract {
    @Override
    protected ProviderCredentialVault newVault() {
        return new MemoryVault();
    }
}
