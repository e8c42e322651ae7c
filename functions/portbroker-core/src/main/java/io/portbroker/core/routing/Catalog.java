package io.portbroker.core.routing;

import java.util.List;

/**
 * Providers and routes read together, so a request never combines routes of one version with providers of
 * another.
 *
 * @param providers every provider, sorted by id
 * @param routes every route, sorted by pattern
 */
public record Catalog(List<ProviderConfig> providers, List<ModelRoute> routes) {
    public Catalog {
        providers = List.copyOf(providers);
        routes = List.copyOf(routes);
    }
}
