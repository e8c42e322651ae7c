package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.ssrf.ClientAddress;
import jakarta.inject.Singleton;

/** Wires the caller's address behind the trusted proxies of {@code portbroker.security.edge.trusted-proxies}. */
@Factory
public class EdgeFactory {

    @Singleton
    ClientAddress clientAddress(Settings settings) {
        return new ClientAddress(settings.security().edge().trustedProxyRanges());
    }
}
