package io.portbroker.core.gateway;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.portbroker.core.resilience.TraceContext;
import io.portbroker.core.routing.Candidate;
import io.portbroker.core.upstream.UpstreamResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One try of one candidate within a client request, traced as its own {@code upstream.attempt} span (the time
 * to first token is its {@code first_token} event). The orchestrator can cancel it from another thread (a hedge
 * won, the client left): the registered upstream response is closed, which unblocks any read on it.
 */
final class Attempt {
    private final Candidate candidate;
    private final String requestId;
    private final TraceContext trace;
    private final Instant started;
    private final boolean hedge;
    private final Span span;
    private final CompletableFuture<Instant> firstToken = new CompletableFuture<>();
    private Runnable abort;
    private boolean cancelled;

    Attempt(Candidate candidate, String requestId, TraceContext trace, Instant started, boolean hedge) {
        this(candidate, requestId, trace, started, hedge, Span.getInvalid());
    }

    /** As above, traced by {@code span} (its id is what goes upstream when it records). */
    Attempt(Candidate candidate, String requestId, TraceContext trace, Instant started, boolean hedge, Span span) {
        this.span = span;
        this.candidate = candidate;
        this.requestId = requestId;
        this.trace = trace;
        this.started = started;
        this.hedge = hedge;
    }

    Candidate candidate() {
        return candidate;
    }

    String requestId() {
        return requestId;
    }

    TraceContext trace() {
        return trace;
    }

    Instant started() {
        return started;
    }

    boolean hedge() {
        return hedge;
    }

    /** Completes when the attempt produced its first token (streams) or its answer (non-streamed). */
    CompletableFuture<Instant> firstToken() {
        return firstToken;
    }

    void markFirstToken(Instant at) {
        if (firstToken.complete(at)) {
            span.addEvent("first_token", at);
        }
    }

    /** Ends the attempt's span, as an error when {@code failure} is not null. */
    void endSpan(String failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, failure);
        }
        span.end();
    }

    /** Remembers the open response so that {@link #cancel()} can close it; closes it at once if already cancelled. */
    synchronized void register(UpstreamResponse upstream) {
        register(upstream::close);
    }

    /** Remembers how to abort the open upstream call (an SDK stream); runs it at once if already cancelled. */
    synchronized void register(Runnable upstreamAbort) {
        this.abort = upstreamAbort;
        if (cancelled) {
            upstreamAbort.run();
        }
    }

    synchronized void cancel() {
        cancelled = true;
        if (abort != null) {
            abort.run();
        }
    }

    synchronized boolean cancelled() {
        return cancelled;
    }
}
