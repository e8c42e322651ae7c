package io.portbroker.testkit;

import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.core.testing.InMemoryRemoteSettingsStore;
import io.portbroker.testkit.contract.RemoteSettingsStoreContract;

class InMemoryRemoteSettingsStoreContractTest extends RemoteSettingsStoreContract {

    @Override
    protected RemoteSettingsStore newStore() {
        return new InMemoryRemoteSettingsStore();
    }
}
