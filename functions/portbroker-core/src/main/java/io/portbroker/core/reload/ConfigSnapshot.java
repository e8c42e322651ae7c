package io.portbroker.core.reload;

import io.portbroker.core.routing.Catalog;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.Settings;
import java.util.List;

/**
 * Everything a request reads from configuration, as of one version; immutable and swapped whole.
 *
 * @param catalog providers and routes
 * @param settings the layered settings (values, sources)
 * @param version the config version item's value when this was read
 */
public record ConfigSnapshot(Catalog catalog, LayeredSettings settings, long version) {

    public List<ProviderConfig> providers() {
        return catalog.providers();
    }

    public List<ModelRoute> routes() {
        return catalog.routes();
    }

    /** The bound settings. */
    public Settings typed() {
        return settings.settings();
    }
}
