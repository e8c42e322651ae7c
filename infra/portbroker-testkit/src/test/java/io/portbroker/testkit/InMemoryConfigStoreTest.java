package io.portbroker.testkit;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.testkit.contract.ConfigStoreContract;

class InMemoryConfigStoreTest extends ConfigStoreContract {

    @Override
    protected ConfigStore newStore() {
        return new InMemoryConfigStore();
    }
}
