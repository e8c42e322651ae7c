package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static io.portbroker.local.TwoStackFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cache policy reaches every container: two local stacks on one emulator (one table set, one SSM path),
 * polling every second. A policy edited through one is applied by the other within its poll interval; an invalid
 * edit is refused with the policy in force kept on both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CachePolicyEndToEndTest {

    static FakeOpenAiUpstream upstream;
    static TwoStackFixture stacks;
    static LocalStack first;
    static LocalStack second;
    static String clientKey;

    @BeforeAll
    static void start() {
        upstream = FakeOpenAiUpstream.start(req -> Replies.completion("four", List.of(), "stop"));
        stacks = TwoStackFixture.start(
                "pbpol-", """
                providers:
                  - id: fake
                    base_url: %s
                    api_key_env: %s
                routes:
                  - model: claude-pol
                    targets:
                      - provider: fake
                        model: m
                """.formatted(upstream.baseUrl(), GatewayFixture.UPSTREAM_CREDENTIAL_ENV));
        first = stacks.first;
        second = stacks.second;
        clientKey = stacks.clientKey;
    }

    @AfterAll
    static void stop() {
        stacks.close();
        upstream.close();
    }

    @Test
    @Order(1)
    void policy_shouldReachTheOtherServerWithinThePollInterval_whenPutThroughOne() {
        // given: the second server answers a repeated prompt from its cache
        ask(second, "warm");
        assertThat(cacheHeader(ask(second, "warm"))).isEqualTo("hit-l1");

        // when: the cache is switched off and the rollout cut through the first server
        HttpResponse<String> put = admin(first, "PUT", "/admin/v1/cache/policy", """
                {"enabled":false,"rollout_percent":50,"max_ttl_seconds":1200}""");

        // then: the same response shape as before, the edit audited, and the second server stops hitting
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("enabled").asBoolean()).isFalse();
        assertThat(json(put).get("rollout_percent").asInt()).isEqualTo(50);
        await(() -> !cacheHeader(ask(second, "warm")).startsWith("hit"));
        var seen = json(admin(second, "GET", "/admin/v1/cache/policy", null));
        assertThat(seen.get("enabled").asBoolean()).isFalse();
        assertThat(seen.get("rollout_percent").asInt()).isEqualTo(50);
        assertThat(seen.get("max_ttl_seconds").asLong()).isEqualTo(1200);
        assertThat(json(admin(first, "GET", "/admin/v1/audit?stream=admin&action=cache.policy", null))
                        .get("data")
                        .size())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void invalidPolicy_shouldBeRefusedWith400AndThePolicyKeptEverywhere_whenPut() {
        // when: min TTL above max TTL through the second server
        HttpResponse<String> put = admin(second, "PUT", "/admin/v1/cache/policy", """
                {"enabled":true,"min_ttl_seconds":5000,"max_ttl_seconds":60}""");

        // then
        assertThat(put.statusCode()).as(put.body()).isEqualTo(400);
        assertThat(put.body()).contains("invalid_request_error").contains("min TTL");
        for (LocalStack s : List.of(first, second)) {
            var policy = json(admin(s, "GET", "/admin/v1/cache/policy", null));
            assertThat(policy.get("enabled").asBoolean()).isFalse();
            assertThat(policy.get("max_ttl_seconds").asLong()).isEqualTo(1200);
        }
    }

    @Test
    @Order(3)
    void policy_shouldSwitchTheCacheBackOnEverywhere_whenPutThroughTheOther() {
        // when
        HttpResponse<String> put = admin(second, "PUT", "/admin/v1/cache/policy", """
                {"enabled":true,"rollout_percent":100}""");

        // then: the first server caches again (a miss, then a hit)
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        await(() -> cacheHeader(ask(first, "again-" + UUID.randomUUID())).equals("miss"));
        ask(first, "again");
        assertThat(cacheHeader(ask(first, "again"))).isEqualTo("hit-l1");
    }

    private static HttpResponse<String> ask(LocalStack stack, String text) {
        HttpResponse<String> r = call(
                stack,
                "POST",
                "/v1/messages",
                Map.of("x-api-key", clientKey, "anthropic-version", "2023-06-01"),
                "{\"model\":\"claude-pol\",\"max_tokens\":16,\"temperature\":0,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static String cacheHeader(HttpResponse<?> r) {
        return r.headers().firstValue("x-portbroker-cache").orElse("none");
    }

    private static HttpResponse<String> admin(LocalStack stack, String method, String path, String body) {
        return stacks.admin(stack, method, path, body);
    }
}
