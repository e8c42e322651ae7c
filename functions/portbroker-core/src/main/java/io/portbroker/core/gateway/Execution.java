package io.portbroker.core.gateway;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.observability.Tracing;
import io.portbroker.core.resilience.TraceContext;
import io.portbroker.core.routing.Candidate;
import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.RoutePlan;
import io.portbroker.error.CancelledError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.error.RateLimitError;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The attempts of one client request; see {@link ExecutionOrchestrator}. Used by one thread. */
final class Execution<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Execution.class);

    private final ExecutionOrchestrator o;
    private final RoutePlan plan;
    private final RequestContext ctx;
    private final ExecutionOrchestrator.AttemptWork<T> work;
    private final List<Candidate> candidates;
    private final Instant deadline;
    private final TraceContext trace;
    /** The span attempts are children of (captured here: hedges run on other threads). */
    private final Context traceParent;

    private final Set<String> tried = new HashSet<>();
    private final Map<String, Integer> retriesOf = new HashMap<>();
    /** Targets that asked this request for a pause (Retry-After): not tried again by it. */
    private final Set<String> pausedHere = ConcurrentHashMap.newKeySet();
    /** Cool-down keys this request holds the probe of. */
    private final Set<String> probes = ConcurrentHashMap.newKeySet();

    private int attempts;
    private int cursor;
    private GatewayException last;

    Execution(ExecutionOrchestrator o, RoutePlan plan, RequestContext ctx, ExecutionOrchestrator.AttemptWork<T> work) {
        this.o = o;
        this.plan = plan;
        this.ctx = ctx;
        this.work = work;
        this.candidates = plan.candidates();
        this.deadline = o.clock().instant().plus(o.settings().totalDeadline());
        this.trace = TraceContext.fromHeaderOrNew(ctx.traceparent());
        this.traceParent = Context.current();
    }

    T run() {
        while (attempts < o.settings().maxAttempts()) {
            Candidate candidate = next();
            if (candidate == null) {
                break;
            }
            try {
                T result = plan.route().hedge().enabled()
                                && attempts + 1 < o.settings().maxAttempts()
                        ? hedged(candidate)
                        : single(candidate, new Race(o.clock(), o::won));
                if (attempts > 1) {
                    o.metrics().increment(MetricNames.RETRY_SUCCESS, Map.of());
                }
                return result;
            } catch (StreamRunner.CommittedFailure committed) {
                // the client already has bytes: the failure was reported in-stream, nothing may be retried
                return null;
            } catch (CancelledError e) {
                throw e;
            } catch (GatewayException e) {
                last = e;
                LOG.warn(
                        "request {} attempt {} on {} failed: {} ({})",
                        ctx.requestId(),
                        attempts,
                        candidate.id(),
                        e.category(),
                        e.getMessage());
                if (!e.retriable()) {
                    throw e;
                }
            }
        }
        if (last instanceof RateLimitError limited && limited.retryAfterSeconds() < 1) {
            throw new RateLimitError(limited.getMessage(), 1);
        }
        if (last != null) {
            throw last;
        }
        Duration cooling = soonestCoolDownEnd();
        if (cooling != null) {
            // every target is pausing and another request holds each probe: the pause is the honest answer
            throw new RateLimitError(
                    "every provider for this model is rate limited; retry after the pause",
                    Math.max(1, (cooling.toMillis() + 999) / 1000));
        }
        throw new OverloadedError("every provider for this model is temporarily unavailable", 1);
    }

    private Duration soonestCoolDownEnd() {
        return candidates.stream()
                .map(c -> o.coolDowns().remaining(ExecutionOrchestrator.coolDownKey(c)))
                .filter(d -> !d.isZero())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * The next candidate to try, its breaker permit taken: the plan is walked in order (failover), skipping
     * targets that are cooling down after a Retry-After and wrapping around to retry a target already tried, with
     * backoff; when only cooling targets are left, the one free soonest gets a probe (one request at a time);
     * when every breaker is open, the one that lets a probe through soonest is waited for, up to the Retry-After
     * cap and the deadline. A target that asked this request for a pause is not tried again by it. Retrying a
     * target already tried takes a token from the retry budget; failing over to a fresh target does not, since it
     * adds no load to the one that failed.
     */
    private Candidate next() {
        Candidate picked = acquireAvailable(null);
        if (picked == null) {
            picked = probeSoonestCooling();
        }
        if (picked == null) {
            picked = waitForSoonest();
        }
        if (picked == null || !tried.contains(picked.id())) {
            if (picked != null) {
                tried.add(picked.id());
            }
            return picked;
        }
        if (!o.budget().tryWithdraw()) {
            o.metrics().increment(MetricNames.RETRY_BUDGET_EXHAUSTED, Map.of());
            o.breakers().release(picked.id());
            String key = ExecutionOrchestrator.coolDownKey(picked);
            if (probes.remove(key)) {
                o.coolDowns().endProbe(key);
            }
            return null;
        }
        int retry = retriesOf.merge(picked.id(), 1, Integer::sum) - 1;
        sleepWithinDeadline(o.backoff().delay(retry, Duration.ZERO));
        return picked;
    }

    private Candidate acquireAvailable(Candidate except) {
        for (int step = 0; step < candidates.size(); step++) {
            int index = (cursor + step) % candidates.size();
            Candidate c = candidates.get(index);
            if (c != except
                    && !pausedHere.contains(c.id())
                    && !o.coolDowns().isCooling(ExecutionOrchestrator.coolDownKey(c))
                    && o.breakers().tryAcquire(c.id())) {
                cursor = index + 1;
                return c;
            }
        }
        return null;
    }

    /** The cooling target free soonest whose probe no other request holds, its probe and breaker permit taken. */
    private Candidate probeSoonestCooling() {
        List<Candidate> cooling = candidates.stream()
                .filter(c -> !pausedHere.contains(c.id()))
                .filter(c -> o.coolDowns().isCooling(ExecutionOrchestrator.coolDownKey(c)))
                .sorted(Comparator.comparing(c -> o.coolDowns().remaining(ExecutionOrchestrator.coolDownKey(c))))
                .toList();
        for (Candidate c : cooling) {
            String key = ExecutionOrchestrator.coolDownKey(c);
            if (o.coolDowns().tryProbe(key)) {
                if (o.breakers().tryAcquire(c.id())) {
                    probes.add(key);
                    return c;
                }
                o.coolDowns().endProbe(key);
            }
        }
        return null;
    }

    private Candidate waitForSoonest() {
        Candidate soonest = null;
        Duration wait = null;
        for (Candidate c : candidates) {
            if (pausedHere.contains(c.id()) || o.coolDowns().isCooling(ExecutionOrchestrator.coolDownKey(c))) {
                continue;
            }
            Duration d = o.breakers().unavailableFor(c.id());
            if (wait == null || d.compareTo(wait) < 0) {
                soonest = c;
                wait = d;
            }
        }
        if (soonest == null
                || wait.compareTo(o.settings().retryAfterCap()) > 0
                || o.clock().instant().plus(wait).isAfter(deadline)) {
            return null;
        }
        // whole milliseconds, rounded up: waking a fraction early would find the target still cooling down
        o.sleeper().sleep(Duration.ofMillis((wait.toNanos() + 999_999) / 1_000_000));
        return o.breakers().tryAcquire(soonest.id()) ? soonest : null;
    }

    private void sleepWithinDeadline(Duration wait) {
        Duration left = Duration.between(o.clock().instant(), deadline);
        o.sleeper().sleep(wait.compareTo(left) < 0 ? wait : left.isNegative() ? Duration.ZERO : left);
    }

    private Attempt newAttempt(Candidate c, boolean hedge) {
        attempts++;
        o.metrics().increment(MetricNames.ATTEMPTS, Map.of("target", c.id()));
        Span span = Tracing.span("upstream.attempt")
                .setParent(traceParent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("pb.target", c.id())
                .setAttribute("pb.attempt", attempts)
                .setAttribute("pb.hedge", hedge)
                .startSpan();
        SpanContext sc = span.getSpanContext();
        // a recording span's id goes upstream; without an SDK each attempt still gets its own span id
        TraceContext upstream = span.isRecording()
                ? new TraceContext(
                        sc.getTraceId(), sc.getSpanId(), sc.getTraceFlags().asHex())
                : trace.child();
        return new Attempt(c, ctx.requestId(), upstream, o.clock().instant(), hedge, span);
    }

    private T single(Candidate candidate, Race race) {
        Attempt attempt = newAttempt(candidate, false);
        race.add(attempt);
        return runAndAccount(attempt, race);
    }

    private T runAndAccount(Attempt attempt, Race race) {
        String id = attempt.candidate().id();
        String coolDownKey = ExecutionOrchestrator.coolDownKey(attempt.candidate());
        String failure = "error";
        try {
            T result = work.run(attempt, headersTimeout(attempt.candidate()), race);
            failure = null;
            o.breakers().onSuccess(id);
            o.coolDowns().clear(coolDownKey);
            return result;
        } catch (StreamRunner.CommittedFailure committed) {
            o.breakers().onFailure(id);
            Map<String, String> category =
                    Map.of("category", committed.category().name());
            o.metrics().increment(MetricNames.ERRORS, category);
            o.metrics()
                    .increment(
                            MetricNames.UPSTREAM_ERRORS,
                            Map.of("category", committed.category().name(), "target", id));
            throw committed;
        } catch (Race.Lost | CancelledError e) {
            o.breakers().release(id);
            throw e;
        } catch (GatewayException e) {
            failure = e.category().name();
            if (attempt.cancelled()) {
                o.breakers().release(id);
                throw new Race.Lost();
            }
            o.failed(attempt.candidate(), e);
            if (!ExecutionOrchestrator.pauseAskedFor(e).isZero()) {
                pausedHere.add(id);
            }
            throw e;
        } catch (RuntimeException e) {
            o.breakers().release(id);
            throw e;
        } finally {
            attempt.endSpan(failure);
            if (probes.remove(coolDownKey)) {
                o.coolDowns().endProbe(coolDownKey);
            }
        }
    }

    private Duration headersTimeout(Candidate c) {
        Duration left = Duration.between(o.clock().instant(), deadline);
        if (left.isNegative() || left.isZero()) {
            throw new ProviderTimeoutError("the request ran out of time before an attempt could start");
        }
        Duration firstToken = c.provider().timeouts().firstToken();
        return firstToken.compareTo(left) < 0 ? firstToken : left;
    }

    /** Starts the candidate; when no first token came within the hedge delay, races the next candidate. */
    private T hedged(Candidate primary) {
        Race race = new Race(o.clock(), o::won);
        Attempt first = newAttempt(primary, false);
        race.add(first);
        CompletableFuture<T> firstDone = submit(first, race);
        try {
            CompletableFuture.anyOf(first.firstToken(), firstDone)
                    .get(hedgeDelay(primary).toMillis(), TimeUnit.MILLISECONDS);
            return join(firstDone);
        } catch (TimeoutException slow) {
            return raceAgainstHedge(primary, race, first, firstDone);
        } catch (ExecutionException e) {
            return join(firstDone);
        } catch (InterruptedException e) {
            first.cancel();
            throw ExecutionOrchestrator.interrupted();
        }
    }

    private T raceAgainstHedge(Candidate primary, Race race, Attempt first, CompletableFuture<T> firstDone) {
        Candidate backup = o.budget().tryWithdraw() ? acquireAvailable(primary) : null;
        if (backup == null) {
            return join(firstDone);
        }
        tried.add(backup.id());
        o.metrics().increment(MetricNames.HEDGES, Map.of("target", backup.id()));
        Attempt hedge = newAttempt(backup, true);
        race.add(hedge);
        CompletableFuture<T> hedgeDone = submit(hedge, race);
        try {
            CompletableFuture.anyOf(firstDone, hedgeDone)
                    .exceptionally(e -> null)
                    .get();
            CompletableFuture<T> done = firstDone.isDone() ? firstDone : hedgeDone;
            CompletableFuture<T> other = done == firstDone ? hedgeDone : firstDone;
            if (!done.isCompletedExceptionally() || race.winner() != null) {
                // the winner is known: wait for its outcome, the loser was cancelled by the claim
                return join(race.winner() == hedge ? hedgeDone : race.winner() == first ? firstDone : done);
            }
            // the first to finish failed before any token: the other attempt may still win
            rememberFailure(done);
            return join(other);
        } catch (ExecutionException | CompletionException e) {
            return join(firstDone.isCompletedExceptionally() ? hedgeDone : firstDone);
        } catch (InterruptedException e) {
            first.cancel();
            hedge.cancel();
            throw ExecutionOrchestrator.interrupted();
        }
    }

    private void rememberFailure(CompletableFuture<T> failed) {
        try {
            failed.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof GatewayException g && g.retriable()) {
                last = g;
            }
        }
    }

    private Duration hedgeDelay(Candidate c) {
        HedgePolicy policy = plan.route().hedge();
        if (policy.useObservedP95()) {
            var p95 = o.latency().p95Millis(c.id());
            if (p95.isPresent()) {
                return Duration.ofMillis(Math.max(1, p95.getAsLong()));
            }
        }
        return policy.delay();
    }

    private CompletableFuture<T> submit(Attempt attempt, Race race) {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        return CompletableFuture.supplyAsync(
                () -> {
                    if (mdc != null) {
                        MDC.setContextMap(mdc);
                    }
                    try {
                        return runAndAccount(attempt, race);
                    } finally {
                        MDC.clear();
                    }
                },
                o.executor());
    }

    /** The future's value, or its failure rethrown as it was thrown inside the attempt. */
    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
