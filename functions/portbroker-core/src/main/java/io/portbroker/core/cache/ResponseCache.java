package io.portbroker.core.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portbroker.core.metrics.Metrics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tiers read through L1 → L2 → L3 with promotion, writes (L1 at once, L2/L3 behind), namespaces, the live
 * settings and the numbers the admin API and the metrics show. Entries larger than the L2 item limit go to L3
 * with a pointer in L2. A tier that fails or is slow is a miss, never an error.
 */
public final class ResponseCache implements AutoCloseable {
    static final byte[] POINTER = "pb-cache-pointer:l3".getBytes(StandardCharsets.UTF_8);

    private final AtomicReference<CacheSettings> settings;
    private final CacheResilienceSettings resilience;
    private final FleetLease fleet;
    private final Clock clock;
    private final L1Cache l1;
    private final CacheTier l2;
    private final CacheTier l3;
    private final Namespaces namespaces;
    private final WriteBehind writes;
    private final Metrics metrics;
    private final CacheAudit audit;
    private final SingleFlight flights = new SingleFlight();
    private final Cache<String, AtomicLong> keyHits;
    private final CacheCounters counters;

    ResponseCache(ResponseCacheBuilder b) {
        this.settings = new AtomicReference<>(b.settings);
        this.resilience = b.resilience;
        this.clock = b.clock;
        this.metrics = b.metrics;
        this.audit = b.audit;
        this.counters = new CacheCounters(b.metrics);
        this.l1 = new L1Cache(
                b.settings.l1MaxWeight(), this::retainedUntil, b.clock, (reason, e) -> counters.evicted(reason));
        this.l2 = tier(CacheOutcome.Tier.L2, b.l2, b);
        this.l3 = tier(CacheOutcome.Tier.L3, b.l3, b);
        this.writes = new WriteBehind(b.settings.writeQueue());
        CacheStore nsStore = l2 != null ? new TierNamespaceStore(l2) : new MemoryNamespaceStore();
        this.namespaces = new Namespaces(nsStore, b.clock, b.namespaceRefresh, b.settings.retention());
        this.keyHits = Caffeine.newBuilder().maximumSize(10_000).build();
        this.fleet = b.lease == null || !b.resilience.leaseEnabled()
                ? null
                : new FleetLease(b.lease, b.executor, b.settings.readTimeout(), b.pause);
    }

    private static CacheTier tier(CacheOutcome.Tier tier, CacheStore store, ResponseCacheBuilder b) {
        if (store == null) {
            return null;
        }
        return new CacheTier(
                tier,
                store,
                new TierBreaker(b.settings.breakerFailures(), b.settings.breakerOpen(), b.clock),
                b.settings.readTimeout(),
                b.executor);
    }

    /** Starts a cache over the given settings and clock (no shared tiers until added). */
    public static ResponseCacheBuilder builder(CacheSettings settings, Clock clock) {
        return new ResponseCacheBuilder(settings, clock);
    }

    /** The settings in force (the admin may replace them at run time). */
    public CacheSettings settings() {
        return settings.get();
    }

    /** Replaces the settings (hot update; the L1 capacity and queue size keep their start values). */
    public void update(CacheSettings next) {
        settings.set(next);
    }

    Clock clock() {
        return clock;
    }

    /** Stale-if-error and the lease (start-up settings). */
    public CacheResilienceSettings resilience() {
        return resilience;
    }

    /** The cross-container lease, or null when off or without a lease store. */
    FleetLease fleet() {
        return fleet;
    }

    SingleFlight flights() {
        return flights;
    }

    WriteBehind writes() {
        return writes;
    }

    Metrics metrics() {
        return metrics;
    }

    CacheAudit audit() {
        return audit;
    }

    /**
     * A hit and the tier that had it; {@code stale} when the entry is past its expiry but within the stale grace
     * (served only when the provider fails).
     */
    record Hit(CacheEntry entry, CacheOutcome.Tier tier, boolean stale) {
        Hit(CacheEntry entry, CacheOutcome.Tier tier) {
            this(entry, tier, false);
        }
    }

