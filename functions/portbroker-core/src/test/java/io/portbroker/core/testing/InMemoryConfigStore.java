package io.portbroker.core.testing;

import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.reload.ConfigVersion;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The one in-memory {@link ConfigStore}, {@link ConfigEditor} and {@link ConfigVersion}: providers, routes and the config version, ordered by id and pattern. */
public final class InMemoryConfigStore implements ConfigStore, ConfigEditor, ConfigVersion {
    private long version;
    /** How many provider and route writes were made, so seeding tests can see that nothing was rewritten. */
    public final AtomicInteger writes = new AtomicInteger();

    private final TreeMap<String, ProviderConfig> providers = new TreeMap<>();
    private final TreeMap<String, ModelRoute> routes = new TreeMap<>();

    @Override
    public synchronized List<ProviderConfig> providers() {
        return List.copyOf(providers.values());
    }

    @Override
    public synchronized List<ModelRoute> routes() {
        return List.copyOf(routes.values());
    }

    @Override
    public synchronized void putProvider(ProviderConfig provider) {
        writes.incrementAndGet();
        providers.put(provider.id(), provider);
    }

    @Override
    public synchronized void putRoute(ModelRoute route) {
        writes.incrementAndGet();
        routes.put(route.pattern(), route);
    }

    @Override
    public synchronized void deleteProvider(String providerId) {
        providers.remove(providerId);
    }

    @Override
    public synchronized void deleteRoute(String pattern) {
        routes.remove(pattern);
    }

    @Override
    public synchronized long current() {
        return version;
    }

    @Override
    public synchronized long bump() {
        return ++version;
    }
}
