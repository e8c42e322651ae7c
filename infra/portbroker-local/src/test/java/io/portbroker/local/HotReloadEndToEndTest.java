package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static io.portbroker.local.TwoStackFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.reload.LiveDataPlane;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Hot reload in running servers: two local stacks on one emulator (two containers on one table and one SSM path),
 * polling every second. A route edit through one reaches the other within the interval; SSM edits reach CORS and
 * the breaker settings without restart; an invalid SSM edit is refused with the old config kept and the reason in
 * the audit trail; the drift report shows the out-of-band change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotReloadEndToEndTest {
    private static final String UI = "http://localhost:5173";

    static FakeOpenAiUpstream upstreamA;
    static FakeOpenAiUpstream upstreamB;
    static TwoStackFixture stacks;
    static LocalStack first;
    static LocalStack second;
    static String prefix;
    static String clientKey;

    @BeforeAll
    static void start() {
        upstreamA = FakeOpenAiUpstream.start(req -> Replies.completion("from-a", List.of(), "stop"));
        upstreamB = FakeOpenAiUpstream.start(req -> Replies.completion("from-b", List.of(), "stop"));
        stacks = TwoStackFixture.start("pbhot-", """
                providers:
                  - id: a
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                  - id: b
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                routes:
                  - model: claude-hot
                    strategy: weighted
                    targets:
                      - provider: a
                        model: m
                        weight: 1
                      - provider: b
                        model: m
                        weight: 0
                """.formatted(upstreamA.baseUrl(), upstreamB.baseUrl()));
        first = stacks.first;
        second = stacks.second;
        prefix = stacks.prefix;
        clientKey = stacks.clientKey;
    }

    @AfterAll
    static void stop() {
        stacks.close();
        upstreamA.close();
        upstreamB.close();
    }

    @Test
    @Order(1)
    void routeWeights_shouldReachTheOtherServerWithinThePollInterval_whenEditedThroughOne() {
        // given
        assertThat(reply(first)).isEqualTo("from-a");
        long before = version(first);

        // when: the weights flip through the second server's admin API
        HttpResponse<String> put = admin(second, "PUT", "/admin/v1/routes/claude-hot", """
                {"model":"claude-hot","strategy":"weighted","targets":[
                  {"provider":"a","model":"m","weight":0},{"provider":"b","model":"m","weight":1}]}""");

        // then: the editing server at once, the other one within its poll interval, both on the same version
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(reply(second)).isEqualTo("from-b");
        await(() -> "from-b".equals(reply(first)));
        assertThat(version(first)).isEqualTo(version(second)).isGreaterThan(before);
    }

    @Test
    @Order(2)
    void ssmEdits_shouldReachCorsAndBreakerSettingsWithoutRestart_whenMadeOutOfBand() {
        // given
        String portal = "https://portal-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        Map<String, String> preflight = Map.of("origin", portal, "access-control-request-method", "GET");
        assertThat(call(first, "OPTIONS", "/admin/v1/keys", preflight, null).statusCode())
                .isEqualTo(403);
        Object pipeline = first.context().getBean(LiveDataPlane.class).current();

        // when
        putParameter("runtime/cors/allowed-origins", UI + "," + portal);
        putParameter("runtime/breaker/minimum-calls", "7");

        // then
        await(() -> call(first, "OPTIONS", "/admin/v1/keys", preflight, null).statusCode() == 204);
        await(() -> second.context()
                        .getBean(ConfigSnapshots.class)
                        .get()
                        .typed()
                        .runtime()
                        .breaker()
                        .minimumCalls()
                == 7);
        JsonNode minimumCalls = setting(first, "portbroker.runtime.breaker.minimum-calls");
        assertThat(minimumCalls.get("value").asText()).isEqualTo("7");
        assertThat(minimumCalls.get("source").asText()).isEqualTo("remote");
        assertThat(first.context().getBean(LiveDataPlane.class).current())
                .as("retry/breaker changes assemble a new pipeline")
                .isNotSameAs(pipeline);
    }

    @Test
    @Order(3)
    void drift_shouldReportTheOutOfBandChange_whenRead() {
        // when
        JsonNode drift = json(admin(first, "GET", "/admin/v1/config/drift", null));

        // then
        assertThat(drift.get("drift_detected").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(StreamSupport.stream(drift.get("settings").spliterator(), false)
                        .map(r -> r.get("key").asText() + "@" + r.get("source").asText()))
                .contains(
                        "portbroker.runtime.cors.allowed-origins@remote",
                        "portbroker.runtime.breaker.minimum-calls@remote");
    }

    @Test
    @Order(4)
    void invalidSsmEdit_shouldBeRefusedWithTheOldConfigKeptAndAudited_whenPolled() {
        // given
        long kept = version(first);

        // when
        putParameter("runtime/retry/max-attempts", "0");

        // then
        await(() -> audited(first, "config.reload_rejected"));
        JsonNode attempts = setting(first, "portbroker.runtime.retry.max-attempts");
        assertThat(attempts.get("value").asText()).isEqualTo("3");
        assertThat(version(first)).isEqualTo(kept);
        assertThat(reply(first)).isEqualTo("from-b");
        first.context().getBean(SsmClient.class).deleteParameter(b -> b.name(parameter("runtime/retry/max-attempts")));
    }

    private static void putParameter(String name, String value) {
        first.context()
                .getBean(SsmClient.class)
                .putParameter(
                        b -> b.name(parameter(name)).type("String").value(value).overwrite(true));
    }

    private static String parameter(String name) {
        return "/" + prefix + "/config/" + name;
    }

    private static boolean audited(LocalStack stack, String action) {
        JsonNode page = json(admin(stack, "GET", "/admin/v1/audit?stream=admin&action=" + action, null));
        return page.get("data").size() > 0;
    }

    private static JsonNode setting(LocalStack stack, String key) {
        JsonNode effective = json(admin(stack, "GET", "/admin/v1/config/effective", null));
        return StreamSupport.stream(effective.get("settings").spliterator(), false)
                .filter(r -> r.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static long version(LocalStack stack) {
        return json(admin(stack, "GET", "/admin/v1/config/effective", null))
                .get("version")
                .asLong();
    }

    private static String reply(LocalStack stack) {
        HttpResponse<String> r = call(
                stack, "POST", "/v1/messages", Map.of("x-api-key", clientKey, "anthropic-version", "2023-06-01"), """
                {"model":"claude-hot","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""");
        if (r.statusCode() != 200) {
            return "status " + r.statusCode() + ": " + r.body();
        }
        return json(r).get("content").get(0).get("text").asText();
    }

    private static HttpResponse<String> admin(LocalStack stack, String method, String path, String body) {
        return stacks.admin(stack, method, path, body);
    }
}
