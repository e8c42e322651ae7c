package io.portbroker.core.cache;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.gateway.StreamStarter;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.Router;
import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;
import io.portbroker.error.NotFoundError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The response cache as a decorator of the {@link Messages} port: looks the request up (L1 → L2 → L3), answers a
 * hit whole or as a replayed stream, coalesces identical concurrent misses, and stores clean, deterministic,
 * PII-free answers. It tells the client what happened in {@code x-portbroker-cache} (and {@code age} on a hit).
 * Any failure of the cache itself is a miss: the request then goes upstream as if there were no cache.
 */
public final class CachingMessages implements Messages {
    public static final String HEADER = CacheMode.HEADER;

    /** Failures of the provider side, after which an expired entry within the grace may be served. */
    private static final Set<ErrorCategory> STALE_ON = Set.of(
            ErrorCategory.PROVIDER_AUTH,
            ErrorCategory.PROVIDER_CONNECTION,
            ErrorCategory.PROVIDER_SERVER,
            ErrorCategory.PROVIDER_TIMEOUT,
            ErrorCategory.OVERLOADED);

    private final Messages inner;
    private final ResponseCache cache;
    private final ConfigStore config;
    private final CachePlanner planner;

    /**
     * @param routes resolves the model to its route (the route and its version are part of the key)
     * @param config providers (route versions, prices for the cost saved)
     */
    public CachingMessages(
            Messages inner, ResponseCache cache, Router routes, ConfigStore config, CacheKeyBuilder keys) {
        this.inner = inner;
        this.cache = cache;
        this.config = config;
        this.planner = new CachePlanner(cache, routes, config, keys);
    }

