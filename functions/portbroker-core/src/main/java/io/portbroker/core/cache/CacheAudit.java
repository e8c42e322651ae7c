package io.portbroker.core.cache;

import java.util.Map;

/**
 * Port: where the cache reports what it declined to keep or scrubbed (PII) and admin actions. Details name kinds,
 * routes and key-hash prefixes, never a value from a prompt or an answer.
 */
@FunctionalInterface
public interface CacheAudit {
    /** Discards everything. */
    CacheAudit NONE = (action, target, details) -> {};

    /**
     * Records one event.
     *
     * @param action dotted verb, e.g. {@code cache.pii.skip}
     * @param target what it concerns (a key-hash prefix, a namespace)
     */
    void record(String action, String target, Map<String, String> details);
}
