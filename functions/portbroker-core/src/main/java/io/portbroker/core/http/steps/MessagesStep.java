package io.portbroker.core.http.steps;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.observability.Tracing;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.StreamEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the {@link Messages} port with the decoded request and answers in the route's client dialect: a whole
 * body, or a stream committed when the first event is ready. Headers that {@code Messages} decorators left in
 * the {@link RequestContext} (the cache's) go out with the status line.
 */
public final class MessagesStep implements Step {
    private final Messages messages;
    private final Metrics metrics;

    public MessagesStep(Messages messages, Metrics metrics) {
        this.messages = messages;
        this.metrics = metrics;
    }

    @Override
    public void apply(Exchange exchange, Chain next) {
        NormalizedRequest decoded = exchange.decoded();
        RequestContext ctx = new RequestContext(
                exchange.requestId(),
                exchange.traceparent(),
                exchange.principal(),
                exchange.firstHeaderValues(),
                new ConcurrentHashMap<>());
        if (decoded.stream()) {
            stream(exchange, decoded, ctx);
        } else {
            complete(exchange, decoded, ctx);
        }
    }

    private void complete(Exchange exchange, NormalizedRequest decoded, RequestContext ctx) {
        var served = messages.complete(decoded, ctx, exchange.notes());
        exchange.usage(served.value().usage());
        firstByte(exchange);
        Map<String, String> headers = ResponseHeaders.base(ctx.requestId(), ResponseHeaders.JSON);
        headers.put("x-portbroker-provider", served.providerId());
        headers.putAll(ctx.responseHeaders());
        ResponseHeaders.addNotes(headers, exchange.notes());
        byte[] body = Tracing.inSpan("encode", () -> exchange.dialect().encodeResponse(served.value()));
        exchange.responder().respond(200, headers, body);
    }

    private void stream(Exchange exchange, NormalizedRequest decoded, RequestContext ctx) {
        var responder = exchange.responder();
        // the stream span: from the first byte to the end of the stream, encoding every event
        Context parent = Context.current();
        Span[] streamSpan = {Span.getInvalid()};
        try {
            streamThrough(exchange, decoded, ctx, parent, streamSpan);
            responder.endStream();
        } finally {
            streamSpan[0].end();
        }
    }

    private void streamThrough(
            Exchange exchange, NormalizedRequest decoded, RequestContext ctx, Context parent, Span[] streamSpan) {
        var responder = exchange.responder();
        messages.stream(
                decoded,
                ctx,
                exchange.notes(),
                providerId -> {
                    Map<String, String> headers =
                            ResponseHeaders.base(ctx.requestId(), "text/event-stream; charset=utf-8");
                    headers.put("cache-control", "no-cache");
                    headers.put("x-accel-buffering", "no");
                    headers.put("x-portbroker-provider", providerId);
                    headers.putAll(ctx.responseHeaders());
                    ResponseHeaders.addNotes(headers, exchange.notes());
                    firstByte(exchange);
                    streamSpan[0] = Tracing.span("stream").setParent(parent).startSpan();
                    StreamEventSink encoder = exchange.dialect()
                            .newStreamEncoder(
                                    responder.startStream(200, headers),
                                    exchange.request().body());
                    return event -> {
                        if (event instanceof StreamEvent.Finish finish) {
                            exchange.usage(finish.usage());
                        }
                        encoder.accept(event);
                    };
                },
                responder::onCancel);
    }

    private void firstByte(Exchange exchange) {
        metrics.time(
                MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofNanos(System.nanoTime() - exchange.started()));
    }
}
