package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.wiring.OverloadConfiguration;
import jakarta.inject.Singleton;

/** Wires overload protection: one in-flight bound per server (per Lambda container: one request at a time). */
@Factory
public class OverloadFactory {

    @Singleton
    InFlightLimit inFlightLimit(OverloadConfiguration config) {
        return new InFlightLimit(config.toSettings());
    }
}
