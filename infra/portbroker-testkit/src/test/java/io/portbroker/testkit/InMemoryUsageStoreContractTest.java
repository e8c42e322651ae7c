package io.portbroker.testkit;

import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.testkit.contract.UsageStoreContract;

class InMemoryUsageStoreContractTest extends UsageStoreContract {
    @Override
    protected UsageStore newStore() {
        return new InMemoryUsageStore();
    }
}
