package io.portbroker.testkit;

import io.portbroker.core.reload.ConfigVersion;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.testkit.contract.ConfigVersionContract;
import java.util.List;

class InMemoryConfigVersionContractTest extends ConfigVersionContract {

    @Override
    protected List<ConfigVersion> newVersions() {
        InMemoryConfigStore shared = new InMemoryConfigStore();
        return List.of(shared, shared);
    }
}
