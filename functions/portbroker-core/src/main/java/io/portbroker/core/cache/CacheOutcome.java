package io.portbroker.core.cache;

/** What the cache did for a request, as reported in the response header {@code x-portbroker-cache}. */
public enum CacheOutcome {
    HIT_L1("hit-l1"),
    HIT_L2("hit-l2"),
    HIT_L3("hit-l3"),
    MISS("miss"),
    BYPASS("bypass"),
    SKIP("skip"),
    /** An expired entry (within the stale grace) served because the provider failed. */
    STALE("stale");

    private final String header;

    CacheOutcome(String header) {
        this.header = header;
    }

    /** The header value. */
    public String header() {
        return header;
    }

    /** The hit outcome of a tier. */
    public static CacheOutcome hit(Tier tier) {
        return switch (tier) {
            case L1 -> HIT_L1;
            case L2 -> HIT_L2;
            case L3 -> HIT_L3;
        };
    }

    /** The cache tiers, fastest first. */
    public enum Tier {
        L1,
        L2,
        L3;

        /** Lower-case name for metrics and the admin API. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
