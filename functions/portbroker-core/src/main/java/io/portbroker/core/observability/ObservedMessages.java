package io.portbroker.core.observability;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.gateway.StreamStarter;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decorates the {@link Messages} port: counts {@code tokens_total{direction,provider,model}}, times
 * {@code time_to_first_token_seconds{provider}} (request to first event as the client sees it), and leaves the
 * request's facts (provider, model, tokens, cost from {@code costs}, cache status) for the completion log line.
 */
public final class ObservedMessages implements Messages {

    /** Prices a finished call and records its cost; returns the cost in US dollars or null when unpriced. */
    @FunctionalInterface
    public interface CostHook {
        /** Does nothing and prices nothing. */
        CostHook NONE = (ctx, provider, model, usage) -> null;

        Double record(RequestContext ctx, String provider, String model, Usage usage);
    }

    private final Messages inner;
    private final Metrics metrics;
    private final RequestFactsBoard facts;
    private final CostHook costs;

    public ObservedMessages(Messages inner, Metrics metrics, RequestFactsBoard facts, CostHook costs) {
        this.inner = inner;
        this.metrics = metrics;
        this.facts = facts;
        this.costs = costs;
    }

    @Override
    public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
        long started = System.nanoTime();
        Served<NormalizedResponse> served = inner.complete(request, ctx, notes);
        ttft(served.providerId(), started);
        finished(ctx, served.providerId(), request.model(), served.value().usage());
        return served;
    }

    @Override
    public void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            Consumer<Runnable> cancellation) {
        long started = System.nanoTime();
        inner.stream(
                request,
                ctx,
                notes,
                providerId -> {
                    ttft(providerId, started);
                    var sink = starter.start(providerId);
                    return event -> {
                        if (event instanceof StreamEvent.Finish finish) {
                            finished(ctx, providerId, request.model(), finish.usage());
                        }
                        sink.accept(event);
                    };
                },
                cancellation);
    }

    private void ttft(String provider, long started) {
        metrics.time(
                MetricNames.TIME_TO_FIRST_TOKEN,
                Map.of("provider", provider),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void finished(RequestContext ctx, String provider, String model, Usage usage) {
        if (usage == null) {
            usage = Usage.ZERO;
        }
        count("input", provider, model, usage.inputTokens());
        count("output", provider, model, usage.outputTokens());
        count("cache_read", provider, model, usage.cacheReadInputTokens());
        count("cache_write", provider, model, usage.cacheCreationInputTokens());
        Double cost = null;
        try {
            cost = costs.record(ctx, provider, model, usage);
        } catch (RuntimeException e) {
            // cost accounting is optional: the answer goes out regardless
        }
        String cache = ctx.responseHeaders().get("x-portbroker-cache");
        facts.put(
                ctx.requestId(),
                new RequestFacts(provider, model, usage.inputTokens(), usage.outputTokens(), cost, cache));
    }

    private void count(String direction, String provider, String model, long tokens) {
        if (tokens > 0) {
            metrics.count(
                    MetricNames.TOKENS, Map.of("direction", direction, "provider", provider, "model", model), tokens);
        }
    }
}
