package io.portbroker.core.alerting;

import java.time.Instant;

/**
 * One notification.
 *
 * @param rule the rule's name, e.g. {@code provider_unhealthy}
 * @param subject what it is about (a target id, {@code gateway}); part of the deduplication key
 * @param severity {@code critical}, {@code warning}
 * @param state {@code firing} or {@code resolved}
 * @param summary one line for humans (never a secret, key id or prompt)
 * @param since when the condition started
 * @param at when this notification was made
 */
public record Alert(
        String rule, String subject, String severity, String state, String summary, Instant since, Instant at) {

    /** The firing state. */
    public static final String FIRING = "firing";
    /** The resolved state. */
    public static final String RESOLVED = "resolved";
}
