package io.portbroker.core.config;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.error.GatewayException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the providers and routes of a config file into a store. Running it again with the same file changes
 * nothing: entries already stored with equal values are not written (so caches are not invalidated needlessly),
 * other entries are created or replaced. Entries in the store that the file does not mention are left alone.
 */
public final class ConfigSeeder {

    private ConfigSeeder() {}

    /**
     * Seeds the store without checking base URLs (tests that build their own config).
     *
     * @return how many providers and routes were written
     */
    public static SeedResult seed(PortBrokerConfigFile file, ConfigStore store) {
        return seed(file, store, url -> {});
    }

    /**
     * Seeds the store after checking every provider's base URL with the guard (the same SSRF rules as the admin
     * API), so a file cannot plant a URL the API would refuse.
     *
     * @param guard throws a {@link GatewayException} for a URL that must not be used (e.g.
     *     {@code ProviderUrlGuard::check})
     * @return how many providers and routes were written
     * @throws ConfigFileException naming each provider whose base URL the guard refuses; nothing is written then
     */
    public static SeedResult seed(PortBrokerConfigFile file, ConfigStore store, Consumer<URI> guard) {
        List<String> refused = new ArrayList<>();
        for (ProviderConfig provider : file.providers()) {
            try {
                guard.accept(provider.baseUrl());
            } catch (GatewayException e) {
                refused.add("providers." + provider.id() + ".base_url: " + e.getMessage());
            }
        }
        if (!refused.isEmpty()) {
            throw new ConfigFileException(refused);
        }
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
