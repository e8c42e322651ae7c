package io.portbroker.testkit;

import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ConfigStore} in sorted maps (providers by id, routes by pattern); safe for concurrent use, never stale. */
public final class InMemoryConfigStore implements ConfigStore, ConfigEditor {

    private final Map<String, ProviderConfig> providers = new ConcurrentSkipListMap<>();
    private final Map<String, ModelRoute> routes = new ConcurrentSkipListMap<>();

    @Override
    public List<ProviderConfig> providers() {
        return List.copyOf(providers.values());
    }

    @Override
    public List<ModelRoute> routes() {
        return List.copyOf(routes.values());
    }

    @Override
    public void putProvider(ProviderConfig provider) {
        providers.put(provider.id(), provider);
    }

    @Override
    public void putRoute(ModelRoute route) {
        routes.put(route.pattern(), route);
    }

    @Override
    public void deleteProvider(String providerId) {
        providers.remove(providerId);
    }

    @Override
    public void deleteRoute(String pattern) {
        routes.remove(pattern);
    }
}
