package io.portbroker.core.limits;

import io.portbroker.core.keys.Principal;
import io.portbroker.protocol.ir.Usage;

/**
 * What the data plane does around each metered call: admit before (limits, anomaly watch) and account after
 * (settle the token reservation, count usage). {@link #NONE} does nothing.
 */
public interface Metering {

    Metering NONE = new Metering() {
        @Override
        public Ticket admit(Principal principal, Caller caller, long estimatedTokens) {
            return new Ticket(principal.keyId(), null);
        }

        @Override
        public void finish(Ticket ticket, Usage usage) {
            // nothing metered
        }
    };

    /**
     * Admits one call.
     *
     * @throws io.portbroker.error.RateLimitError when a limit of the key is reached
     */
    Ticket admit(Principal principal, Caller caller, long estimatedTokens);

    /** Accounts a finished call; {@code usage} is {@link Usage#ZERO} when the call produced none. Never throws. */
    void finish(Ticket ticket, Usage usage);

    /** Facts about the caller the anomaly detector watches. */
    record Caller(String userAgent, String sourceIp) {}

    /** An admitted call; {@code reservation} is null when nothing was reserved. */
    record Ticket(String keyId, Admission.Reservation reservation) {}
}
