package io.portbroker.core.reload;

import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.routing.Catalog;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.List;

/**
 * The providers and routes every reader sees: reads come from the snapshot in force (one catalog per call, never
 * a mix of two versions); writes go to the stored catalogue, bump the fleet-wide version and reload this container
 * at once, so the container that made an edit serves it immediately and the others within their poll interval.
 */
public final class SnapshotConfigStore implements ConfigStore, ConfigEditor {
    private final ConfigSnapshots snapshots;
    private final ConfigEditor editor;

    /**
     * @param snapshots the snapshots (whose catalogue store receives the puts)
     * @param editor deletes in the same stored catalogue
     */
    public SnapshotConfigStore(ConfigSnapshots snapshots, ConfigEditor editor) {
        this.snapshots = snapshots;
        this.editor = editor;
    }

    @Override
    public Catalog catalog() {
        return snapshots.get().catalog();
    }

    @Override
    public List<ProviderConfig> providers() {
        return catalog().providers();
    }

    @Override
    public List<ModelRoute> routes() {
        return catalog().routes();
    }

    @Override
    public void putProvider(ProviderConfig provider) {
        snapshots.catalogStore().putProvider(provider);
        published();
    }

    @Override
    public void putRoute(ModelRoute route) {
        snapshots.catalogStore().putRoute(route);
        published();
    }

    @Override
    public void deleteProvider(String providerId) {
        editor.deleteProvider(providerId);
        published();
    }

    @Override
    public void deleteRoute(String pattern) {
        editor.deleteRoute(pattern);
        published();
    }

    private void published() {
        snapshots.version().bump();
        snapshots.reload();
    }
}
