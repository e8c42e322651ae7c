package io.portbroker.core.gateway;

import io.portbroker.core.http.GatewayApi;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.resilience.Backoff;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.CircuitBreakers;
import io.portbroker.core.resilience.RetryBudget;
import io.portbroker.core.resilience.Sleeper;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.LatencyTracker;
import io.portbroker.core.routing.Router;
import io.portbroker.core.routing.RoutingStrategies;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamBodyLimit;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import io.portbroker.protocol.sse.SseReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * The data plane assembled from its ports: router with strategies and breakers, orchestrator, messages service and
 * the HTTP API. The Micronaut factory and the test scenarios build it the same way, so tests exercise the wiring
 * that runs in production.
 *
 * @param api the HTTP API
 * @param router the router
 * @param breakers the circuit breakers of this container
 * @param latency observed time-to-first-token per target
 */
public record DataPlane(GatewayApi api, Router router, CircuitBreakers breakers, LatencyTracker latency) {

    /**
     * Everything the data plane needs from outside.
     *
     * @param metrics where metrics go
     * @param metricsPage the in-memory metrics rendered at {@code GET /metrics} when the settings expose them, or
     *     null
     * @param random source for weighted routing and jitter
     * @param scheduler runs the stream watchdogs
     * @param watchdogTick how often a watchdog looks
     * @param executor runs hedged attempts
     * @param clients the SDK-backed upstreams by provider dialect (Bedrock); {@link UpstreamClients#NONE} for none
     */
    public record Parts(
            ConfigStore config,
            UpstreamTransport transport,
            CredentialResolver credentials,
            ApiKeyAuthenticator authenticator,
            ThinkingSignatures signatures,
            BreakerStateStore breakerStates,
            GatewaySettings settings,
            Metrics metrics,
            InMemoryMetrics metricsPage,
            Clock clock,
            Sleeper sleeper,
            RandomGenerator random,
            ScheduledExecutorService scheduler,
            Duration watchdogTick,
            Executor executor,
            UpstreamClients clients) {

        /** Parts without SDK-backed upstreams: every provider is called over HTTP. */
        public Parts(
                ConfigStore config,
                UpstreamTransport transport,
                CredentialResolver credentials,
                ApiKeyAuthenticator authenticator,
                ThinkingSignatures signatures,
                BreakerStateStore breakerStates,
                GatewaySettings settings,
                Metrics metrics,
                InMemoryMetrics metricsPage,
                Clock clock,
                Sleeper sleeper,
                RandomGenerator random,
                ScheduledExecutorService scheduler,
                Duration watchdogTick,
                Executor executor) {
            this(
                    config,
                    transport,
                    credentials,
                    authenticator,
                    signatures,
                    breakerStates,
                    settings,
                    metrics,
                    metricsPage,
                    clock,
                    sleeper,
                    random,
                    scheduler,
                    watchdogTick,
                    executor,
                    UpstreamClients.NONE);
        }
    }

    /** Wires the data plane. */
    public static DataPlane assemble(Parts p) {
        return assemble(p, io.portbroker.core.limits.Metering.NONE);
    }

    /** Assembles the data plane with per-key admission and usage accounting ({@code metering}). */
    public static DataPlane assemble(Parts p, io.portbroker.core.limits.Metering metering) {
        return assemble(p, metering, java.util.function.UnaryOperator.identity(), DataPlaneGuards.ofDefaults());
    }

    /**
     * Assembles the data plane with {@code decorator} wrapped around the {@link Messages} port (a response cache,
     * or a test's recorder).
     */
    public static DataPlane assemble(
            Parts p,
            io.portbroker.core.limits.Metering metering,
            java.util.function.UnaryOperator<Messages> decorator) {
        return assemble(p, metering, decorator, DataPlaneGuards.ofDefaults());
    }

    /** As {@link #assemble(Parts, io.portbroker.core.limits.Metering)}, reading at most {@code bodyLimit}. */
    public static DataPlane assemble(
            Parts p, io.portbroker.core.limits.Metering metering, UpstreamBodyLimit bodyLimit) {
        return assemble(
                p,
                metering,
                java.util.function.UnaryOperator.identity(),
                DataPlaneGuards.ofDefaults().withBodyLimit(bodyLimit));
    }

    /** Assembles the data plane with metering and the given memory and request guards. */
    public static DataPlane assemble(Parts p, io.portbroker.core.limits.Metering metering, DataPlaneGuards guards) {
        return assemble(p, metering, java.util.function.UnaryOperator.identity(), guards);
    }

    /**
     * Assembles the data plane with {@code decorator} wrapped around the {@link Messages} port and the given
     * memory and request guards.
     */
    public static DataPlane assemble(
            Parts p,
            io.portbroker.core.limits.Metering metering,
            java.util.function.UnaryOperator<Messages> decorator,
            DataPlaneGuards guards) {
        GatewaySettings s = p.settings();
        StreamLimits limits = guards.streamLimits();
        LatencyTracker latency = LatencyTracker.ofDefaults();
        CircuitBreakers breakers = new CircuitBreakers(s.breaker(), p.breakerStates(), p.clock(), p.metrics());
        Router router = new Router(p.config(), new RoutingStrategies(p.random(), latency), breakers);
        ExecutionOrchestrator orchestrator = new ExecutionOrchestrator(
                breakers,
                RetryBudget.of(p.clock(), s.retry()),
                new Backoff(s.retry().baseBackoff(), s.retry().maxBackoff(), p.random()),
                s.retry(),
                latency,
                p.metrics(),
                p.sleeper(),
                p.clock(),
                p.executor());
        SseFrames frames = (in, onData) ->
                new SseReader((event, data) -> onData.accept(data), limits.maxSseEventBytes()).readAll(in);
        StreamRunner runner = new StreamRunner(
                frames,
                p.scheduler(),
                p.clock(),
                s.pingInterval(),
                p.watchdogTick(),
                limits,
                guards.bodyLimit(),
                p.metrics());
        UpstreamDialects dialects = new UpstreamDialects(List.of(
                new OpenAiChatDialect(p.signatures(), p.clock(), Ids::messageId),
                new io.portbroker.protocol.upstream.anthropic.AnthropicNativeDialect(
                        p.signatures(), p.clock(), Ids::messageId)));
        // media URLs are checked before the cache (a refused URL is never looked up or stored)
        Messages messages = decorator.apply(new MediaUrlCheckingMessages(
                new MessagesService(
                        router, dialects, p.transport(), p.credentials(), runner, orchestrator, p.clients()),
                guards.mediaUrls()));
        InMemoryMetrics page = p.metricsPage();
        GatewayApi api = new GatewayApi(
                new io.portbroker.core.http.DataRoutes.Parts(
                        new AnthropicMessagesDialect(s.validateStreams()),
                        new io.portbroker.protocol.ingress.openai.OpenAiChatClientDialect(p.clock()),
                        messages,
                        new io.portbroker.protocol.anthropic.AnthropicTokenCounter(),
                        router,
                        s.maxBodyBytes(),
                        metering,
                        p.metrics(),
                        s.exposeMetrics() && page != null ? page::scrape : null),
                p.authenticator());
        return new DataPlane(api, router, breakers, latency);
    }
}