    /**
     * Reads through the tiers; a hit in a lower tier is promoted upward. A fresh entry wins; otherwise the first
     * stale one (within the grace) is returned, marked, and the caller decides whether to use it.
     */
    Optional<Hit> lookup(String key) {
        Instant now = clock.instant();
        Optional<CacheEntry> fromL1 = l1.get(key);
        if (fromL1.isPresent() && fromL1.get().liveAt(now)) {
            counters.l1Hit();
            return Optional.of(new Hit(fromL1.get(), CacheOutcome.Tier.L1));
        }
        Hit stale = fromL1.map(e -> new Hit(e, CacheOutcome.Tier.L1, true)).orElse(null);
        Optional<Hit> shared = lookupShared(key, now);
        if (shared.isPresent() && (!shared.get().stale() || stale == null)) {
            return shared;
        }
        return Optional.ofNullable(stale);
    }

    /**
     * L2 then L3 (fresh entries promoted to L1; L3 hits to L2 too). With L2 on, every L3 entry has a pointer in
     * L2 with the same expiry, so a definite L2 miss ends the lookup: L3 is read only through a pointer or when
     * L2 could not answer (saves an S3 round trip on every miss).
     */
    private Optional<Hit> lookupShared(String key, Instant now) {
        if (l2 != null) {
            CacheTier.Read read = l2.attempt(key, now);
            Optional<byte[]> bytes = read.value();
            if (read.answered() && bytes.isEmpty()) {
                return Optional.empty();
            }
            if (bytes.isPresent()) {
                boolean pointer = Arrays.equals(bytes.get(), POINTER);
                Optional<byte[]> body = pointer && l3 != null ? l3.read(key, now) : bytes.filter(b -> !pointer);
                Optional<CacheEntry> entry = body.flatMap(b -> decode(b, pointer ? l3 : l2, key, now));
                if (entry.isPresent()) {
                    return Optional.of(
                            promoted(entry.get(), pointer ? CacheOutcome.Tier.L3 : CacheOutcome.Tier.L2, false, now));
                }
                return Optional.empty();
            }
        }
        if (l3 != null) {
            Optional<CacheEntry> entry = l3.read(key, now).flatMap(b -> decode(b, l3, key, now));
            if (entry.isPresent()) {
                return Optional.of(promoted(entry.get(), CacheOutcome.Tier.L3, l2 != null, now));
            }
        }
        return Optional.empty();
    }

    private Hit promoted(CacheEntry entry, CacheOutcome.Tier tier, boolean toL2, Instant now) {
        if (!entry.liveAt(now)) {
            return new Hit(entry, tier, true); // kept where it is: it is only good as a fallback
        }
        l1.put(entry);
        if (toL2) {
            writeBehind(entry, true);
        }
        return new Hit(entry, tier);
    }

    /** A fresh entry from L2/L3 only (a container waiting for another container's answer polls this). */
    Optional<Hit> lookupFresh(String key) {
        Instant now = clock.instant();
        return lookupShared(key, now).filter(h -> !h.stale());
    }

    /** L1 only: a new flight leader looks again, in case the previous flight landed just before it joined. */
    Optional<Hit> lookupL1(String key) {
        Instant now = clock.instant();
        return l1.get(key).filter(e -> e.liveAt(now)).map(e -> new Hit(e, CacheOutcome.Tier.L1));
    }

    private Optional<CacheEntry> decode(byte[] bytes, CacheTier from, String key, Instant now) {
        try {
            CacheEntry e = CacheEntryCodec.decode(bytes);
            if (!e.keyHash().equals(key)) {
                throw new CorruptEntryException("entry stored under another key");
            }
            return Optional.of(e).filter(x -> now.isBefore(retainedUntil(x)));
        } catch (CorruptEntryException e) {
            counters.corrupt(from.tier());
            writes.submit(() -> from.delete(key));
            return Optional.empty();
        }
    }

    /**
     * How long the tiers keep an entry: its expiry plus the stale grace, never past the retention bound (so an
     * entry that may be served stale is still there when the provider fails).
     */
    Instant retainedUntil(CacheEntry e) {
        Instant kept = e.expiresAt().plus(resilience.staleGrace());
        Instant bound = e.createdAt().plus(settings().retention());
        return kept.isAfter(bound) ? bound : kept;
    }

    /** Counts one answer served stale. */
    void staleServed() {
        counters.staleServed();
    }

    /** Stores an entry: L1 now, the shared tiers in the background. */
    void store(CacheEntry entry) {
        l1.put(entry);
        writeBehind(entry, false);
        metrics.gauge(CacheMetricNames.MEMORY_BYTES, Map.of(), l1.bytes());
    }

