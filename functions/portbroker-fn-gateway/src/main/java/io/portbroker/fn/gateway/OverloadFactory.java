package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.wiring.OverloadConfiguration;
import jakarta.inject.Singleton;

/**
 * Wires overload protection: one in-flight bound per server (per Lambda container: one request at a time). The
 * bound does not need the configuration snapshots to exist (the shield answers before any store is reached);
 * {@link OverloadReloadListener} keeps it on the reloadable overload settings once the snapshots are created.
 */
@Factory
public class OverloadFactory {

    @Singleton
    InFlightLimit inFlightLimit(OverloadConfiguration config) {
        return new InFlightLimit(config.toSettings());
    }
}
