package io.portbroker.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.resilience.RetrySettings;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.testing.Requests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The assembled data plane (API, router, orchestrator, stream runner) over a scripted transport: the port is
 * faked, every class of ours is real. The same behaviours over real HTTP live in the testkit's scenario tests.
 */
class DataPlaneTest {

    private static final String CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"f\","
            + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"%s\"},\"finish_reason\":%s}]}\n\n";
    private static final String COMPLETION = "{\"id\":\"c\",\"object\":\"chat.completion\",\"model\":\"f\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi from %s\"},"
            + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}";

    private final Map<String, Function<UpstreamCall, UpstreamResponse>> scripts = new ConcurrentHashMap<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<ModelRoute> routes = new ArrayList<>();
    private final List<ProviderConfig> providers = new ArrayList<>();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicLong offsetMillis = new java.util.concurrent.atomic.AtomicLong();
    /** Real time plus whatever the orchestrator "slept": waits move this clock instead of the test's thread. */
    private final Clock clock = new Clock() {
        @Override
        public java.time.Instant instant() {
            return Clock.systemUTC().instant().plusMillis(offsetMillis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    private final java.util.concurrent.ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor();
    private String key;

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private DataPlane plane(HedgePolicy hedge, RetrySettings retry) {
        for (String id : List.of("a", "b")) {
            providers.add(Providers.openAi(id).noCredential().build());
        }
        routes.add(Routes.route("m").to("a", "x").to("b", "y").hedge(hedge).build());
        ConfigStore config = new ConfigStore() {
            @Override
            public List<ProviderConfig> providers() {
                return providers;
            }

            @Override
            public List<ModelRoute> routes() {
                return routes;
            }

            @Override
            public void putProvider(ProviderConfig provider) {}

            @Override
            public void putRoute(ModelRoute route) {}
        };
        Map<String, ApiKeyRecord> keys = new ConcurrentHashMap<>();
        ApiKeyStore keyStore = new ApiKeyStore() {
            @Override
            public Optional<ApiKeyRecord> findByHash(String keyHash) {
                return Optional.ofNullable(keys.get(keyHash));
            }

            @Override
            public void create(ApiKeyRecord record) {
                keys.put(record.keyHash(), record);
            }

            @Override
            public java.util.List<ApiKeyRecord> findByKeyId(String keyId) {
                return keys.values().stream()
                        .filter(r -> r.keyId().equals(keyId))
                        .toList();
            }

            @Override
            public void update(ApiKeyRecord record) {
                keys.put(record.keyHash(), record);
            }

            @Override
            public io.portbroker.core.page.Page<ApiKeyRecord> list(io.portbroker.core.page.PageRequest page) {
                return new io.portbroker.core.page.Page<>(java.util.List.of(), null);
            }

            @Override
            public io.portbroker.core.page.Page<ApiKeyRecord> searchByName(
                    String namePrefix, io.portbroker.core.page.PageRequest page) {
                return new io.portbroker.core.page.Page<>(java.util.List.of(), null);
            }
        };
        KeyHasher hasher = new KeyHasher(new byte[32]);
        Clock clock = this.clock;
        key = new KeyIssuer(keyStore, hasher, clock, new SecureRandom())
                .issue("t", Scopes.CHAT, null)
                .key();
        UpstreamTransport transport = call -> {
            String host = call.url().getHost();
            calls.add(host);
            return scripts.get(host).apply(call);
        };
        return DataPlane.assemble(DataPlane.Parts.builder()
                .config(config)
                .transport(transport)
                .credentials(ref -> "unused")
                .authenticator(new ApiKeyAuthenticator(keyStore, hasher, clock, Duration.ofSeconds(5)))
                .signatures(new HmacThinkingSignatures(new byte[32]))
                .settings(GatewaySettings.ofDefaults()
                        .withValidateStreams(true)
                        .withExposeMetrics(true)
                        .withRetry(retry))
                .metrics(metrics)
                .metricsPage(metrics)
                .clock(clock)
                .sleeper(wait -> {
                    sleeps.add(wait);
                    offsetMillis.addAndGet(wait.toMillis());
                })
                .random(new SplittableRandom(1))
                .scheduler(scheduler)
                .watchdogTick(Duration.ofMillis(20))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build());
    }

    private DataPlane plane() {
        return plane(HedgePolicy.off(), RetrySettings.ofDefaults());
    }

    private static UpstreamResponse response(int status, InputStream body, Map<String, String> headers) {
        return new UpstreamResponse() {
            @Override
            public int status() {
                return status;
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(headers.get(name));
            }

            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public void close() {
                try {
                    body.close();
                } catch (IOException ignored) {
                    // test stream
                }
            }
        };
    }

    private static UpstreamResponse json(int status, String body, Map<String, String> headers) {
        return response(status, new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), headers);
    }

    private static UpstreamResponse completion(String who) {
        return json(200, COMPLETION.formatted(who), Map.of());
    }

    private static UpstreamResponse stream(String... pieces) {
        StringBuilder sb = new StringBuilder();
        for (String p : pieces) {
            sb.append(CHUNK.formatted(p, "null"));
        }
        sb.append(CHUNK.formatted("", "\"stop\"")).append("data: [DONE]\n\n");
        return json(200, sb.toString(), Map.of());
    }

    /** A stream that sends one chunk, then fails as a reset connection does. */
    private static UpstreamResponse brokenStream() {
        byte[] first = CHUNK.formatted("Hel", "null").getBytes(StandardCharsets.UTF_8);
        InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos < first.length) {
                    return first[pos++];
                }
                throw new IOException("reset");
            }
        };
        return response(200, in, Map.of());
    }

    /** A stream that sends nothing until released or closed (a slow first token). */
    private static UpstreamResponse slowStream(CountDownLatch release) {
        byte[] body = (CHUNK.formatted("slow", "null") + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8);
        CountDownLatch closed = new CountDownLatch(1);
        InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                try {
                    if (pos == 0 && !release.await(5, TimeUnit.SECONDS)) {
                        throw new IOException("never released");
                    }
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                if (closed.getCount() == 0) {
                    throw new IOException("closed");
                }
                return pos < body.length ? body[pos++] : -1;
            }

            @Override
            public void close() {
                closed.countDown();
                release.countDown();
            }
        };
        return response(200, in, Map.of());
    }

    private Recorded send(DataPlane plane, String method, String path, String body) {
        Recorded r = new Recorded();
        plane.api()
                .handle(
                        new ApiRequest(
                                method,
                                path,
                                "",
                                Map.of("x-api-key", List.of(key)),
                                body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                        r);
        return r;
    }

    private Recorded messages(DataPlane plane, boolean stream) {
        return send(
                plane,
                "POST",
                "/v1/messages",
                Requests.messages("m").maxTokens(50).stream(stream).json());
    }

    @Test
    void messages_shouldAnswerFromTheFirstTarget_whenItIsHealthy() {
        DataPlane plane = plane();
        scripts.put("a.invalid", call -> call.headers().containsKey("traceparent") ? completion("a") : null);

        Recorded r = messages(plane, false);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.body()).contains("hi from a");
        assertThat(r.headers).containsEntry("x-portbroker-provider", "a");
        assertThat(metrics.timerCount(MetricNames.FIRST_BYTE_LATENCY, Map.of())).isEqualTo(1);
    }

    @Test
    @Tag("error-path")
    void messages_shouldFailOverAndCount_whenTheFirstTargetFails() {
        DataPlane plane = plane();
        scripts.put("a.invalid", call -> {
            throw new ProviderConnectionError("refused");
        });
        scripts.put(
                "b.invalid",
                call -> call.headers().get("accept").contains("event-stream") ? stream("Hel", "lo") : completion("b"));

        Recorded streamed = messages(plane, true);
        Recorded complete = messages(plane, false);

        assertThat(streamed.status).isEqualTo(200);
        assertThat(streamed.body()).contains("\"text\":\"Hel\"").contains("message_stop");
        assertThat(complete.body()).contains("hi from b");
        assertThat(metrics.counter(MetricNames.RETRY_SUCCESS, Map.of())).isEqualTo(2);
        assertThat(metrics.counter(
                        MetricNames.UPSTREAM_ERRORS, Map.of("category", "PROVIDER_CONNECTION", "target", "a/x")))
                .isEqualTo(2);
    }

    @Test
    @org.junit.jupiter.api.Tag("error-path")
    void messages_shouldAnswer429WithRetryAfterThenProbe_whenTheOnlyTargetIsRateLimited() {
        DataPlane plane = plane();
        routes.set(0, Routes.route("m").to("a", "x").build());
        scripts.put(
                "a.invalid",
                call -> calls.size() == 1
                        ? json(429, "{\"error\":{\"message\":\"slow\"}}", Map.of("retry-after", "7"))
                        : completion("a"));

        // when: the first request meets the 429, the second comes at once
        Recorded limited = messages(plane, false);
        Recorded next = messages(plane, false);

        // then: the 429 answers that request only; the next one probes the cooling target instead of a 529
        assertThat(limited.status).isEqualTo(429);
        assertThat(limited.body()).contains("rate_limit_error");
        assertThat(limited.headers).containsEntry("retry-after", "7");
        assertThat(next.status).isEqualTo(200);
        assertThat(calls).hasSize(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.Tag("error-path")
    void messages_shouldFailOverAndSkipTheCoolingTarget_whenOneTargetIsRateLimited() {
        DataPlane plane = plane();
        scripts.put("a.invalid", call -> json(429, "{\"error\":{\"message\":\"slow\"}}", Map.of("retry-after", "7")));
        scripts.put("b.invalid", call -> completion("b"));

        Recorded first = messages(plane, false);
        Recorded second = messages(plane, false);
        offsetMillis.addAndGet(7000);
        Recorded afterPause = messages(plane, false);

        assertThat(first.status).isEqualTo(200);
        assertThat(second.status).isEqualTo(200);
        assertThat(afterPause.status).isEqualTo(200);
        assertThat(calls).containsExactly("a.invalid", "b.invalid", "b.invalid", "a.invalid", "b.invalid");
    }

    @Test
    @Tag("error-path")
    void messages_shouldRenderTheError_whenEveryAttemptFails() {
        DataPlane plane = plane();
        scripts.put("a.invalid", call -> json(500, "{}", Map.of()));
        scripts.put("b.invalid", call -> json(400, "{\"error\":{\"message\":\"context too long\"}}", Map.of()));

        Recorded r = messages(plane, false);

        assertThat(r.status).isEqualTo(400);
        assertThat(r.body()).contains("context too long");
        assertThat(r.headers).containsEntry("x-should-retry", "false");
        assertThat(metrics.counter(MetricNames.ERRORS, Map.of("category", "INVALID_REQUEST")))
                .isEqualTo(1);
    }

    @Test
    @Tag("error-path")
    void messages_shouldEndTheStreamInStream_whenTheProviderFailsAfterTheFirstByte() {
        DataPlane plane = plane();
        scripts.put("a.invalid", call -> brokenStream());

        Recorded r = messages(plane, true);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.body()).contains("event: error");
        assertThat(calls).containsExactly("a.invalid");
        assertThat(metrics.counter(MetricNames.ERRORS, Map.of("category", "PROVIDER_CONNECTION")))
                .isEqualTo(1);
    }

    @Test
    void messages_shouldLetTheHedgeWin_whenTheFirstTargetIsSlow() {
        DataPlane plane = plane(HedgePolicy.after(Duration.ofMillis(50)), RetrySettings.ofDefaults());
        CountDownLatch never = new CountDownLatch(1);
        scripts.put("a.invalid", call -> slowStream(never));
        scripts.put("b.invalid", call -> stream("fast"));

        Recorded r = messages(plane, true);

        assertThat(r.headers).containsEntry("x-portbroker-provider", "b");
        assertThat(r.body()).contains("fast").doesNotContain("slow");
        assertThat(metrics.counter(MetricNames.HEDGE_WINS, Map.of("target", "b/y")))
                .isEqualTo(1);
        assertThat(plane.breakers().isAvailable("a/x"))
                .as("a lost race is no failure")
                .isTrue();
    }

    @Test
    void messages_shouldNotHedge_whenTheFirstTargetAnswersInTime() {
        DataPlane plane = plane(HedgePolicy.atP95(Duration.ofSeconds(5)), RetrySettings.ofDefaults());
        scripts.put("a.invalid", call -> completion("a"));

        Recorded r = messages(plane, false);

        assertThat(r.body()).contains("hi from a");
        assertThat(calls).containsExactly("a.invalid");
    }

    @Test
    @Tag("error-path")
    void messages_shouldHedgeAndUseTheOtherAnswer_whenTheFirstFailsDuringTheRace() {
        DataPlane plane = plane(HedgePolicy.after(Duration.ofMillis(20)), RetrySettings.ofDefaults());
        CountDownLatch release = new CountDownLatch(1);
        scripts.put("a.invalid", call -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ProviderConnectionError("late failure");
        });
        scripts.put("b.invalid", call -> {
            release.countDown();
            return completion("b");
        });

        Recorded r = messages(plane, false);

        assertThat(r.body()).contains("hi from b");
    }

    @Test
    void otherRoutes_shouldServeHealthMetricsModelsAndTokenCounts() {
        DataPlane plane = plane();

        assertThat(send(plane, "GET", "/health", null).status).isEqualTo(200);
        assertThat(send(plane, "GET", "/metrics", null).headers.get("content-type"))
                .startsWith("text/plain");
        assertThat(send(plane, "GET", "/v1/models", null).body()).contains("\"id\":\"m\"");
        assertThat(send(plane, "GET", "/v1/models/m", null).status).isEqualTo(200);
        assertThat(send(
                                plane,
                                "POST",
                                "/v1/messages/count_tokens",
                                Requests.messages("m").maxTokens(1).json())
                        .body())
                .contains("input_tokens");
        assertThat(send(plane, "GET", "/nowhere", null).status).isEqualTo(404);
    }

    /** Records the answer. */
    private static final class Recorded implements ApiResponder {
        final StringBuilder sb = new StringBuilder();
        Map<String, String> headers = Map.of();
        int status;

        @Override
        public synchronized void respond(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            this.headers = headers;
            sb.append(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public synchronized ByteSink startStream(int status, Map<String, String> headers) {
            this.status = status;
            this.headers = headers;
            return bytes -> {
                synchronized (this) {
                    sb.append(new String(bytes, StandardCharsets.UTF_8));
                }
            };
        }

        @Override
        public void onCancel(Runnable action) {}

        @Override
        public void endStream() {}

        synchronized String body() {
            return sb.toString();
        }
    }
}
