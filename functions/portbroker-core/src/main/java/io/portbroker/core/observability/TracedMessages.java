package io.portbroker.core.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.gateway.StreamStarter;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.util.function.Consumer;

/**
 * The {@code cache} span around the response-cache layer: it covers the lookup and, on a miss, the call below it
 * (route and upstream attempts are its children), and carries the cache's verdict ({@code pb.cache}: hit-l1 …
 * miss, bypass, skip) from the {@code x-portbroker-cache} header the layer leaves. It also feeds the cache-hit
 * potential ({@link RepeatSketch}), which counts repeats whether or not the cache is on.
 */
final class TracedMessages implements Messages {
    private final Messages inner;
    private final RepeatSketch repeats;

    TracedMessages(Messages inner, RepeatSketch repeats) {
        this.inner = inner;
        this.repeats = repeats;
    }

    private void observe(NormalizedRequest request, RequestContext ctx) {
        repeats.observe(ctx.principal() == null ? null : ctx.principal().keyId(), request);
    }

    @Override
    public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
        observe(request, ctx);
        Span span = Tracing.span("cache").startSpan();
        try (var scope = span.makeCurrent()) {
            return inner.complete(request, ctx, notes);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            end(span, ctx);
        }
    }

    @Override
    public void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            Consumer<Runnable> cancellation) {
        observe(request, ctx);
        Span span = Tracing.span("cache").startSpan();
        try (var scope = span.makeCurrent()) {
            inner.stream(request, ctx, notes, starter, cancellation);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            end(span, ctx);
        }
    }

    private static void end(Span span, RequestContext ctx) {
        span.setAttribute("pb.cache", ctx.responseHeaders().getOrDefault("x-portbroker-cache", "off"));
        span.end();
    }
}