    private void writeBehind(CacheEntry entry, boolean onlyL2) {
        if (l2 == null && l3 == null) {
            return;
        }
        int limit = settings().l2MaxItemBytes();
        Instant until = retainedUntil(entry);
        writes.submit(() -> {
            byte[] bytes = CacheEntryCodec.encode(entry);
            boolean large = bytes.length > limit;
            if (large && l3 != null) {
                if (!onlyL2) {
                    l3.write(entry.keyHash(), bytes, until);
                }
                if (l2 != null) {
                    l2.write(entry.keyHash(), POINTER, until);
                }
            } else if (!large && l2 != null) {
                l2.write(entry.keyHash(), bytes, until);
            } else if (!large && !onlyL2) {
                l3.write(entry.keyHash(), bytes, until);
            }
        });
        metrics.gauge(CacheMetricNames.WRITE_QUEUE_DEPTH, Map.of(), writes.depth());
        metrics.gauge(CacheMetricNames.WRITE_FAILURES, Map.of(), writes.failures() + writes.dropped());
    }

    /** Hits the key had so far (adaptive TTL), then counts this one. */
    long hitCount(String key, boolean count) {
        AtomicLong n = keyHits.get(key, k -> new AtomicLong());
        return count ? n.getAndIncrement() : n.get();
    }

    /** The namespace versions a request's key includes. */
    Map<String, String> namespaceVersions(Map<String, String> names) {
        Map<String, String> out = new java.util.TreeMap<>();
        names.forEach((slot, name) -> out.put(slot, namespaces.version(name)));
        return out;
    }

    /** Counts one decision for a route (admin stats) and in the metrics. */
    void count(String route, CacheOutcome outcome) {
        counters.count(route, outcome);
    }

    /** Records what a hit saved. */
    void saved(CacheEntry entry, Duration hitTook) {
        counters.saved(entry, hitTook);
    }

    // ---------------------------------------------------------------- admin

    /** Numbers per tier and per route. */
    public Map<String, Object> stats() {
        Map<String, Object> tiers = new LinkedHashMap<>();
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("hits", counters.l1Hits());
        one.put("entries", l1.size());
        one.put("approx_bytes", l1.bytes());
        tiers.put("l1", one);
        for (CacheTier t : new CacheTier[] {l2, l3}) {
            if (t != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("hits", t.hits.sum());
                m.put("misses", t.misses.sum());
                m.put("errors", t.errors.sum());
                m.put("writes", t.writes.sum());
                m.put("breaker", t.breakerState());
                tiers.put(t.tier().id(), m);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", settings().enabled());
        out.put("tiers", tiers);
        out.put("routes", counters.routes());
        out.put(
                "write_behind",
                Map.of(
                        "depth", writes.depth(),
                        "completed", writes.completed(),
                        "failures", writes.failures(),
                        "dropped", writes.dropped()));
        out.put("corrupt_dropped", counters.corruptCount());
        out.put("stale_served", counters.staleServedCount());
        out.put("in_flight", flights.size());
        out.put("latency_saved_ms_total", counters.savedMillis());
        out.put("cost_saved_usd", counters.costSaved());
        return out;
    }

    /** Finds an entry by key hash in any tier without promoting it; with the tier that had it. */
    public Optional<Map.Entry<CacheEntry, CacheOutcome.Tier>> find(String key) {
        Instant now = clock.instant();
        Optional<CacheEntry> e = l1.get(key);
        if (e.isPresent()) {
            return Optional.of(Map.entry(e.get(), CacheOutcome.Tier.L1));
        }
        for (CacheTier t : new CacheTier[] {l2, l3}) {
            if (t != null) {
                Optional<byte[]> bytes = t.read(key, now);
                if (bytes.isPresent() && !Arrays.equals(bytes.get(), POINTER)) {
                    Optional<CacheEntry> entry = decode(bytes.get(), t, key, now);
                    if (entry.isPresent()) {
                        return Optional.of(Map.entry(entry.get(), t.tier()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Invalidates a namespace ({@code global} also empties this container's L1 at once).
     *
     * @return the namespace's new version
     * @throws IllegalArgumentException for a malformed namespace name
     */
    public String invalidate(String namespace) {
        Namespaces.invalid(namespace).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        String v = namespaces.bump(namespace);
        if ("global".equals(namespace)) {
            l1.invalidateAll();
            metrics.increment(CacheMetricNames.EVICTIONS, Map.of("reason", "invalidated"));
        }
        return v;
    }

    /** Waits for queued writes (tests and shutdown). */
    public boolean flush(Duration limit) {
        return writes.flush(limit);
    }

    /** Drains the write-behind queue. */
    @Override
    public void close() {
        writes.close();
    }
}
