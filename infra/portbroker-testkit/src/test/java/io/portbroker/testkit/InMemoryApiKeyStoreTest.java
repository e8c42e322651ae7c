package io.portbroker.testkit;

import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.testkit.contract.ApiKeyStoreContract;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {

    @Override
    protected ApiKeyStore newStore() {
        return new InMemoryApiKeyStore();
    }
}
