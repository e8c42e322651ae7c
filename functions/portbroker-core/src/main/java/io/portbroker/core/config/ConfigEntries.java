package io.portbroker.core.config;

import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.List;
import java.util.Set;

/**
 * Reads single provider and route entries with exactly the rules of {@code portbroker.yaml}, so the admin API
 * accepts the same shapes, defaults and validation as the file (one definition, no drift). Input is JSON text of
 * one entry, already checked by the caller to be a single object.
 */
public final class ConfigEntries {
    private ConfigEntries() {}

    /**
     * One {@code providers:} entry.
     *
     * @throws ConfigFileException listing every problem (unknown keys, inline secrets, bad values)
     */
    public static ProviderConfig provider(String json) {
        RawConfig raw = YamlConfigReader.read("{\"providers\": [" + json + "]}");
        Problems problems = new Problems();
        ProviderConfig provider = ProviderSection.read(raw.providers().getFirst(), 0, problems);
        problems.throwIfAny();
        return provider;
    }

    /**
     * One {@code routes:} entry whose targets must name providers in {@code providerIds}.
     *
     * @throws ConfigFileException listing every problem
     */
    public static ModelRoute route(String json, Set<String> providerIds) {
        RawConfig raw = YamlConfigReader.read("{\"routes\": [" + json + "]}");
        Problems problems = new Problems();
        List<RawConfig.Route> routes = raw.routes();
        ModelRoute route = RouteSection.read(routes.getFirst(), 0, providerIds, problems);
        problems.throwIfAny();
        return route;
    }
}
