package io.portbroker.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.health.CheckResult;
import io.portbroker.core.health.HealthCheck;
import io.portbroker.core.health.Readiness;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.testing.Requests;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The observability decorators around the real assembled data plane (router, orchestrator, codecs) over a
 * scripted transport: request metrics, tokens, time to first token, overhead, per-request facts with cost,
 * readiness routing and the stack-trace guard.
 */
class ObservedPipelineTest {
    private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"f\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
    private static final String USAGE_CHUNK =
            "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"f\","
                    + "\"choices\":[],\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3,\"total_tokens\":10}}\n\n";
    private static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"f\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,"
            + "\"total_tokens\":5}}";

    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final RequestFactsBoard facts = new RequestFactsBoard();
    private final UpstreamWaits waits = new UpstreamWaits();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger flushes = new AtomicInteger();
    private String body = COMPLETION;
    private String key;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private io.portbroker.core.http.ApiHandler api(List<HealthCheck> checks) {
        config.putProvider(Providers.openAi("p").noCredential().build());
        config.putRoute(Routes.route("m").to("p", "x").build());
        InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
        KeyHasher hasher = new KeyHasher(new byte[32]);
        Clock clock = Clock.systemUTC();
        key = new KeyIssuer(keys, hasher, clock, new SecureRandom())
                .issue("t", Scopes.ALL, null)
                .key();
        ApiKeyAuthenticator auth = new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofSeconds(5));
        UpstreamTransport scripted = call -> response(body);
        Observability obs = new Observability(
                metrics,
                facts,
                waits,
                (ctx, provider, model, usage) -> usage.inputTokens() * 1e-6,
                new Readiness(checks, clock, Duration.ofSeconds(1)),
                r -> r.header("x-api-key")
                        .map(k -> auth.authenticate(k, Scopes.ADMIN_READ) != null)
                        .orElse(false),
                () -> {
                    flushes.incrementAndGet();
                    throw new IllegalStateException("a failing flush never fails a request");
                });
        DataPlane plane = DataPlane.assemble(DataPlane.Parts.builder()
                .config(config)
                .transport(obs.timed(scripted))
                .credentials(ref -> "unused")
                .authenticator(auth)
                .signatures(new HmacThinkingSignatures(new byte[32]))
                .metrics(metrics)
                .metricsPage(metrics)
                .clock(clock)
                .sleeper(wait -> {})
                .random(new SplittableRandom(1))
                .scheduler(scheduler)
                .watchdogTick(Duration.ofMillis(20))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .decorator(obs::decorate)
                .build());
        return obs.wrap(plane.api());
    }

    private static UpstreamResponse response(String body) {
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        return new UpstreamResponse() {
            @Override
            public int status() {
                return 200;
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.empty();
            }

            @Override
            public InputStream body() {
                return in;
            }

            @Override
            public void close() {}
        };
    }

    private RecordingResponder call(io.portbroker.core.http.ApiHandler api, String method, String path, String json) {
        RecordingResponder r = new RecordingResponder();
        api.handle(
                new ApiRequest(
                        method,
                        path,
                        "",
                        Map.of("x-api-key", List.of(key), "content-type", List.of("application/json")),
                        json == null ? null : json.getBytes(StandardCharsets.UTF_8)),
                r);
        return r;
    }

    private static String message(boolean stream) {
        return Requests.messages("m").maxTokens(10).stream(stream).json();
    }

    @Test
    void handle_shouldCountTimeAndAttributeAWholeAnswer_whenTheUpstreamAnswers() {
        var api = api(List.of());

        RecordingResponder r = call(api, "POST", "/v1/messages", message(false));

        assertThat(r.status).isEqualTo(200);
        Map<String, String> labels = Map.of("method", "POST", "endpoint", "/v1/messages", "status", "200");
        assertThat(metrics.counter(MetricNames.REQUESTS, labels)).isEqualTo(1);
        assertThat(metrics.timerCount(MetricNames.REQUEST_DURATION, labels)).isEqualTo(1);
        assertThat(metrics.counter(MetricNames.TOKENS, Map.of("direction", "input", "provider", "p", "model", "m")))
                .isEqualTo(3);
        assertThat(metrics.counter(MetricNames.TOKENS, Map.of("direction", "output", "provider", "p", "model", "m")))
                .isEqualTo(2);
        assertThat(metrics.timerCount(MetricNames.TIME_TO_FIRST_TOKEN, Map.of("provider", "p")))
                .isEqualTo(1);
        assertThat(metrics.timerCount(MetricNames.OVERHEAD, Map.of())).isEqualTo(1);
        assertThat(flushes.get()).isEqualTo(1);
        // the completion line took the facts; nothing is left behind
        assertThat(facts.size()).isZero();
        assertThat(waits.size()).isZero();
    }

    @Test
    void handle_shouldCountTokensFromTheFinishEvent_whenTheAnswerIsStreamed() {
        var api = api(List.of());
        body = CHUNK.formatted("Hel", "null") + CHUNK.formatted("lo", "\"stop\"") + USAGE_CHUNK + "data: [DONE]\n\n";

        RecordingResponder r = call(api, "POST", "/v1/messages", message(true));

        assertThat(r.status).isEqualTo(200);
        assertThat(r.streamEnded).isTrue();
        assertThat(metrics.counter(MetricNames.TOKENS, Map.of("direction", "input", "provider", "p", "model", "m")))
                .isEqualTo(7);
        assertThat(metrics.timerCount(MetricNames.TIME_TO_FIRST_TOKEN, Map.of("provider", "p")))
                .isEqualTo(1);
        assertThat(metrics.timerCount(MetricNames.OVERHEAD, Map.of())).isEqualTo(1);
    }

    @Test
    void handle_shouldCountErrorsByClass_whenTheCallerIsRefused() {
        var api = api(List.of());
        key = "pb_live_notakey";

        RecordingResponder r = call(api, "POST", "/v1/messages", message(false));

        assertThat(r.status).isEqualTo(401);
        assertThat(metrics.counter(MetricNames.ERROR_RATE, Map.of("class", "4xx")))
                .isEqualTo(1);
        assertThat(metrics.counter(
                        MetricNames.REQUESTS, Map.of("method", "POST", "endpoint", "/v1/messages", "status", "401")))
                .isEqualTo(1);
        assertThat(metrics.timerCount(MetricNames.OVERHEAD, Map.of())).isZero();
    }

    @Test
    void ready_shouldAnswer503WithDetailOnlyForAdmins_whenACriticalCheckFails() {
        var api = api(List.of(
                HealthCheck.probe("dynamodb", true, () -> {
                    throw new IllegalStateException("endpoint http://secret-host refused");
                }),
                HealthCheck.probe("s3", false, () -> {})));

        RecordingResponder admin = call(api, "GET", "/health/ready", null);
        String adminKey = key;
        key = "pb_live_notakey";
        RecordingResponder anonymous = call(api, "GET", "/health/ready", null);

        assertThat(admin.status).isEqualTo(503);
        assertThat(admin.json().path("status").asText()).isEqualTo("unhealthy");
        assertThat(admin.json().path("checks").path("dynamodb").path("status").asText())
                .isEqualTo("unhealthy");
        assertThat(admin.json().path("checks").path("dynamodb").path("detail").asText())
                .isEqualTo("failed: IllegalStateException");
        assertThat(admin.text()).doesNotContain("secret-host");
        assertThat(anonymous.status).isEqualTo(503);
        assertThat(anonymous.json().path("checks").path("dynamodb").asText()).isEqualTo("unhealthy");
        assertThat(anonymous.json().path("checks").path("s3").asText()).isEqualTo("healthy");
        assertThat(anonymous.text()).doesNotContain("detail");
        assertThat(adminKey).isNotEqualTo(key);
        assertThat(metrics.counter(
                        MetricNames.REQUESTS, Map.of("method", "GET", "endpoint", "/health/ready", "status", "503")))
                .isEqualTo(2);
    }

    @Test
    void respond_shouldReplaceA5xxBodyWithAStackFrame_andCountIt() {
        RecordingResponder r = new RecordingResponder();
        ObservedApi api = new ObservedApi(
                (req, resp) -> resp.respond(
                        500,
                        Map.of("request-id", "req_1"),
                        "boom\n\tat io.portbroker.Foo.bar(Foo.java:42)".getBytes(StandardCharsets.UTF_8)),
                metrics,
                facts,
                waits,
                () -> {});

        api.handle(new ApiRequest("GET", "/x", "", Map.of(), null), r);

        assertThat(r.status).isEqualTo(500);
        assertThat(r.text()).doesNotContain("Foo.java").contains("internal error");
        assertThat(metrics.counter(MetricNames.LEAKED_STACKTRACES, Map.of())).isEqualTo(1);
        assertThat(metrics.counter(MetricNames.ERROR_RATE, Map.of("class", "5xx")))
                .isEqualTo(1);
        assertThat(metrics.counter(MetricNames.REQUESTS, Map.of("method", "GET", "endpoint", "other", "status", "500")))
                .isEqualTo(1);
    }

    @Test
    void handle_shouldCount499_whenNothingWasSent() {
        ObservedApi api = new ObservedApi((req, resp) -> {}, metrics, facts, waits, () -> {});

        api.handle(new ApiRequest("POST", "/v1/messages", "", Map.of(), null), new RecordingResponder());

        assertThat(metrics.counter(
                        MetricNames.REQUESTS, Map.of("method", "POST", "endpoint", "/v1/messages", "status", "499")))
                .isEqualTo(1);
    }

    @Test
    void healthProbe_shouldBeHealthy_whenTheProbeReturns() {
        CheckResult r = HealthCheck.probe("x", true, () -> {}).check();
        assertThat(r.status()).isEqualTo(io.portbroker.core.health.HealthStatus.HEALTHY);
    }
}
