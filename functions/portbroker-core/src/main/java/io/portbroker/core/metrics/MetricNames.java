package io.portbroker.core.metrics;

/**
 * The metric names PortBroker publishes (documented in docs/observability.md). Names are Micrometer names; the
 * Prometheus page adds the unit and type suffix ({@code _total} for counters, {@code _seconds} for timers), so
 * {@link #REQUESTS} is scraped as {@code portbroker_requests_total} and {@link #REQUEST_DURATION} as the histogram
 * {@code portbroker_request_duration_seconds}.
 */
public final class MetricNames {

    /** Requests answered, dimensions {@code method}, {@code endpoint} (route template) and {@code status}. */
    public static final String REQUESTS = "portbroker_requests";
    /** Wall time from request to the end of the response, same dimensions as {@link #REQUESTS}; a histogram. */
    public static final String REQUEST_DURATION = "portbroker_request_duration";
    /** Enabled providers in the current configuration. */
    public static final String ACTIVE_PROVIDERS = "portbroker_active_providers";
    /** Responses with status 4xx or 5xx, dimension {@code class} ({@code 4xx} or {@code 5xx}). */
    public static final String ERROR_RATE = "error_rate";
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
    public static final String UPSTREAM_TTFT = "upstream_ttft";
    /** Time to first token as the client's request saw it, dimension {@code provider}; a histogram. */
    public static final String TIME_TO_FIRST_TOKEN = "time_to_first_token";
    /** Gateway time from request to first byte for the client, no dimensions (the IaC p95 alarm reads it). */
    public static final String FIRST_BYTE_LATENCY = "FirstByteLatency";
    /** Time the gateway spent on a request that was not spent waiting for the upstream's first token. */
    public static final String OVERHEAD = "portbroker_overhead";
    /** Tokens, dimensions {@code direction} (input, output, cache_read, cache_write), {@code provider}, {@code model}. */
    public static final String TOKENS = "tokens";
    /** 5xx bodies that contained a stack frame and were replaced before they left; must stay 0. */
    public static final String LEAKED_STACKTRACES = "leaked_stacktrace_count";
    /** Streams cut short by the gateway's size caps. */
    public static final String STREAM_TRUNCATES = "stream_truncate_events";
    /** API key lookups, dimension {@code result} ({@code hit} or {@code miss}); the hit ratio is derived. */
    public static final String APIKEY_LOOKUPS = "apikey_lookup_cache_hit_ratio";
    /** DynamoDB call latency, dimensions {@code table} and {@code op}; a histogram. */
    public static final String DB_LATENCY = "db_latency";

    private MetricNames() {}
}
