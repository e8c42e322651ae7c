package io.portbroker.testkit;

import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.testkit.contract.ApiKeyStoreContract;

class InMemoryApiKeyStoreContractTest extends ApiKeyStoreContract {

    @Override
    protected ApiKeyStore newStore() {
        return new InMemoryApiKeyStore();
    }
}
