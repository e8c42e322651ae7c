package io.portbroker.core.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * Something to record. Details must never hold secrets: key ids and prefixes, never keys; provider ids, never
 * credentials.
 *
 * @param stream the chain it belongs to
 * @param actor who did it: a key id, an admin user, or {@code system}
 * @param action dotted verb, e.g. {@code key.revoke}
 * @param target the object acted on, e.g. a key id
 * @param details further facts, sorted by name
 */
public record AuditEvent(AuditStream stream, String actor, String action, String target, Map<String, String> details) {
    public AuditEvent {
        details = Map.copyOf(new TreeMap<>(details == null ? Map.of() : details));
    }
}
