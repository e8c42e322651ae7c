package io.portbroker.wiring;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.List;
import java.util.function.Supplier;

/** A {@link ConfigStore} resolved on first use, which breaks the Metrics → labels → catalogue → snapshots cycle. */
final class LazyConfigStore implements ConfigStore {
    private final Supplier<ConfigStore> target;

    LazyConfigStore(Supplier<ConfigStore> target) {
        this.target = target;
    }

    @Override
    public List<ProviderConfig> providers() {
        return target.get().providers();
    }

    @Override
    public List<ModelRoute> routes() {
        return target.get().routes();
    }

    @Override
    public void putProvider(ProviderConfig provider) {
        target.get().putProvider(provider);
    }

    @Override
    public void putRoute(ModelRoute route) {
        target.get().putRoute(route);
    }
}
