package io.portbroker.core.config;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes the providers and routes of a config file into a store. Running it again with the same file changes
 * nothing: entries already stored with equal values are not written (so caches are not invalidated needlessly),
 * other entries are created or replaced. Entries in the store that the file does not mention are left alone.
 */
public final class ConfigSeeder {

    private ConfigSeeder() {}

    /**
     * Seeds the store.
     *
     * @return how many providers and routes were written
     */
    public static SeedResult seed(PortBrokerConfigFile file, ConfigStore store) {
        Set<ProviderConfig> storedProviders = new HashSet<>(store.providers());
        int providers = 0;
        for (ProviderConfig provider : file.providers()) {
            if (!storedProviders.contains(provider)) {
                store.putProvider(provider);
                providers++;
            }
        }
        Set<ModelRoute> storedRoutes = new HashSet<>(store.routes());
        int routes = 0;
        for (ModelRoute route : file.routes()) {
            if (!storedRoutes.contains(route)) {
                store.putRoute(route);
                routes++;
            }
        }
        return new SeedResult(providers, routes);
    }

    /**
     * What a seed run wrote.
     *
     * @param providersWritten providers created or replaced
     * @param routesWritten routes created or replaced
     */
    public record SeedResult(int providersWritten, int routesWritten) {}
}
