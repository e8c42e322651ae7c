package io.portbroker.testkit;

import io.portbroker.core.settings.RemoteSettingsStore;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link RemoteSettingsStore} in a sorted map: the remote layer (SSM in AWS) for tests; thread-safe. */
public final class InMemoryRemoteSettingsStore implements RemoteSettingsStore {
    private final Map<String, String> values = new ConcurrentSkipListMap<>();

    @Override
    public Map<String, String> read() {
        return Map.copyOf(values);
    }

    @Override
    public void put(String path, String value) {
        values.put(path, value);
    }

    @Override
    public void remove(String path) {
        values.remove(path);
    }
}
