package io.portbroker.core.cache;

import io.portbroker.core.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** Builds a {@link ResponseCache}: settings and clock, then the optional tiers, sinks and resilience parts. */
public final class ResponseCacheBuilder {
    final CacheSettings settings;
    final Clock clock;
    CacheStore l2;
    CacheStore l3;
    Metrics metrics = Metrics.NONE;
    CacheAudit audit = CacheAudit.NONE;
    Executor executor = Executors.newVirtualThreadPerTaskExecutor();
    Duration namespaceRefresh = Duration.ofSeconds(2);
    CacheResilienceSettings resilience = CacheResilienceSettings.ofDefaults();
    CacheLease lease;
    FleetLease.Pause pause = FleetLease.Pause.SLEEP;

    ResponseCacheBuilder(CacheSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The shared tier (DynamoDB); it also holds the namespace versions. */
    public ResponseCacheBuilder l2(CacheStore store) {
        this.l2 = store;
        return this;
    }

    /** The cold tier (S3) for large entries and read-through after L2 expiry. */
    public ResponseCacheBuilder l3(CacheStore store) {
        this.l3 = store;
        return this;
    }

    public ResponseCacheBuilder metrics(Metrics m) {
        this.metrics = m;
        return this;
    }

    public ResponseCacheBuilder audit(CacheAudit a) {
        this.audit = a;
        return this;
    }

    /** Runs the bounded reads of the shared tiers (virtual threads by default). */
    public ResponseCacheBuilder executor(Executor e) {
        this.executor = e;
        return this;
    }

    /** How long a namespace version is trusted before it is re-read from L2. */
    public ResponseCacheBuilder namespaceRefresh(Duration d) {
        this.namespaceRefresh = d;
        return this;
    }

    /** Stale-if-error and the lease (both off by default). */
    public ResponseCacheBuilder resilience(CacheResilienceSettings r) {
        this.resilience = r;
        return this;
    }

    /** Where the cross-container lease lives (used only when {@link CacheResilienceSettings#lease} is set). */
    public ResponseCacheBuilder lease(CacheLease l) {
        this.lease = l;
        return this;
    }

    /** How a container waiting for another container's answer pauses between polls (tests advance a clock). */
    public ResponseCacheBuilder pause(FleetLease.Pause p) {
        this.pause = p;
        return this;
    }

    public ResponseCache build() {
        return new ResponseCache(this);
    }
}
