package io.portbroker.testkit.scenario;

import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.resilience.CircuitBreakers;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryBreakerStateStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.error.ProviderAuthError;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.testkit.MutableClock;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import io.portbroker.upstream.JdkUpstreamTransport;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/** A started {@link Scenario}: the fakes, the gateway, and what happened. Close it to stop the fakes. */
public final class ScenarioRun implements AutoCloseable {
    /** The fakes live on loopback: allow exactly that, as an operator allow-list would. */
    private static final io.portbroker.core.ssrf.GuardedDnsResolver LOOPBACK_ONLY_GUARD =
            new io.portbroker.core.ssrf.GuardedDnsResolver(new io.portbroker.core.ssrf.UrlPolicy(
                    new io.portbroker.core.ssrf.UrlPolicyConfig(
                            java.util.Set.of("127.0.0.1", "localhost"),
                            java.util.Set.of("localhost"),
                            java.util.List.of(io.portbroker.core.ssrf.Cidr.parse("127.0.0.0/8"))),
                    io.portbroker.core.ssrf.HostResolver.system()));

    /** The client model name of the scenario's route. */
    public static final String MODEL = "claude-test";

    private final Scenario scenario;
    private final MutableClock clock = MutableClock.startingAtNewYear();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final InMemoryBreakerStateStore breakerStates = new InMemoryBreakerStateStore();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final List<FakeOpenAiUpstream> fakes = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("scenario-watchdog").factory());
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final DataPlane plane;
    private final String key;

    ScenarioRun(Scenario scenario) {
        this.scenario = scenario;
        Routes route = Routes.route(MODEL).strategy(scenario.strategy).hedge(scenario.hedge);
        for (int i = 0; i < scenario.providers; i++) {
            FakeOpenAiUpstream fake = FakeOpenAiUpstream.start(scenario.scripts.getOrDefault(i, script(i)));
            fakes.add(fake);
            config.putProvider(Providers.openAi("p" + i)
                    .baseUrl(scenario.down.contains(i) ? FakeOpenAiUpstream.closedPortBaseUrl() : fake.baseUrl())
                    .noCredential()
                    .timeouts(scenario.timeouts)
                    .build());
            route.to("p" + i, "model-" + i);
        }
        config.putRoute(route.build());
        SecureRandom random = new SecureRandom();
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        KeyHasher hasher = new KeyHasher(bytes(random));
        this.key = new KeyIssuer(keys, hasher, clock, random)
                .issue("scenario", Scopes.CHAT, null)
                .key();
        CredentialResolver noCredentials = ref -> {
            throw new ProviderAuthError("scenario providers take no credential");
        };
        this.plane = DataPlane.assemble(DataPlane.Parts.builder()
                .config(config)
                .transport(new JdkUpstreamTransport(executor, LOOPBACK_ONLY_GUARD))
                .credentials(noCredentials)
                .authenticator(new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofSeconds(5)))
                .signatures(new HmacThinkingSignatures(bytes(random)))
                .breakerStates(breakerStates)
                .settings(GatewaySettings.ofDefaults()
                        .withExposeMetrics(true)
                        .withRetry(scenario.retry)
                        .withBreaker(scenario.breaker))
                .metrics(metrics)
                .metricsPage(metrics)
                .clock(clock)
                .sleeper(wait -> {
                    sleeps.add(wait);
                    clock.advance(wait);
                })
                .random(new SplittableRandom(42))
                .scheduler(scheduler)
                .watchdogTick(Duration.ofMillis(50))
                .executor(executor)
                .decorator(
                        scenario.responseCache == null
                                ? scenario.messagesDecorator
                                : m -> new io.portbroker.core.cache.CacheLayer(
                                                scenario.responseCache,
                                                config,
                                                new io.portbroker.core.cache.CacheKeyBuilder(false))
                                        .apply(scenario.messagesDecorator.apply(m)))
                .build());
    }

    /** Sends one deterministic request ({@code temperature: 0}), the kind the response cache keeps. */
    public RecordingResponder.Exchange sendDeterministic(boolean stream) {
        String body = io.portbroker.testkit.Requests.messages(MODEL).stream(stream)
                .set("temperature", 0)
                .json();
        Map<String, List<String>> headers = new java.util.HashMap<>();
        headers.put("x-api-key", List.of(key));
        headers.put("content-type", List.of("application/json"));
        RecordingResponder responder = new RecordingResponder();
        plane.api()
                .handle(
                        new ApiRequest("POST", "/v1/messages", "", headers, body.getBytes(StandardCharsets.UTF_8)),
                        responder);
        return responder.exchange();
    }

    private Reply defaultReply(int index, boolean stream) {
        if (!stream) {
            return Replies.completion("Hello from p" + index, List.of(), "stop");
        }
        Duration delay = scenario.firstTokenDelays.get(index);
        return delay == null
                ? Replies.streamText(Duration.ZERO, "Hello", " from p" + index)
                : Replies.slowFirstToken(delay, "Hello", " from p" + index);
    }

    private java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, Reply> script(int index) {
        Integer limitedFor = scenario.rateLimitedOnce.get(index);
        java.util.concurrent.atomic.AtomicBoolean limited = new java.util.concurrent.atomic.AtomicBoolean();
        return request -> limitedFor != null && limited.compareAndSet(false, true)
                ? Replies.rateLimited(limitedFor)
                : defaultReply(index, request.path("stream").asBoolean(false));
    }

    /** Sends one Messages request through the gateway and returns what the client got. */
    public RecordingResponder.Exchange send(boolean stream) {
        return send(stream, null);
    }

    /** Sends one request with a {@code traceparent} header (or none when null). */
    public RecordingResponder.Exchange send(boolean stream, String traceparent) {
        String body =
                io.portbroker.testkit.Requests.messages(MODEL).stream(stream).json();
        Map<String, List<String>> headers = new java.util.HashMap<>();
        headers.put("x-api-key", List.of(key));
        headers.put("content-type", List.of("application/json"));
        if (traceparent != null) {
            headers.put("traceparent", List.of(traceparent));
        }
        RecordingResponder responder = new RecordingResponder();
        plane.api()
                .handle(
                        new ApiRequest("POST", "/v1/messages", "", headers, body.getBytes(StandardCharsets.UTF_8)),
                        responder);
        return responder.exchange();
    }

    /** Fetches the Prometheus page. */
    public RecordingResponder.Exchange metricsPage() {
        RecordingResponder responder = new RecordingResponder();
        plane.api().handle(new ApiRequest("GET", "/metrics", "", Map.of(), null), responder);
        return responder.exchange();
    }

    public FakeOpenAiUpstream fake(int index) {
        return fakes.get(index);
    }

    /** The breaker/metrics id of provider {@code index}'s target. */
    public static String target(int index) {
        return "p" + index + "/model-" + index;
    }

    public MutableClock clock() {
        return clock;
    }

    /** Every wait the orchestrator asked for (backoff, Retry-After), in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    public InMemoryMetrics metrics() {
        return metrics;
    }

    public CircuitBreakers breakers() {
        return plane.breakers();
    }

    public InMemoryBreakerStateStore breakerStates() {
        return breakerStates;
    }

    /** Polls (real time, up to five seconds) until the condition holds; for effects that happen after a reply. */
    public static boolean eventually(BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        fakes.forEach(FakeOpenAiUpstream::close);
        scheduler.shutdownNow();
        executor.shutdownNow();
    }

    private static byte[] bytes(SecureRandom random) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return b;
    }
}