    @Override
    public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
        CachePlan plan = planner.plan(request, ctx);
        if (plan.key() == null) {
            return inner.complete(request, ctx, notes);
        }
        Instant started = cache.clock().instant();
        Optional<ResponseCache.Hit> found = plan.readable() ? lookup(plan) : Optional.empty();
        if (found.isPresent() && !found.get().stale()) {
            answered(plan, ctx, found.get(), started);
            return new Served<>(
                    found.get().entry().response(), found.get().entry().providerId());
        }
        refuseForceOnly(plan);
        if (skippedForPii(plan, ctx, request)) {
            return inner.complete(request, ctx, notes);
        }
        Turn turn = turn(plan, ctx, started);
        try {
            if (turn.answer() != null) {
                return new Served<>(turn.answer().response(), turn.answer().providerId());
            }
            outcome(plan, ctx, CacheOutcome.MISS);
            Served<NormalizedResponse> served;
            try {
                served = inner.complete(request, ctx, notes);
            } catch (GatewayException e) {
                CacheEntry stale = staleFallback(plan, ctx, found, e);
                return new Served<>(stale.response(), stale.providerId());
            }
            turn.land(offer(plan, request, served.value(), List.of(), served.providerId(), since(started)));
            return served;
        } finally {
            turn.land(null);
        }
    }

    @Override
    public void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            Consumer<Runnable> cancellation) {
        CachePlan plan = planner.plan(request, ctx);
        if (plan.key() == null) {
            inner.stream(request, ctx, notes, starter, cancellation);
            return;
        }
        Instant started = cache.clock().instant();
        Optional<ResponseCache.Hit> found = plan.readable() ? lookup(plan) : Optional.empty();
        if (found.isPresent() && !found.get().stale()) {
            answered(plan, ctx, found.get(), started);
            StreamReplay.replay(
                    found.get().entry(), starter.start(found.get().entry().providerId()));
            return;
        }
        refuseForceOnly(plan);
        if (skippedForPii(plan, ctx, request)) {
            inner.stream(request, ctx, notes, starter, cancellation);
            return;
        }
        Turn turn = turn(plan, ctx, started);
        try {
            if (turn.answer() != null) {
                StreamReplay.replay(turn.answer(), starter.start(turn.answer().providerId()));
                return;
            }
            outcome(plan, ctx, CacheOutcome.MISS);
            StreamRecorder recorder = new StreamRecorder();
            AtomicReference<String> provider = new AtomicReference<>();
            try {
                inner.stream(
                        request,
                        ctx,
                        notes,
                        providerId -> {
                            provider.set(providerId);
                            return recorder.tee(starter.start(providerId));
                        },
                        cancellation);
            } catch (GatewayException e) {
                if (provider.get() != null) {
                    throw e; // the client already has the start of a live stream: nothing can be replayed now
                }
                CacheEntry stale = staleFallback(plan, ctx, found, e);
                StreamReplay.replay(stale, starter.start(stale.providerId()));
                return;
            }
            Optional<StreamRecorder.Recorded> recorded = recorder.result();
            if (recorded.isPresent()) {
                turn.land(offer(
                        plan,
                        request,
                        recorded.get().response(),
                        recorded.get().events(),
                        provider.get(),
                        since(started)));
            } else {
                notStored("errored_stream");
            }
        } finally {
            turn.land(null);
        }
    }

    /**
     * One miss's place among identical misses: in this container (single-flight) and across containers (the
     * lease). {@code answer} is set when someone else's answer arrived meanwhile (already reported as a hit).
     */
    private final class Turn {
        private final SingleFlight.Flight flight;
        private final String hash;
        private final String owner;
        private final CacheEntry answer;
        private boolean landed;

        Turn(SingleFlight.Flight flight, String hash, String owner, CacheEntry answer) {
            this.flight = flight;
            this.hash = hash;
            this.owner = owner;
            this.answer = answer;
        }

        CacheEntry answer() {
            return answer;
        }

        /** Ends this caller's flight with {@code entry} (or null); the first call counts. */
        void land(CacheEntry entry) {
            if (landed) {
                return;
            }
            landed = true;
            if (flight != null) {
                flight.land(entry);
            }
            if (owner != null) {
                // queued behind the entry's own write, so a waiting container finds the entry before the lease goes
                cache.writes().submit(() -> cache.fleet().release(hash, owner));
            }
        }
    }

    /** Joins the single-flight of the key (waiting for a leader), then, leading, the fleet's lease. */
    private Turn turn(CachePlan plan, RequestContext ctx, Instant started) {
        String hash = plan.key().hash();
        SingleFlight.Flight flight = plan.readable() ? cache.flights().join(hash) : null;
        if (flight == null) {
            return new Turn(null, hash, null, null);
        }
        if (!flight.leader()) {
            Optional<CacheEntry> shared = flight.await(cache.settings().flightWait());
            if (shared.isPresent()) {
                answered(plan, ctx, new ResponseCache.Hit(shared.get(), CacheOutcome.Tier.L1), started);
                return new Turn(null, hash, null, shared.get());
            }
            // the leader had nothing storable: this caller goes upstream itself, as it would without a cache
            return new Turn(null, hash, null, null);
        }
        Optional<ResponseCache.Hit> landed = cache.lookupL1(hash);
        if (landed.isPresent()) {
            answered(plan, ctx, landed.get(), started);
            flight.land(landed.get().entry());
            return new Turn(flight, hash, null, landed.get().entry());
        }
        FleetLease fleet = cache.fleet();
        if (fleet == null) {
            return new Turn(flight, hash, null, null);
        }
        FleetLease.Turn claim = fleet.claim(hash, () -> cache.lookupFresh(hash), cache.resilience(), cache.clock());
        if (claim.answer().isPresent()) {
            ResponseCache.Hit hit = claim.answer().get();
            answered(plan, ctx, hit, started);
            flight.land(hit.entry());
            return new Turn(flight, hash, null, hit.entry());
        }
        return new Turn(flight, hash, claim.owner(), null);
    }

    /**
     * The expired entry to serve when the provider failed, reported as {@code stale} with {@code age} and a
     * {@code warning}; rethrows {@code failure} when stale-if-error is off, the failure is not the provider's,
     * or no entry within the grace was found.
     */
    private CacheEntry staleFallback(
            CachePlan plan, RequestContext ctx, Optional<ResponseCache.Hit> found, GatewayException failure) {
        if (!cache.resilience().staleEnabled()
                || found.isEmpty()
                || !found.get().stale()
                || !STALE_ON.contains(failure.category())) {
            throw failure;
        }
        CacheEntry entry = found.get().entry();
        outcome(plan, ctx, CacheOutcome.STALE);
        ctx.responseHeaders()
                .put("age", Long.toString(entry.ageSeconds(cache.clock().instant())));
        ctx.responseHeaders().put("warning", "111 portbroker \"Revalidation Failed\"");
        cache.staleServed();
        return entry;
    }

    /**
     * A prompt with PII under {@code pii-action: skip} is never stored, so it is not worth a flight or a lease:
     * it goes upstream reported as {@code skip}, audited (kinds only, never a value).
     */
    private boolean skippedForPii(CachePlan plan, RequestContext ctx, NormalizedRequest request) {
        if (cache.settings().piiAction() != CacheSettings.PiiAction.SKIP) {
            return false;
        }
        Set<String> pii = PiiGuard.scan(request);
        if (pii.isEmpty()) {
            return false;
        }
        outcome(plan, ctx, CacheOutcome.SKIP);
        auditPii(plan, "cache.pii.skip", pii);
        notStored("pii");
        return true;
    }

    private void auditPii(CachePlan plan, String action, Set<String> kinds) {
        String target = plan.key().hash().substring(0, 12);
        Map<String, String> details = Map.of(
                "kinds",
                String.join(",", new TreeSet<>(kinds)),
                "route",
                plan.key().route());
        cache.writes().submit(() -> cache.audit().record(action, target, details));
    }

    private Optional<ResponseCache.Hit> lookup(CachePlan plan) {
        try {
            return cache.lookup(plan.key().hash());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void refuseForceOnly(CachePlan plan) {
        if (plan.mode() == CacheMode.FORCE_ONLY) {
            cache.count(plan.key().route(), CacheOutcome.MISS);
            throw new NotFoundError(
                    "no cached answer for this request, and " + HEADER + ": force-only forbids calling the model");
        }
    }

    private void answered(CachePlan plan, RequestContext ctx, ResponseCache.Hit hit, Instant started) {
        CacheOutcome outcome = CacheOutcome.hit(hit.tier());
        outcome(plan, ctx, outcome);
        ctx.responseHeaders()
                .put("age", Long.toString(hit.entry().ageSeconds(cache.clock().instant())));
        cache.hitCount(plan.key().hash(), true);
        cache.saved(hit.entry(), since(started));
    }

    private void outcome(CachePlan plan, RequestContext ctx, CacheOutcome outcome) {
        ctx.responseHeaders().put(HEADER, outcome.header());
        cache.count(plan.key().route(), outcome);
    }

    /** Stores a finished answer when the policy and the PII guard allow; returns what was stored, or null. */
    private CacheEntry offer(
            CachePlan plan,
            NormalizedRequest request,
            NormalizedResponse response,
            List<StreamEvent> events,
            String providerId,
            Duration upstream) {
        try {
            if (!CachePolicy.storable(response)) {
                notStored("not_storable");
                return null;
            }
            CacheSettings s = cache.settings();
            Set<String> pii = new TreeSet<>(PiiGuard.scan(request));
            pii.addAll(PiiGuard.scan(response));
            NormalizedResponse kept = response;
            List<StreamEvent> keptEvents = events;
            if (!pii.isEmpty()) {
                if (s.piiAction() == CacheSettings.PiiAction.SKIP) {
                    auditPii(plan, "cache.pii.skip", pii);
                    notStored("pii");
                    return null;
                }
                kept = PiiGuard.redact(response);
                keptEvents = List.of();
                auditPii(plan, "cache.pii.redact", pii);
            }
            Instant now = cache.clock().instant();
            long hits = cache.hitCount(plan.key().hash(), false);
            Duration ttl = CachePolicy.ttl(s, plan.key().route(), hits, upstream);
            CacheEntry entry = new CacheEntry(
                    plan.key().hash(),
                    plan.key().route(),
                    providerId,
                    now,
                    now.plus(ttl),
                    upstream.toMillis(),
                    cost(providerId, response),
                    kept,
                    keptEvents);
            cache.store(entry);
            return entry;
        } catch (RuntimeException e) {
            notStored("error");
            return null;
        }
    }

    private double cost(String providerId, NormalizedResponse r) {
        return config.providers().stream()
                .filter(p -> p.id().equals(providerId) && p.pricing() != null)
                .findFirst()
                .map(p ->
                        p.pricing().cost(r.usage().totalInputTokens(), r.usage().outputTokens()))
                .orElse(0.0);
    }

    private void notStored(String reason) {
        cache.metrics().increment(CacheMetricNames.NOT_STORED, Map.of("reason", reason));
    }

    private Duration since(Instant started) {
        return Duration.between(started, cache.clock().instant());
    }
}
