package io.portbroker.core.settings;

import java.util.Map;

/**
 * Port: the remote layer of the settings (SSM Parameter Store in AWS and on moto; an in-memory fake in tests).
 * Values are text by key path ({@code runtime.cors.allowed-origins}); admin edits of runtime settings write here.
 */
public interface RemoteSettingsStore {

    /** No remote layer: reads nothing, refuses writes. */
    RemoteSettingsStore NONE = new RemoteSettingsStore() {
        @Override
        public Map<String, String> read() {
            return Map.of();
        }

        @Override
        public void put(String path, String value) {
            throw new IllegalStateException("no remote settings store is configured");
        }

        @Override
        public void remove(String path) {
            throw new IllegalStateException("no remote settings store is configured");
        }
    };

    /** Every value of the layer, by key path. */
    Map<String, String> read();

    /** Sets one value. */
    void put(String path, String value);

    /** Removes one value (the lower layers apply again); nothing happens when it is absent. */
    void remove(String path);
}
