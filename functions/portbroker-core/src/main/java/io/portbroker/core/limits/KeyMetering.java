package io.portbroker.core.limits;

import io.portbroker.core.keys.AnomalyDetector;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.usage.UsageRecorder;
import io.portbroker.protocol.ir.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Metering} over the admission counters, the usage recorder and the anomaly detector. */
public final class KeyMetering implements Metering {
    private static final Logger LOG = LoggerFactory.getLogger(KeyMetering.class);

    private final Admission admission;
    private final UsageRecorder usage;
    private final AnomalyDetector anomalies;

    public KeyMetering(Admission admission, UsageRecorder usage, AnomalyDetector anomalies) {
        this.admission = admission;
        this.usage = usage;
        this.anomalies = anomalies;
    }

    @Override
    public Ticket admit(Principal principal, Caller caller, long estimatedTokens) {
        // observed only once admitted: requests refused with 429 must not feed (or flood) anomaly records
        Admission.Reservation reservation = admission.admit(principal, estimatedTokens);
        anomalies.observe(principal.keyId(), caller.userAgent(), caller.sourceIp());
        return new Ticket(principal.keyId(), reservation);
    }

    @Override
    public void finish(Ticket ticket, Usage used) {
        try {
            usage.record(ticket.keyId(), used.totalInputTokens(), used.outputTokens());
            if (ticket.reservation() != null) {
                admission.settle(ticket.reservation(), used.totalInputTokens() + used.outputTokens());
            }
        } catch (RuntimeException e) {
            // the answer is already with the client; a counter write failing must not turn it into an error
            LOG.warn("metering of a finished call failed: {}", e.getClass().getSimpleName());
        }
    }
}
