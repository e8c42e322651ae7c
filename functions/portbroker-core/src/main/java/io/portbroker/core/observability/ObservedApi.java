package io.portbroker.core.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.protocol.codec.ByteSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Wraps the whole HTTP API (data plane and admin): counts and times every request
 * ({@code portbroker_requests_total{method,endpoint,status}}, the {@code portbroker_request_duration_seconds}
 * histogram, {@code error_rate_total}), opens the request's server span (the caller's W3C trace continued),
 * writes the {@code request_started} and {@code request_completed} JSON lines
 * through the logging layout's redaction choke point, refuses to send a 5xx body that holds a stack frame (counted
 * as {@code leaked_stacktrace_count}), and runs {@code afterEach} (the EMF flush on Lambda) once per request.
 */
public final class ObservedApi implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger("portbroker.request");
    private static final byte[] SAFE_500 = ("{\"type\":\"error\",\"error\":{\"type\":\"api_error\","
                    + "\"message\":\"internal error\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final ApiHandler delegate;
    private final Metrics metrics;
    private final RequestFactsBoard facts;
    private final UpstreamWaits waits;
    private final Runnable afterEach;

    /**
     * @param facts where the Messages decorator leaves provider, tokens and cost per request id
     * @param afterEach runs after every request (never throws into it), e.g. the EMF flush
     */
    public ObservedApi(
            ApiHandler delegate, Metrics metrics, RequestFactsBoard facts, UpstreamWaits waits, Runnable afterEach) {
        this.delegate = delegate;
        this.metrics = metrics;
        this.facts = facts;
        this.waits = waits;
        this.afterEach = afterEach;
    }

    @Override
    public void handle(ApiRequest received, ApiResponder responder) {
        long started = System.nanoTime();
        // the id is settled here, so request_started carries it; the pipeline's RequestIds step reads it back
        String requestId = io.portbroker.core.http.steps.RequestIds.of(received);
        String clientRequestId = received.header("x-request-id").orElse(null);
        ApiRequest request = withRequestId(received, requestId);
        String endpoint = EndpointLabel.of(request.path());
        String method = request.method();
        Watched watched = new Watched(responder, started);
        // the server span: the caller's trace continued, or a new one; every span of this request is its child
        Span root = Tracing.orFresh(Tracing.span(method + " " + endpoint)
                .setSpanKind(SpanKind.SERVER)
                .setParent(Tracing.extract(name -> request.header(name).orElse(null)))
                .setAttribute("http.request.method", method)
                .setAttribute("http.route", endpoint)
                .startSpan());
        String traceId = root.getSpanContext().getTraceId();
        logStarted(request, endpoint, traceId, requestId, clientRequestId);
        try (Scope scope = root.makeCurrent()) {
            delegate.handle(request, watched);
        } finally {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            int status = watched.status == 0 ? 499 : watched.status;
            Map<String, String> labels =
                    Map.of("method", method, "endpoint", endpoint, "status", Integer.toString(status));
            metrics.increment(MetricNames.REQUESTS, labels);
            metrics.time(MetricNames.REQUEST_DURATION, labels, took);
            if (status >= 400) {
                metrics.increment(MetricNames.ERROR_RATE, Map.of("class", status >= 500 ? "5xx" : "4xx"));
            }
            root.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                root.setStatus(StatusCode.ERROR);
            }
            root.end();
            logCompleted(request, endpoint, status, took, watched.requestId, traceId);
            try {
                afterEach.run();
            } catch (RuntimeException e) {
                LOG.warn("after-request hook failed: {}", e.toString());
            }
        }
    }

    private static ApiRequest withRequestId(ApiRequest request, String requestId) {
        if (request.header("x-request-id").filter(requestId::equals).isPresent()) {
            return request;
        }
        Map<String, List<String>> headers = new java.util.HashMap<>(request.headers());
        headers.put("x-request-id", List.of(requestId));
        return new ApiRequest(
                request.method(), request.path(), request.query(), headers, request.body(), request.sourceIp());
    }

    private static void logStarted(
            ApiRequest request, String endpoint, String traceId, String requestId, String clientRequestId) {
        if (!LOG.isInfoEnabled()) {
            return; // the fields and MDC copies cost more than the line when it is not written
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", "request_started");
        fields.put("trace_id", traceId);
        fields.put("request_id", requestId);
        fields.put("method", request.method());
        fields.put("path", request.path());
        fields.put("endpoint", endpoint);
        if (clientRequestId != null) {
            fields.put("client_request_id", clientRequestId);
        }
        withFields(fields, () -> LOG.info("request_started"));
    }

    private void logCompleted(
            ApiRequest request, String endpoint, int status, Duration took, String requestId, String traceId) {
        if (!LOG.isInfoEnabled()) {
            facts.take(requestId); // still taken: the board must not keep it
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event", "request_completed");
        fields.put("trace_id", traceId);
        if (requestId != null) {
            fields.put("request_id", requestId);
        }
        fields.put("method", request.method());
        fields.put("path", request.path());
        fields.put("endpoint", endpoint);
        fields.put("status", Integer.toString(status));
        fields.put("duration_ms", Long.toString(took.toMillis()));
        facts.take(requestId).ifPresent(f -> {
            fields.put("provider", f.provider());
            fields.put("model", f.model());
            fields.put("input_tokens", Long.toString(f.inputTokens()));
            fields.put("output_tokens", Long.toString(f.outputTokens()));
            if (f.costUsd() != null) {
                fields.put("cost_usd", String.format(java.util.Locale.ROOT, "%.8f", f.costUsd()));
            }
            fields.put("cache", f.cache() == null ? "off" : f.cache());
        });
        withFields(fields, () -> LOG.info("request_completed"));
    }

    private static void withFields(Map<String, String> fields, Runnable log) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        try {
            fields.forEach((k, v) -> {
                if (v != null) {
                    MDC.put(k, v);
                }
            });
            log.run();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    /** Sees the status and request id, and keeps stack traces out of 5xx bodies. */
    private final class Watched implements ApiResponder {
        private final ApiResponder inner;
        private final long started;
        volatile int status;
        volatile String requestId;

        Watched(ApiResponder inner, long started) {
            this.inner = inner;
            this.started = started;
        }

        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) {
            note(status, headers);
            byte[] safe = body;
            if (status >= 500 && StackTraceGuard.leaks(body)) {
                metrics.increment(MetricNames.LEAKED_STACKTRACES, Map.of());
                LOG.error("a {} body with a stack frame was replaced before it left", status);
                safe = SAFE_500;
            }
            inner.respond(status, headers, safe);
        }

        @Override
        public ByteSink startStream(int status, Map<String, String> headers) {
            note(status, headers);
            return inner.startStream(status, headers);
        }

        @Override
        public void onCancel(Runnable action) {
            inner.onCancel(action);
        }

        @Override
        public void endStream() {
            inner.endStream();
        }

        private void note(int status, Map<String, String> headers) {
            this.status = status;
            if (headers != null) {
                this.requestId = headers.get("request-id");
            }
            // the first byte is leaving: what was not spent waiting for a provider is the gateway's overhead
            waits.take(requestId).ifPresent(upstream -> {
                Duration toFirstByte = Duration.ofNanos(System.nanoTime() - started);
                Duration overhead = toFirstByte.minus(upstream);
                metrics.time(MetricNames.OVERHEAD, Map.of(), overhead.isNegative() ? Duration.ZERO : overhead);
            });
        }
    }
}
