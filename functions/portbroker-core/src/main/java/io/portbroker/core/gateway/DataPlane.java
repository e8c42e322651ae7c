package io.portbroker.core.gateway;

import io.portbroker.core.http.GatewayApi;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.limits.Metering;
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
import io.portbroker.core.settings.Settings;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import io.portbroker.protocol.sse.SseReader;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.UnaryOperator;
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
     * Everything the data plane needs from outside. Build it with {@link #builder()}: the transport, credentials,
     * authenticator, signatures, scheduler and executor are required, the rest have defaults.
     *
     * @param config routes and providers
     * @param transport the HTTP upstream
     * @param credentials resolves provider credential references
     * @param authenticator checks client keys
     * @param signatures signs and checks thinking blocks
     * @param breakerStates breaker states shared with other containers ({@link BreakerStateStore#NONE}: none)
     * @param settings the data-plane settings
     * @param metrics where metrics go
     * @param metricsPage the in-memory metrics rendered at {@code GET /metrics} when the settings expose them, or
     *     null
     * @param clock the time
     * @param sleeper waits out backoffs
     * @param random source for weighted routing and jitter
     * @param scheduler runs the stream watchdogs
     * @param watchdogTick how often a watchdog looks
     * @param executor runs hedged attempts
     * @param clients the SDK-backed upstreams by provider dialect (Bedrock); {@link UpstreamClients#NONE} for none
     * @param metering per-key admission and usage accounting ({@link Metering#NONE}: none)
     * @param decorator wraps the {@link Messages} port (a response cache, observability, a test's recorder)
     * @param guards the memory and request guards
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
            UpstreamClients clients,
            Metering metering,
            UnaryOperator<Messages> decorator,
            DataPlaneGuards guards) {

        /**
         * @throws NullPointerException when a part other than {@code metricsPage} is missing
         */
        public Parts {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(transport, "transport");
            Objects.requireNonNull(credentials, "credentials");
            Objects.requireNonNull(authenticator, "authenticator");
            Objects.requireNonNull(signatures, "signatures");
            Objects.requireNonNull(scheduler, "scheduler");
            Objects.requireNonNull(executor, "executor");
        }

        /** A builder with the defaults: no shared breaker state, default settings, no metrics, no metering. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds {@link Parts} by name; each setter replaces one part. */
        public static final class Builder {
            private ConfigStore config;
            private UpstreamTransport transport;
            private CredentialResolver credentials;
            private ApiKeyAuthenticator authenticator;
            private ThinkingSignatures signatures;
            private BreakerStateStore breakerStates = BreakerStateStore.NONE;
            private GatewaySettings settings = GatewaySettings.ofDefaults();
            private Metrics metrics = Metrics.NONE;
            private InMemoryMetrics metricsPage;
            private Clock clock = Clock.systemUTC();
            private Sleeper sleeper = Sleeper.REAL;
            private RandomGenerator random = ConcurrentRandom.INSTANCE;
            private ScheduledExecutorService scheduler;
            private Duration watchdogTick =
                    Settings.ofDefaults().infrastructure().watchdogTick();
            private Executor executor;
            private UpstreamClients clients = UpstreamClients.NONE;
            private Metering metering = Metering.NONE;
            private UnaryOperator<Messages> decorator = UnaryOperator.identity();
            private DataPlaneGuards guards = DataPlaneGuards.ofDefaults();

            private Builder() {}

            public Builder config(ConfigStore value) {
                this.config = value;
                return this;
            }

            public Builder transport(UpstreamTransport value) {
                this.transport = value;
                return this;
            }

            public Builder credentials(CredentialResolver value) {
                this.credentials = value;
                return this;
            }

            public Builder authenticator(ApiKeyAuthenticator value) {
                this.authenticator = value;
                return this;
            }

            public Builder signatures(ThinkingSignatures value) {
                this.signatures = value;
                return this;
            }

            public Builder breakerStates(BreakerStateStore value) {
                this.breakerStates = value;
                return this;
            }

            public Builder settings(GatewaySettings value) {
                this.settings = value;
                return this;
            }

            public Builder metrics(Metrics value) {
                this.metrics = value;
                return this;
            }

            /** The in-memory metrics behind {@code GET /metrics}, or null for none. */
            public Builder metricsPage(InMemoryMetrics value) {
                this.metricsPage = value;
                return this;
            }

            public Builder clock(Clock value) {
                this.clock = value;
                return this;
            }

            public Builder sleeper(Sleeper value) {
                this.sleeper = value;
                return this;
            }

            public Builder random(RandomGenerator value) {
                this.random = value;
                return this;
            }

            public Builder scheduler(ScheduledExecutorService value) {
                this.scheduler = value;
                return this;
            }

            public Builder watchdogTick(Duration value) {
                this.watchdogTick = value;
                return this;
            }

            public Builder executor(Executor value) {
                this.executor = value;
                return this;
            }

            public Builder clients(UpstreamClients value) {
                this.clients = value;
                return this;
            }

            public Builder metering(Metering value) {
                this.metering = value;
                return this;
            }

            /** Wraps the {@link Messages} port (applied inside the media-URL check). */
            public Builder decorator(UnaryOperator<Messages> value) {
                this.decorator = value;
                return this;
            }

            public Builder guards(DataPlaneGuards value) {
                this.guards = value;
                return this;
            }

            /**
             * @throws NullPointerException when a required part is missing
             */
            public Parts build() {
                return new Parts(
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
                        clients,
                        metering,
                        decorator,
                        guards);
            }
        }
    }

    /** Wires the data plane from its parts. */
    public static DataPlane assemble(Parts p) {
        DataPlaneGuards guards = p.guards();
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
        Messages messages = p.decorator()
                .apply(new MediaUrlCheckingMessages(
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
                        p.metering(),
                        p.metrics(),
                        s.exposeMetrics() && page != null ? page::scrape : null),
                p.authenticator());
        return new DataPlane(api, router, breakers, latency);
    }
}
