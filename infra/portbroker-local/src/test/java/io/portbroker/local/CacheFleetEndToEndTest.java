package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cache across a fleet and through an outage, with two servers on one emulator (two containers: their own
 * L1, one L2/L3, one lease), both with {@code portbroker.cache.lease} and {@code stale-grace} on: two containers
 * missing the same prompt at once call the provider once, and an expired answer is served {@code stale} when the
 * provider fails.
 */
class CacheFleetEndToEndTest {
    private static final Duration PROVIDER_TIME = Duration.ofMillis(1500);

    static FakeOpenAiUpstream upstream;
    static LocalStack first;
    static LocalStack second;
    static String clientKey;
    static String adminKey;
    static volatile boolean providerDown;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> {
            if (providerDown) {
                return Replies.serverError();
            }
            if (req.toString().contains("fleet")) {
                LockSupport.parkNanos(PROVIDER_TIME.toNanos()); // the provider's own time, on the fake's thread
            }
            return Replies.completion("answer " + UUID.randomUUID(), List.of(), "stop");
        });
        String prefix = "pbfleet-" + UUID.randomUUID().toString().substring(0, 8);
        clientKey = ApiKeyFormat.generate(new SecureRandom());
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-cachefleet", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: fake
                    base_url: %s
                    api_key_env: %s
                routes:
                  - model: claude-fleet
                    targets:
                      - provider: fake
                        model: m
                  - model: claude-short
                    targets:
                      - provider: fake
                        model: m
                """.formatted(upstream.baseUrl(), GatewayFixture.UPSTREAM_CREDENTIAL_ENV));
        Map<String, Object> cache = Map.of(
                "portbroker.cache.lease", "10s",
                "portbroker.cache.stale-grace", "10m",
                "portbroker.infrastructure.config-poll", "1s");
        first = start(config, prefix, cache);
        second = start(config, prefix, cache);
    }

    private static LocalStack start(Path config, String prefix, Map<String, Object> properties) {
        return TestStacks.startQuietly(TestStacks.settings(config, prefix)
                .bootstrapKey(clientKey)
                .extraProperties(properties)
                .bootstrapAdminKey(adminKey));
    }

    @AfterAll
    static void stop() {
        second.close();
        first.close();
        upstream.close();
    }

    private static HttpResponse<String> ask(LocalStack stack, String model, String text) {
        return call(
                stack,
                "POST",
                "/v1/messages",
                Map.of("x-api-key", clientKey),
                "{\"model\":\"" + model + "\",\"max_tokens\":16,\"temperature\":0,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
    }

    private static String cacheHeader(HttpResponse<?> r) {
        return r.headers().firstValue("x-portbroker-cache").orElse("none");
    }

    @Test
    void complete_shouldCallTheProviderOnce_whenTwoContainersMissTheSamePromptAtOnce() throws Exception {
        int before = upstream.requests().size();

        // the first container is inside its provider call (and holds the lease)...
        CompletableFuture<HttpResponse<String>> a =
                CompletableFuture.supplyAsync(() -> ask(first, "claude-fleet", "fleet question"));
        Instant deadline = Instant.now().plusSeconds(20);
        while (upstream.requests().size() == before && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        // ...when the second one misses the same prompt
        HttpResponse<String> b = ask(second, "claude-fleet", "fleet question");

        assertThat(a.get().statusCode()).isEqualTo(200);
        assertThat(b.statusCode()).isEqualTo(200);
        assertThat(cacheHeader(a.get())).isEqualTo("miss");
        assertThat(cacheHeader(b)).isEqualTo("hit-l2");
        assertThat(b.body()).isEqualTo(a.get().body());
        assertThat(upstream.requests()).hasSize(before + 1);
    }

    @Test
    void complete_shouldServeTheExpiredAnswerMarkedStale_whenTheProviderFails() {
        HttpResponse<String> policy = call(first, "PUT", "/admin/v1/cache/policy", Map.of("x-api-key", adminKey), """
                {"routes": {"claude-short": {"enabled": true, "max_ttl_seconds": 1}}}""");
        assertThat(policy.statusCode()).as(policy.body()).isEqualTo(200);
        HttpResponse<String> fresh = ask(first, "claude-short", "outage question");
        assertThat(cacheHeader(fresh)).isEqualTo("miss");
        providerDown = true;
        try {
            // the answer is served from L1 until its 1 s TTL passes; then the failing provider makes it stale
            HttpResponse<String> r = fresh;
            Instant deadline = Instant.now().plusSeconds(20);
            while (!cacheHeader(r).equals("stale") && Instant.now().isBefore(deadline)) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                r = ask(first, "claude-short", "outage question");
            }
            HttpResponse<String> uncached = ask(first, "claude-short", "never answered before");

            assertThat(cacheHeader(r)).isEqualTo("stale");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(fresh.body());
            assertThat(r.headers().firstValue("warning"))
                    .hasValueSatisfying(w -> assertThat(w).startsWith("111"));
            assertThat(r.headers().firstValue("age")).isPresent();
            assertThat(uncached.statusCode()).isGreaterThanOrEqualTo(500);
            assertThat(json(call(first, "GET", "/admin/v1/cache/stats", Map.of("x-api-key", adminKey), null))
                            .path("stale_served")
                            .asLong())
                    .isPositive();
        } finally {
            providerDown = false;
        }
    }
}
