package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.wiring.LiveGroups;
import io.portbroker.wiring.OverloadConfiguration;
import jakarta.inject.Singleton;

/** Wires overload protection: one in-flight bound per server (per Lambda container: one request at a time). */
@Factory
public class OverloadFactory {

    @Singleton
    InFlightLimit inFlightLimit(OverloadConfiguration config, ConfigSnapshots snapshots) {
        // overload.max-in-flight and retry-after-seconds are reloadable: the limit follows CONFIG_RELOAD
        return LiveGroups.follow(new InFlightLimit(config.toSettings()), snapshots);
    }
}
