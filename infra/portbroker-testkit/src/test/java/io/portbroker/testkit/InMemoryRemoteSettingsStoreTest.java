package io.portbroker.testkit;

import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.testkit.contract.RemoteSettingsStoreContract;

class InMemoryRemoteSettingsStoreTest extends RemoteSettingsStoreContract {

    @Override
    protected RemoteSettingsStore newStore() {
        return new InMemoryRemoteSettingsStore();
    }
}
