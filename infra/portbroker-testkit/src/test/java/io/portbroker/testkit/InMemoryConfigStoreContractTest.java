package io.portbroker.testkit;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.testkit.contract.ConfigStoreContract;

class InMemoryConfigStoreContractTest extends ConfigStoreContract {

    @Override
    protected ConfigStore newStore() {
        return new InMemoryConfigStore();
    }
}
