package io.portbroker.core.routing;

import java.util.List;

/** Port: where providers and routes live. Reads may be served from a short cache by the adapter. */
public interface ConfigStore {

    List<ProviderConfig> providers();

    List<ModelRoute> routes();

    /**
     * Providers and routes of one and the same state. Stores that can change underneath a reader (the snapshot
     * view) override this to read both at once.
     */
    default Catalog catalog() {
        return new Catalog(providers(), routes());
    }

    /** Creates or replaces a provider. */
    void putProvider(ProviderConfig provider);

    /** Creates or replaces a route (keyed by pattern). */
    void putRoute(ModelRoute route);
}
