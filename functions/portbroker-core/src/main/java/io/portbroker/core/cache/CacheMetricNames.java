package io.portbroker.core.cache;

/** Metric names of the response cache (labels are low-cardinality: tier, outcome, reason, route pattern). */
public final class CacheMetricNames {
    /** Cache decisions, dimension {@code outcome} (hit-l1 … skip); hits / all of them is the hit ratio. */
    public static final String LOOKUPS = "cache_hit_ratio_total";

    public static final String L1_HIT = "l1_hit";
    public static final String L2_HIT = "l2_hit";
    public static final String L3_HIT = "l3_hit";
    /** Counter: expired answers served (within the stale grace) because the provider failed. */
    public static final String STALE_SERVED = "stale_served";
    /** Gauge: the running average of upstream time a hit avoided minus the time the hit took. */
    public static final String LATENCY_SAVED = "avg_latency_savings_ms";
    /** Gauge: dollars hits avoided since start (each original call's tokens at the provider's list price). */
    public static final String COST_SAVED = "cost_saved_usd";

    public static final String MEMORY_BYTES = "cache_memory_bytes";
    /** L1 evictions, dimension {@code reason} (size, expired, invalidated). */
    public static final String EVICTIONS = "eviction_count";

    public static final String WRITE_QUEUE_DEPTH = "cache_write_queue_depth";
    public static final String WRITE_FAILURES = "cache_write_failures";
    /** Entries dropped because they could not be read (damaged or another format version). */
    public static final String CORRUPT = "cache_corrupt_dropped";
    /** Answers not stored, dimension {@code reason} (pii, not_storable, errored_stream). */
    public static final String NOT_STORED = "cache_not_stored";

    private CacheMetricNames() {}
}
