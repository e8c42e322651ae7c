package io.portbroker.core.testing;

import io.portbroker.core.settings.RemoteSettingsStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The one in-memory {@link RemoteSettingsStore}: the remote settings layer in a map. */
public final class InMemoryRemoteSettingsStore implements RemoteSettingsStore {
    private final Map<String, String> values = new ConcurrentHashMap<>();

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
