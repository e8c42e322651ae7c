package io.portbroker.testkit;

import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.reload.ConfigVersion;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ConfigStore}, {@link ConfigEditor} and {@link ConfigVersion} in sorted maps (providers by id, routes by
 * pattern) and a counter; safe for concurrent use, never stale. Two gateways sharing one instance behave like two
 * containers on one table.
 */
public final class InMemoryConfigStore implements ConfigStore, ConfigEditor, ConfigVersion {

    private final Map<String, ProviderConfig> providers = new ConcurrentSkipListMap<>();
    private final Map<String, ModelRoute> routes = new ConcurrentSkipListMap<>();
    private final AtomicLong version = new AtomicLong();

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

    @Override
    public long current() {
        return version.get();
    }

    @Override
    public long bump() {
        return version.incrementAndGet();
    }
}
