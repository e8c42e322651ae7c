package io.portbroker.local;

import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.core.overload.OverloadSettings;
import io.portbroker.protocol.codec.ClientDialect;

/**
 * The {@link RefusalBody} the local server's {@link OverloadShield} answers with, encoded again only when the bound's
 * settings record changes (a reload swaps it whole, e.g. a new retry-after). One per server, shared by all its
 * connections; thread-safe (two event loops racing on a reload both encode the same bytes).
 */
final class Refusals {
    private final InFlightLimit limit;
    private final ClientDialect client;
    private volatile Encoded encoded;

    Refusals(InFlightLimit limit, ClientDialect client) {
        this.limit = limit;
        this.client = client;
    }

    /** The body for the settings in force now. */
    RefusalBody current() {
        OverloadSettings now = limit.settings();
        Encoded last = encoded;
        if (last == null || last.settings() != now) {
            last = new Encoded(now, RefusalBody.of(client, limit.refusal()));
            encoded = last;
        }
        return last.body();
    }

    private record Encoded(OverloadSettings settings, RefusalBody body) {}
}
