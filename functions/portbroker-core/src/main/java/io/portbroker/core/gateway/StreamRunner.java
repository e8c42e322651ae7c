package io.portbroker.core.gateway;

import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.routing.Candidate;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.upstream.UpstreamBodyLimit;
import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.error.CancelledError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.error.ProviderServerError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.error.StreamTruncatedError;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.sse.SseEventTooLargeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Pumps one upstream stream through its decoder to the client. The client response is committed with the first
 * event (so a provider that fails before sending anything can still be replaced). A watchdog sends keep-alive
 * pings during silence and enforces the first-token, idle and total time limits by closing the upstream.
 *
 * <p>Memory is bounded by {@link StreamLimits}: a single SSE event past its cap fails the stream like a broken
 * provider; a stream whose upstream bytes pass the per-stream cap is cut before the frame that crossed it, ends
 * with an {@code error} event saying {@code stream truncated}, the upstream is closed (cancelled) and
 * {@link MetricNames#STREAM_TRUNCATE_EVENTS} counts it. A truncation is not the provider's failure: the attempt
 * counts as a success for its breaker.
 */
public final class StreamRunner {
    private final SseFrames frames;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Duration pingInterval;
    private final Duration tick;
    private final UpstreamBodyLimit bodyLimit;
    private final StreamLimits limits;
    private final Metrics metrics;

    /**
     * @param tick how often the watchdog looks (a fraction of the smallest limit; one second in production)
     */
    public StreamRunner(
            SseFrames frames, ScheduledExecutorService scheduler, Clock clock, Duration pingInterval, Duration tick) {
        this(
                frames,
                scheduler,
                clock,
                pingInterval,
                tick,
                StreamLimits.ofDefaults(),
                UpstreamBodyLimit.ofDefaults(),
                Metrics.NONE);
    }

    /** @param bodyLimit the largest non-streamed answer read ({@link #readBody}) */
    public StreamRunner(
            SseFrames frames,
            ScheduledExecutorService scheduler,
            Clock clock,
            Duration pingInterval,
            Duration tick,
            UpstreamBodyLimit bodyLimit) {
        this(frames, scheduler, clock, pingInterval, tick, StreamLimits.ofDefaults(), bodyLimit, Metrics.NONE);
    }

    /**
     * @param limits the per-stream and per-event byte caps
     * @param metrics where truncations are counted
     */
    public StreamRunner(
            SseFrames frames,
            ScheduledExecutorService scheduler,
            Clock clock,
            Duration pingInterval,
            Duration tick,
            StreamLimits limits,
            Metrics metrics) {
        this(frames, scheduler, clock, pingInterval, tick, limits, UpstreamBodyLimit.ofDefaults(), metrics);
    }

    /**
     * @param limits the per-stream and per-event byte caps
     * @param bodyLimit the largest non-streamed answer read ({@link #readBody})
     * @param metrics where truncations are counted
     */
    public StreamRunner(
            SseFrames frames,
            ScheduledExecutorService scheduler,
            Clock clock,
            Duration pingInterval,
            Duration tick,
            StreamLimits limits,
            UpstreamBodyLimit bodyLimit,
            Metrics metrics) {
        this.bodyLimit = bodyLimit;
        this.frames = frames;
        this.scheduler = scheduler;
        this.clock = clock;
        this.pingInterval = pingInterval;
        this.tick = tick;
        this.limits = limits;
        this.metrics = metrics;
    }

    /**
     * Streams one attempt's answer; the client is committed only if the attempt wins the race.
     *
     * @throws Race.Lost when another attempt of the same request answered first
     * @throws CommittedFailure when the stream failed after its first event (already reported in-stream)
     * @throws GatewayException when it failed before anything reached the client
     */
    void run(
            NormalizedRequest request,
            Attempt attempt,
            Race race,
            UpstreamDialect dialect,
            UpstreamResponse response,
            StreamStarter starter,
            Consumer<Runnable> cancellation) {
        pump(
                attempt,
                race,
                starter,
                cancellation,
                sink -> new SseStreamSource(
                        frames, response, dialect.newStreamDecoder(request, Ids.messageId(), sink)));
    }

    /**
     * Streams one attempt's answer from an SDK-backed upstream, with the same commit, time limits, pings, byte cap
     * and failure reporting as {@link #run}.
     *
     * @throws Race.Lost when another attempt of the same request answered first
     * @throws CommittedFailure when the stream failed after its first event (already reported in-stream)
     * @throws GatewayException when it failed before anything reached the client
     */
    void runEvents(
            Attempt attempt, Race race, UpstreamEvents events, StreamStarter starter, Consumer<Runnable> cancellation) {
        pump(attempt, race, starter, cancellation, sink -> new EventStreamSource(events, sink));
    }

    private void pump(
            Attempt attempt,
            Race race,
            StreamStarter starter,
            Consumer<Runnable> cancellation,
            Function<StreamEventSink, StreamSource> open) {
        Candidate candidate = attempt.candidate();
        State state = new State(clock.instant());
        StreamEventSink committing = event -> state.emit(event, () -> {
            if (!race.claim(attempt)) {
                throw new Race.Lost();
            }
            return starter.start(candidate.provider().id());
        });
        StreamSource source = open.apply(committing);
        cancellation.accept(() -> {
            state.cancelled = true;
            source.close();
        });
        var timeouts = candidate.provider().timeouts();
        ScheduledFuture<?> watchdog = scheduler.scheduleAtFixedRate(
                () -> watch(state, source, timeouts), tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        try {
            source.read(bytes -> {
                if (bytes > limits.maxStreamBytes()) {
                    throw new Truncated();
                }
                state.framesSeen++;
                state.lastUpstream = clock.instant();
            });
            if (state.framesSeen == 0) {
                throw new ProviderConnectionError("the provider closed the stream without sending anything");
            }
            source.end();
        } catch (Truncated t) {
            truncate(candidate, source, state);
        } catch (SseEventTooLargeException e) {
            failInStream(
                    state,
                    source,
                    new ProviderServerError("the provider sent an SSE event larger than " + e.limitBytes() + " bytes"));
        } catch (StreamSource.UpstreamFailed e) {
            failInStream(state, source, e.failure());
        } catch (IOException | UncheckedIOException e) {
            if (state.cancelled) {
                throw new CancelledError("the client disconnected");
            }
            failInStream(
                    state,
                    source,
                    state.timeout != null
                            ? state.timeout
                            : new ProviderConnectionError("the provider connection was lost mid-stream"));
        } finally {
            watchdog.cancel(false);
            source.close();
        }
    }

    /** Before the commit the failure may still be failed over; after it, it is reported in-stream. */
    private static void failInStream(State state, StreamSource source, GatewayException failure) {
        if (!state.committed()) {
            throw failure;
        }
        source.fail(failure);
        throw new CommittedFailure(failure.category());
    }

    /** Cancels the upstream and ends the client's stream with the documented truncation error. */
    private void truncate(Candidate candidate, StreamSource source, State state) {
        source.close();
        metrics.increment(
                MetricNames.STREAM_TRUNCATE_EVENTS,
                Map.of("provider", candidate.provider().id()));
        StreamTruncatedError truncated = new StreamTruncatedError(limits.maxStreamBytes());
        if (!state.committed()) {
            // nothing reached the client yet: a provider whose first event is past the cap is a broken one
            throw new ProviderServerError("the provider's first event exceeded the stream limit");
        }
        state.emitFailure(source, truncated);
    }

    /** Signals, from inside the frame callback, that the stream passed its byte cap. */
    private static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super(null, null, false, false);
        }
    }

    /**
     * Reads a complete (non-streamed) body within the provider's total limit.
     *
     * @throws ProviderTimeoutError when the limit passes first
     * @throws ProviderConnectionError when the connection fails while reading
     * @throws io.portbroker.error.ProviderServerError when the answer is larger than the body limit
     */
    byte[] readBody(UpstreamResponse response, ProviderConfig.Timeouts t, Instant started) {
        AtomicBoolean timedOut = new AtomicBoolean();
        long left = Math.max(
                1, Duration.between(clock.instant(), started.plus(t.total())).toMillis());
        ScheduledFuture<?> limit = scheduler.schedule(
                () -> {
                    timedOut.set(true);
                    response.close();
                },
                left,
                TimeUnit.MILLISECONDS);
        try {
            return bodyLimit.readAll(response.body());
        } catch (IOException | UncheckedIOException e) {
            if (timedOut.get()) {
                throw new ProviderTimeoutError("the answer exceeded the total limit of " + t.total());
            }
            throw new ProviderConnectionError("the provider connection failed while reading the answer");
        } finally {
            limit.cancel(false);
        }
    }

    private void watch(State state, StreamSource response, ProviderConfig.Timeouts t) {
        Instant now = clock.instant();
        if (!state.committed() && elapsed(state.started, now, t.firstToken())) {
            state.timeout = new ProviderTimeoutError("the provider sent no first token within " + t.firstToken());
            response.close();
        } else if (state.committed() && elapsed(state.lastUpstream, now, t.idle())) {
            state.timeout = new ProviderTimeoutError("the provider went silent for " + t.idle());
            response.close();
        } else if (elapsed(state.started, now, t.total())) {
            state.timeout = new ProviderTimeoutError("the answer exceeded the total limit of " + t.total());
            response.close();
        } else if (state.committed() && elapsed(state.lastClientWrite, now, pingInterval)) {
            try {
                state.tryPing();
            } catch (RuntimeException clientGone) {
                response.close();
            }
        }
    }

    private static boolean elapsed(Instant since, Instant now, Duration limit) {
        return since != null && !now.isBefore(since.plus(limit));
    }

    /** Signals that a failure was already reported to the client inside the stream. */
    static final class CommittedFailure extends RuntimeException {
        private final transient io.portbroker.error.ErrorCategory category;

        CommittedFailure(io.portbroker.error.ErrorCategory category) {
            super(null, null, false, false);
            this.category = category;
        }

        io.portbroker.error.ErrorCategory category() {
            return category;
        }
    }

    private final class State {
        final Instant started;
        volatile Instant lastUpstream;
        volatile Instant lastClientWrite;
        volatile boolean cancelled;
        volatile GatewayException timeout;
        int framesSeen;
        // a lock, not a monitor: a write may wait for a slow client (backpressure), and the watchdog must neither
        // wait behind it nor pin a carrier thread meanwhile
        private final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();
        private volatile StreamEventSink sink;

        State(Instant started) {
            this.started = started;
        }

        boolean committed() {
            return sink != null;
        }

        /** Reports a failure in-stream, serialised with the watchdog's pings. */
        synchronized void emitFailure(StreamSource source, GatewayException failure) {
            source.fail(failure);
        }

        /** Serialises writes from the reader and the watchdog; commits on the first real event. */
        void emit(StreamEvent event, java.util.function.Supplier<StreamEventSink> commit) {
            writing.lock();
            try {
                if (sink == null) {
                    if (commit == null) {
                        return;
                    }
                    sink = commit.get();
                }
                sink.accept(event);
                lastClientWrite = clock.instant();
            } finally {
                writing.unlock();
            }
        }

        /** A keep-alive ping, skipped while the reader is writing (then the client is not idle anyway). */
        void tryPing() {
            if (writing.tryLock()) {
                try {
                    if (sink != null) {
                        sink.accept(new StreamEvent.Ping());
                        lastClientWrite = clock.instant();
                    }
                } finally {
                    writing.unlock();
                }
            }
        }
    }
}
