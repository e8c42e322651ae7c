package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default per-key rate limits are runtime settings: a {@code PATCH /admin/v1/config} changes the limit a
 * running server applies to a key without limits of its own, with no restart, and a stale version gets 409.
 */
class RateLimitReloadEndToEndTest {
    static FakeOpenAiUpstream upstream;
    static LocalStack stack;
    static String adminKey;
    static String clientKey;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> Replies.completion("ok", List.of(), "stop"));
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        clientKey = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-limits", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: a
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                routes:
                  - model: claude-limits
                    targets:
                      - provider: a
                        model: m
                """.formatted(upstream.baseUrl()));
        String prefix = "pbrl-" + UUID.randomUUID().toString().substring(0, 8);
        stack = TestStacks.startQuietly(
                TestStacks.settings(config, prefix).bootstrapKey(clientKey).bootstrapAdminKey(adminKey));
    }

    @AfterAll
    static void stop() {
        stack.close();
        upstream.close();
    }

    @Test
    void patchConfig_shouldChangeTheDefaultLimitARunningServerApplies_whenTheKeyHasNoLimitOfItsOwn() {
        // given: the bootstrap client key has no limits and no default applies
        assertThat(statuses(4)).containsOnly(200);

        // when: a default of one request per minute
        HttpResponse<String> limited = patch(version(), "1");

        // then: within three calls (a minute boundary may reset the window once) a 429 in the Anthropic envelope
        assertThat(limited.statusCode()).as(limited.body()).isEqualTo(200);
        assertThat(setting(json(limited), "portbroker.runtime.rate-limits.requests-per-minute"))
                .isEqualTo("1");
        assertThat(statuses(3)).contains(429);

        // when: the default is removed again
        HttpResponse<String> lifted = patch(version(), "0");

        // then
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(statuses(3)).containsOnly(200);
    }

    @Test
    void patchConfig_shouldAnswer409InTheAdminEnvelope_whenTheVersionIsStale() {
        // given
        long read = version();
        assertThat(patch(read, "0").statusCode()).isEqualTo(200);

        // when: a second edit still based on the version read before the first
        HttpResponse<String> stale = patch(read, "5");

        // then
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        JsonNode body = json(stale);
        assertThat(body.get("category").asText()).isEqualTo("conflict");
        assertThat(body.get("message").asText()).contains("version conflict");
        assertThat(body.get("retriable").asBoolean()).isFalse();
        assertThat(body.has("trace_id")).isTrue();
    }

    @Test
    void effective_shouldListTheStartupGroupsWithSourceAndRefuseEditingThem_whenRead() {
        // when
        JsonNode effective = json(admin("GET", "/admin/v1/config/effective", null));
        HttpResponse<String> edit = admin("PATCH", "/admin/v1/config", """
                {"version":%d,"settings":{"portbroker.cache.min-ttl":"1m"}}""".formatted(
                        effective.get("version").asLong()));

        // then
        JsonNode row = null;
        for (JsonNode r : effective.get("settings")) {
            if (r.get("key").asText().equals("portbroker.cache.min-ttl")) {
                row = r;
            }
        }
        assertThat(row).as("the cache group is in the effective view").isNotNull();
        assertThat(row.get("reloadable").asBoolean()).isFalse();
        assertThat(row.get("source").asText()).isIn("default", "file", "environment");
        assertThat(setting(effective, "portbroker.cache.min-ttl")).isNotBlank();
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(edit.body()).contains("restart required: portbroker.cache.min-ttl");
    }

    private static List<Integer> statuses(int calls) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> r = call(
                    stack,
                    "POST",
                    "/v1/messages",
                    Map.of("x-api-key", clientKey, "anthropic-version", "2023-06-01"),
                    """
                    {"model":"claude-limits","max_tokens":16,"messages":[{"role":"user","content":"hi"}]}""");
            if (r.statusCode() == 429) {
                assertThat(json(r).get("error").get("type").asText()).isEqualTo("rate_limit_error");
            }
            out.add(r.statusCode());
        }
        return out;
    }

    private static HttpResponse<String> patch(long version, String requestsPerMinute) {
        return admin("PATCH", "/admin/v1/config", """
                {"version":%d,"settings":{"runtime.rate-limits.requests-per-minute":"%s"}}""".formatted(version, requestsPerMinute));
    }

    private static long version() {
        return json(admin("GET", "/admin/v1/config/effective", null))
                .get("version")
                .asLong();
    }

    private static String setting(JsonNode effective, String key) {
        for (JsonNode row : effective.get("settings")) {
            if (row.get("key").asText().equals(key)) {
                return row.get("value").asText();
            }
        }
        throw new AssertionError("no setting " + key);
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return call(stack, method, path, Map.of("x-api-key", adminKey), body);
    }
}
