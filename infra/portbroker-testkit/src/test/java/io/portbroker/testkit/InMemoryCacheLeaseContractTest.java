package io.portbroker.testkit;

import io.portbroker.core.cache.CacheLease;
import io.portbroker.testkit.contract.CacheLeaseContract;

class InMemoryCacheLeaseContractTest extends CacheLeaseContract {
    @Override
    protected CacheLease newLease() {
        return new InMemoryCacheLease();
    }
}
