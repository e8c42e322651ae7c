package io.portbroker.core.gateway;

import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.resilience.Backoff;
import io.portbroker.core.resilience.CircuitBreakers;
import io.portbroker.core.resilience.CoolDowns;
import io.portbroker.core.resilience.RetryBudget;
import io.portbroker.core.resilience.RetrySettings;
import io.portbroker.core.resilience.Sleeper;
import io.portbroker.core.routing.Candidate;
import io.portbroker.core.routing.LatencyTracker;
import io.portbroker.core.routing.RoutePlan;
import io.portbroker.error.CancelledError;
import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Runs one client request over its route plan: attempts in plan order with failover, retries of the same target
 * with exponential backoff and full jitter, {@code Retry-After} turned into a bounded per-target cool-down
 * ({@link CoolDowns}: cooling targets go last, one probe at a time), a per-request attempt cap,
 * a retry budget shared by all requests of the container, one circuit breaker per target, and hedging for routes
 * that opt in (see {@link io.portbroker.core.routing.HedgePolicy}). A retriable failure moves on only while nothing has reached the client; once the
 * first byte is out, a failure ends the stream in-stream and is never retried.
 */
public final class ExecutionOrchestrator {

    private final CircuitBreakers breakers;
    private final CoolDowns coolDowns;
    private final RetryBudget budget;
    private final Backoff backoff;
    private final RetrySettings settings;
    private final LatencyTracker latency;
    private final Metrics metrics;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Executor executor;

    /**
     * @param executor runs the attempts of hedged requests (virtual threads in production)
     */
    public ExecutionOrchestrator(
            CircuitBreakers breakers,
            RetryBudget budget,
            Backoff backoff,
            RetrySettings settings,
            LatencyTracker latency,
            Metrics metrics,
            Sleeper sleeper,
            Clock clock,
            Executor executor) {
        this.breakers = breakers;
        this.coolDowns = new CoolDowns(clock, settings.retryAfterCap());
        this.budget = budget;
        this.backoff = backoff;
        this.settings = settings;
        this.latency = latency;
        this.metrics = metrics;
        this.sleeper = sleeper;
        this.clock = clock;
        this.executor = executor;
    }

    /**
     * Executes the work of one request.
     *
     * @return the work's result, or null when a stream failed after its first byte (reported in-stream)
     * @throws GatewayException the last failure when no attempt succeeded before anything reached the client
     */
    <T> T execute(RoutePlan plan, RequestContext ctx, AttemptWork<T> work) {
        budget.deposit();
        return new Execution<>(this, plan, ctx, work).run();
    }

    /** What one attempt does with its candidate (call, then read or stream). */
    @FunctionalInterface
    interface AttemptWork<T> {
        /**
         * @param headersTimeout the time the upstream has to send response headers
         * @param race claim it before anything reaches the client; a false claim means another attempt won
         */
        T run(Attempt attempt, Duration headersTimeout, Race race);
    }

    // package-private accessors for the per-request execution

    CircuitBreakers breakers() {
        return breakers;
    }

    CoolDowns coolDowns() {
        return coolDowns;
    }

    RetryBudget budget() {
        return budget;
    }

    Backoff backoff() {
        return backoff;
    }

    RetrySettings settings() {
        return settings;
    }

    Metrics metrics() {
        return metrics;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    Executor executor() {
        return executor;
    }

    /** Time-to-first-token bookkeeping of the attempt that won. */
    void won(Attempt attempt) {
        Duration ttft = Duration.between(attempt.started(), clock.instant());
        latency.record(attempt.candidate().id(), ttft);
        metrics.time(
                MetricNames.UPSTREAM_TTFT, Map.of("target", attempt.candidate().id()), ttft);
        if (attempt.hedge()) {
            metrics.increment(
                    MetricNames.HEDGE_WINS, Map.of("target", attempt.candidate().id()));
        }
    }

    LatencyTracker latency() {
        return latency;
    }

    /** Updates the breaker and the counters after a failed attempt. */
    void failed(Candidate candidate, GatewayException e) {
        String id = candidate.id();
        metrics.increment(
                MetricNames.UPSTREAM_ERRORS, Map.of("category", e.category().name(), "target", id));
        switch (e.category()) {
            case RATE_LIMITED -> breakers.release(id);
            case PROVIDER_CONNECTION, PROVIDER_SERVER, PROVIDER_TIMEOUT, OVERLOADED, PROVIDER_AUTH, BILLING ->
                breakers.onFailure(id);
            default -> breakers.release(id);
        }
        Duration pause = pauseAskedFor(e);
        if (!pause.isZero()) {
            coolDowns.coolDown(coolDownKey(candidate), pause);
        }
    }

    /** The pause a failure asks for: its {@code Retry-After}, or one second for a 429 without one; else zero. */
    static Duration pauseAskedFor(GatewayException e) {
        if (e.retryAfterSeconds() > 0) {
            return Duration.ofSeconds(e.retryAfterSeconds());
        }
        return e.category() == ErrorCategory.RATE_LIMITED ? Duration.ofSeconds(1) : Duration.ZERO;
    }

    /** Cool-downs are per target and per upstream credential. */
    static String coolDownKey(Candidate candidate) {
        return CoolDowns.key(candidate.id(), candidate.provider().credentialRef());
    }

    static CancelledError interrupted() {
        Thread.currentThread().interrupt();
        return new CancelledError("the request was interrupted");
    }
}
