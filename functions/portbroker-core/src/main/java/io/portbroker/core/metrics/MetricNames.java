package io.portbroker.core.metrics;

/** The metric names PortBroker publishes (documented in docs/routing-and-resilience.md). */
public final class MetricNames {

    /** Errors returned to clients (or ended streams), dimension {@code category}. */
    public static final String ERRORS = "error_rate_by_category";
    /** Streams cut at the per-stream byte cap, dimension {@code provider}. */
    public static final String STREAM_TRUNCATE_EVENTS = "stream_truncate_events";
    /** Failed upstream attempts, dimensions {@code category} and {@code target}. */
    public static final String UPSTREAM_ERRORS = "upstream_errors";
    /** Upstream attempts, dimension {@code target}. */
    public static final String ATTEMPTS = "upstream_attempts";
    /** Requests that succeeded after at least one retry or failover (numerator of the retry success ratio). */
    public static final String RETRY_SUCCESS = "retry_success_ratio";
    /** Retries and hedges refused because the retry budget was spent. */
    public static final String RETRY_BUDGET_EXHAUSTED = "retry_budget_exhausted";
    /** Breaker state per target: 0 closed, 1 half-open, 2 open; dimension {@code target}. */
    public static final String BREAKER_STATE = "breaker_state";
    /** Breaker transitions, dimensions {@code target} and {@code state}. */
    public static final String BREAKER_TRANSITIONS = "breaker_transitions";
    /** Hedged requests started. */
    public static final String HEDGES = "hedges_started";
    /** Hedged requests the hedge (not the first attempt) won. */
    public static final String HEDGE_WINS = "hedge_wins";
    /** Time to first token of the winning upstream attempt, dimension {@code target}. */
    public static final String UPSTREAM_TTFT = "upstream_ttft_ms";
    /** Gateway time from request to first byte for the client, no dimensions (the IaC p95 alarm reads it). */
    public static final String FIRST_BYTE_LATENCY = "FirstByteLatency";

    private MetricNames() {}
}
