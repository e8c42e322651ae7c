package io.portbroker.core.observability;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Where the Messages decorator leaves a request's facts (by request id) until the request's completion line is
 * written. Bounded: past {@link #CAPACITY} entries new facts are not kept (a lost log field, never a failed call).
 */
public final class RequestFactsBoard {
    static final int CAPACITY = 10_000;

    private final ConcurrentMap<String, RequestFacts> facts = new ConcurrentHashMap<>();

    /** Leaves the facts of {@code requestId}. */
    public void put(String requestId, RequestFacts value) {
        if (requestId != null && value != null && (facts.size() < CAPACITY || facts.containsKey(requestId))) {
            facts.put(requestId, value);
        }
    }

    /** Takes (and forgets) the facts of {@code requestId}. */
    public Optional<RequestFacts> take(String requestId) {
        return requestId == null ? Optional.empty() : Optional.ofNullable(facts.remove(requestId));
    }

    int size() {
        return facts.size();
    }
}
