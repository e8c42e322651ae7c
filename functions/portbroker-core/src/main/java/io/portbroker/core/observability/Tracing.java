package io.portbroker.core.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.portbroker.core.resilience.TraceContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tracing through the OpenTelemetry API. Until the wiring {@link #install installs} an SDK (only when an OTLP
 * endpoint is configured) the tracer is the API's no-op one: spans cost an object each and record nothing, but
 * the W3C {@code traceparent} is still continued from the caller and passed upstream, and the trace id still
 * reaches every log line and error body.
 *
 * <p>Why a process-wide holder instead of a constructor argument: spans open in many small steps (auth,
 * admission, route, attempts), and the OpenTelemetry API's own idiom for instrumentation is a global
 * provider. Unlike {@code GlobalOpenTelemetry} this one can be replaced (tests start several stacks in one JVM).
 */
public final class Tracing {
    private static final String SCOPE = "io.portbroker";
    private static volatile Tracer tracer = OpenTelemetry.noop().getTracer(SCOPE);

    private static final TextMapGetter<Function<String, String>> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Function<String, String> carrier) {
            return List.of("traceparent", "tracestate");
        }

        @Override
        public String get(Function<String, String> carrier, String key) {
            return carrier == null ? null : carrier.apply(key);
        }
    };

    private Tracing() {}

    /** Uses {@code openTelemetry}'s tracer from now on (the no-op one again with {@link OpenTelemetry#noop()}). */
    public static void install(OpenTelemetry openTelemetry) {
        tracer = openTelemetry.getTracer(SCOPE);
    }

    /** The tracer spans start from. */
    public static Tracer tracer() {
        return tracer;
    }

    /** A span named {@code name}, child of the current one. */
    public static SpanBuilder span(String name) {
        return tracer.spanBuilder(name);
    }

    /** The caller's trace context from its {@code traceparent} header, or the root context. */
    public static Context extract(Function<String, String> headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
    }

    /**
     * {@code span} when it carries a valid context; otherwise (no SDK and no caller trace) a non-recording span
     * with a fresh trace id, so that every request still has one trace id for its logs and headers.
     */
    static Span orFresh(Span span) {
        if (span.getSpanContext().isValid()) {
            return span;
        }
        TraceContext fresh = TraceContext.fromHeaderOrNew(null);
        return Span.wrap(
                SpanContext.create(fresh.traceId(), fresh.spanId(), TraceFlags.getSampled(), TraceState.getDefault()));
    }

    /** The current span's trace id, or null outside a traced request. */
    public static String currentTraceId() {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid() ? c.getTraceId() : null;
    }

    /** The current span as a W3C context, or {@code fallback}'s when there is no valid current span. */
    public static TraceContext currentOr(Supplier<TraceContext> fallback) {
        SpanContext c = Span.current().getSpanContext();
        return c.isValid()
                ? new TraceContext(
                        c.getTraceId(), c.getSpanId(), c.getTraceFlags().asHex())
                : fallback.get();
    }

    /** Runs {@code work} inside a child span named {@code name}; a failure marks the span as an error. */
    public static <T> T inSpan(String name, Supplier<T> work) {
        Span span = span(name).startSpan();
        try (var scope = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
