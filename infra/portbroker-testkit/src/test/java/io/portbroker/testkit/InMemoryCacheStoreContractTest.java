package io.portbroker.testkit;

import io.portbroker.core.cache.CacheStore;
import io.portbroker.testkit.contract.CacheStoreContract;

class InMemoryCacheStoreContractTest extends CacheStoreContract {
    @Override
    protected CacheStore newStore() {
        return new InMemoryCacheStore();
    }
}
