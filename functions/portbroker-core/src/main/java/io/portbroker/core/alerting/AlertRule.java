package io.portbroker.core.alerting;

import java.time.Instant;
import java.util.Map;

/** One alerting rule: what fires now, by subject. Implementations must not throw for normal conditions. */
public interface AlertRule {

    /** The rule's name (stable, snake case). */
    String name();

    /** {@code critical} or {@code warning}. */
    String severity();

    /** The subjects firing at {@code now}, each with its one-line summary; empty when all is well. */
    Map<String, String> firing(Instant now);
}
