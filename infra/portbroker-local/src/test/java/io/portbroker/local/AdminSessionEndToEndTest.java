package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A full admin session over HTTP against the running local stack (moto + the real server): provider with a
 * write-only credential, route, scoped keys with limits, exact RPM under 40 concurrent clients, usage, rotation,
 * revocation, the audit trail and its verification, and finally a scan of every table for plaintext secrets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminSessionEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROVIDER_SECRET = "sk-provider-secret-" + UUID.randomUUID();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SECRETS_SEEN = new ArrayList<>();

    static FakeOpenAiUpstream upstream;
    static LocalStack stack;
    static String prefix;
    static String adminKey;
    static String limitedKeyId;
    static String limitedKey;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> Replies.completion("ok", List.of(), "stop"));
        prefix = "pbadmin-" + UUID.randomUUID().toString().substring(0, 8);
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        SECRETS_SEEN.add(adminKey);
        Path config = Files.createTempFile("portbroker-admin", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: seed
                    base_url: %s
                """.formatted(upstream.baseUrl()));
        stack = TestStacks.startQuietly(TestStacks.settings(config, prefix)
                .extraProperties(Map.of("portbroker.infrastructure.usage-flush", "200ms"))
                .bootstrapAdminKey(adminKey));
        stack.printedKey().ifPresent(SECRETS_SEEN::add);
    }

    @AfterAll
    static void stop() {
        stack.close();
        upstream.close();
    }

    @Test
    @Order(1)
    void providers_shouldStoreTheCredentialWriteOnly_whenCreated() throws Exception {
        // when
        HttpResponse<String> created =
                call("POST", "/admin/v1/providers", adminKey, """
                {"id": "vaulted", "base_url": "%s", "api_key": "%s", "profile": {"max_output_tokens": 4096}}
                """.formatted(upstream.baseUrl(), PROVIDER_SECRET));
        HttpResponse<String> listed = call("GET", "/admin/v1/providers?limit=10", adminKey, null);

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PROVIDER_SECRET).contains("\"credential\":\"stored\"");
        assertThat(listed.body()).doesNotContain(PROVIDER_SECRET).contains("\"vaulted\"");
        assertThat(json(listed).path("data")).hasSize(2);
    }

    @Test
    @Order(2)
    void routesAndKeys_shouldBeCreated_whenValid() throws Exception {
        // when
        HttpResponse<String> route = call("POST", "/admin/v1/routes", adminKey, """
                {"model": "claude-limited", "targets": [{"provider": "vaulted", "model": "up-model"}]}
                """);
        HttpResponse<String> key = call("POST", "/admin/v1/keys", adminKey, """
                {"name": "ci", "scopes": ["chat:write", "chat:read"], "requests_per_minute": 25}
                """);

        // then
        assertThat(route.statusCode()).isEqualTo(201);
        assertThat(key.statusCode()).isEqualTo(201);
        limitedKey = json(key).path("key").asText();
        limitedKeyId = json(key).path("id").asText();
        SECRETS_SEEN.add(limitedKey);
        assertThat(ApiKeyFormat.isWellFormed(limitedKey)).isTrue();
        assertThat(call("GET", "/admin/v1/keys/" + limitedKeyId, adminKey, null).body())
                .doesNotContain(limitedKey)
                .contains("\"requests_per_minute\":25");
    }

    @Test
    @Order(3)
    void messages_shouldAdmitExactlyTheLimit_whenFortyClientsRace() throws Exception {
        // given: stay inside one one-minute window
        Instant now = Instant.now();
        if (now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(45).isBefore(now)) {
            Thread.sleep(Math.max(0, 61_000 - now.toEpochMilli() % 60_000));
        }
        List<HttpResponse<String>> responses = new ArrayList<>();

        // when
        try (ExecutorService pool = Executors.newFixedThreadPool(40)) {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(pool.submit(() -> call(
                        "POST",
                        "/v1/messages",
                        limitedKey,
                        Requests.messages("claude-limited").maxTokens(64).json())));
            }
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
        }

        // then
        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(25);
        List<HttpResponse<String>> limited =
                responses.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(limited).hasSize(15);
        assertThat(limited.getFirst().headers().firstValue("retry-after")).isPresent();
        assertThat(json(limited.getFirst()).path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(upstream.requests().getLast().header("authorization")).isEqualTo("Bearer " + PROVIDER_SECRET);
    }

    @Test
    @Order(4)
    void usage_shouldCountEveryAdmittedCall_whenFlushed() throws Exception {
        // when: the recorder flushes every 200 ms; poll the admin API until it has
        JsonNode day = null;
        for (int i = 0; i < 50 && (day == null || day.path("requests").asLong() < 25); i++) {
            Thread.sleep(100);
            JsonNode data = json(call("GET", "/admin/v1/keys/" + limitedKeyId + "/usage", adminKey, null))
                    .path("data");
            day = data.isEmpty() ? null : data.get(0);
        }

        // then
        assertThat(day).isNotNull();
        assertThat(day.path("requests").asLong()).isEqualTo(25);
        JsonNode listed =
                json(call("GET", "/admin/v1/keys?name=ci", adminKey, null)).path("data");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("usage").path("requests").asLong()).isEqualTo(25);
        assertThat(listed.get(0).path("last_used_at").isNull()).isFalse();
    }

    @Test
    @Order(5)
    void rotateAndRevoke_shouldKeepOldKeyUntilOverlapThenDenyBoth_whenRevoked() throws Exception {
        // given
        JsonNode created = json(call("POST", "/admin/v1/keys", adminKey, """
                {"name": "rotating", "scopes": ["chat:read"]}
                """));
        String oldKey = created.path("key").asText();
        String id = created.path("id").asText();
        SECRETS_SEEN.add(oldKey);

        // when
        JsonNode rotated =
                json(call("POST", "/admin/v1/keys/" + id + "/rotate", adminKey, "{\"overlap_seconds\": 300}"));
        String newKey = rotated.path("key").asText();
        SECRETS_SEEN.add(newKey);

        // then: both secrets work during the overlap
        assertThat(call("GET", "/v1/models", oldKey, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/v1/models", newKey, null).statusCode()).isEqualTo(200);
        assertThat(rotated.path("id").asText()).isEqualTo(id);

        // when
        HttpResponse<String> revoked = call("POST", "/admin/v1/keys/" + id + "/revoke", adminKey, null);

        // then
        assertThat(json(revoked).path("status").asText()).isEqualTo("revoked");
        assertThat(call("GET", "/v1/models", oldKey, null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/v1/models", newKey, null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void admin_shouldDenyBadCredentialsWithStructuredErrors_whenMisused() throws Exception {
        // given
        String badChecksum = limitedKey.substring(0, limitedKey.length() - 1) + (limitedKey.endsWith("A") ? "B" : "A");

        // when
        HttpResponse<String> clientKeyOnAdmin = call("POST", "/admin/v1/keys", limitedKey, "{}");
        HttpResponse<String> noKey = call("GET", "/admin/v1/keys", null, null);
        HttpResponse<String> bad = call("GET", "/v1/models", badChecksum, null);
        HttpResponse<String> unknownField = call("POST", "/admin/v1/keys", adminKey, """
                {"name": "x", "scopes": ["chat:read"], "is_admin": true}
                """);

        // then
        assertThat(clientKeyOnAdmin.statusCode()).isEqualTo(403);
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(unknownField.statusCode()).isEqualTo(400);
        JsonNode error = json(unknownField);
        assertThat(error.path("message").asText()).isEqualTo("unknown field 'is_admin'");
        assertThat(error.path("code").asText()).isEqualTo("invalid_request_error");
        assertThat(error.path("category").asText()).isEqualTo("invalid_request");
        assertThat(error.path("retriable").asBoolean()).isFalse();
        assertThat(error.path("trace_id").asText()).isNotBlank();
    }

    @Test
    @Order(7)
    void audit_shouldListEveryChangeAndVerify_whenRead() throws Exception {
        // when
        JsonNode audit = json(call("GET", "/admin/v1/audit?stream=admin&limit=100", adminKey, null));
        JsonNode verify = json(call("GET", "/admin/v1/audit/verify", adminKey, null));

        // then
        List<String> actions = new ArrayList<>();
        audit.path("data").forEach(r -> actions.add(r.path("action").asText()));
        assertThat(actions).contains("provider.create", "route.create", "key.create", "key.rotate", "key.revoke");
        assertThat(verify.path("valid").asBoolean()).isTrue();
        assertThat(audit.toString()).doesNotContain(PROVIDER_SECRET);
    }

    @Test
    @Order(8)
    void tables_shouldHoldNoPlaintextKeyOrCredential_afterTheSession() {
        // given
        DynamoDbClient dynamo = stack.context().getBean(DynamoDbClient.class);
        List<String> secrets = new ArrayList<>(SECRETS_SEEN);
        secrets.add(PROVIDER_SECRET);

        // when: every item of every table of this stack, as text
        StringBuilder all = new StringBuilder();
        int tables = 0;
        for (String table : dynamo.listTablesPaginator().tableNames()) {
            if (table.startsWith(prefix + "-")) {
                tables++;
                dynamo.scanPaginator(b -> b.tableName(table))
                        .items()
                        .forEach(item -> all.append(item).append('\n'));
            }
        }

        // then
        assertThat(tables)
                .isEqualTo(io.portbroker.dynamodb.TableSchemaDefinition.load()
                        .tables()
                        .size());
        assertThat(all).isNotEmpty();
        for (String secret : secrets) {
            assertThat(all.toString()).doesNotContain(secret);
        }
        // the provider key is there, but only sealed with KMS
        assertThat(all.toString()).contains("sealed:vaulted:o.v1."); // bound to its origin (issue #9)
    }

    private static HttpResponse<String> call(String method, String path, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + path))
                .header("content-type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("x-api-key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
