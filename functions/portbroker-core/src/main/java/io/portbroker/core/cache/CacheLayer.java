package io.portbroker.core.cache;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.Router;
import java.util.function.UnaryOperator;

/**
 * Wraps the Messages use case in the response cache; what the wiring hands to
 * {@link io.portbroker.core.gateway.DataPlane.Parts.Builder#decorator(UnaryOperator)}.
 */
public final class CacheLayer implements UnaryOperator<Messages> {
    private final ResponseCache cache;
    private final ConfigStore config;
    private final CacheKeyBuilder keys;

    public CacheLayer(ResponseCache cache, ConfigStore config, CacheKeyBuilder keys) {
        this.cache = cache;
        this.config = config;
        this.keys = keys;
    }

    @Override
    public Messages apply(Messages inner) {
        return new CachingMessages(inner, cache, new Router(config), config, keys);
    }

    /** The cache behind the layer (admin, shutdown). */
    public ResponseCache cache() {
        return cache;
    }
}
