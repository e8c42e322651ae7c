package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.cache.ResponseCache;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Who may see whose cached answers, and what the cache keeps of personal data, through the real server over moto:
 * two keys (two tenants) asking the same prompt, a route that opts into a shared namespace, a prompt with an
 * e-mail address under {@code pii-action: skip} (the default) and a second server on the same tables under
 * {@code redact}. The audit trail and the stored rows are read back to prove no value was kept.
 */
class CachePrivacyEndToEndTest {
    private static final String EMAIL = "jane.doe@example.org";

    static FakeOpenAiUpstream upstream;
    static LocalStack skipping;
    static LocalStack redacting;
    static String prefix;
    static String adminKey;
    static String tenantA;
    static String tenantB;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> Replies.completion(
                req.toString().contains("contact") ? "write to " + EMAIL : "four", List.of(), "stop"));
        prefix = "pbpriv-" + UUID.randomUUID().toString().substring(0, 8);
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        tenantA = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-cachepriv", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: fake
                    base_url: %s
                    api_key_env: %s
                routes:
                  - model: claude-private
                    targets:
                      - provider: fake
                        model: m
                  - model: claude-shared
                    targets:
                      - provider: fake
                        model: m
                """.formatted(upstream.baseUrl(), GatewayFixture.UPSTREAM_CREDENTIAL_ENV));
        skipping = start(config, Map.of());
        redacting = start(config, Map.of("portbroker.cache.pii-action", "redact"));
        HttpResponse<String> created = call(skipping, "POST", "/admin/v1/keys", Map.of("x-api-key", adminKey), """
                {"name": "tenant-b", "scopes": ["chat:write", "chat:read"]}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        tenantB = json(created).path("key").asText();
    }

    private static LocalStack start(Path config, Map<String, Object> properties) {
        return TestStacks.startQuietly(TestStacks.settings(config, prefix)
                .bootstrapKey(tenantA)
                .extraProperties(properties)
                .bootstrapAdminKey(adminKey));
    }

    @AfterAll
    static void stop() {
        redacting.close();
        skipping.close();
        upstream.close();
    }

    private static HttpResponse<String> ask(LocalStack stack, String key, String model, String text) {
        HttpResponse<String> r = call(
                stack,
                "POST",
                "/v1/messages",
                Map.of("x-api-key", key),
                "{\"model\":\"" + model + "\",\"max_tokens\":16,\"temperature\":0,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static String cacheHeader(HttpResponse<?> r) {
        return r.headers().firstValue("x-portbroker-cache").orElse("none");
    }

    private static String audit(LocalStack stack, String action) {
        stack.context().getBean(ResponseCache.class).flush(Duration.ofSeconds(10)); // audits go out behind answers
        return call(stack, "GET", "/admin/v1/audit?stream=admin&action=" + action, Map.of("x-api-key", adminKey), null)
                .body();
    }

    @Test
    void complete_shouldMissForEachTenant_whenTwoKeysAskTheSamePrompt() {
        int before = upstream.requests().size();

        HttpResponse<String> a = ask(skipping, tenantA, "claude-private", "isolated question");
        HttpResponse<String> b = ask(skipping, tenantB, "claude-private", "isolated question");
        HttpResponse<String> aAgain = ask(skipping, tenantA, "claude-private", "isolated question");

        assertThat(cacheHeader(a)).isEqualTo("miss");
        assertThat(cacheHeader(b)).isEqualTo("miss");
        assertThat(cacheHeader(aAgain)).isEqualTo("hit-l1");
        assertThat(upstream.requests()).hasSize(before + 2);
    }

    @Test
    void complete_shouldShareTheEntryAcrossTenants_whenTheRouteOptsIntoASharedNamespace() {
        HttpResponse<String> put = call(skipping, "PUT", "/admin/v1/cache/policy", Map.of("x-api-key", adminKey), """
                {"routes": {"claude-shared": {"enabled": true, "shared_namespace": true}}}""");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        int before = upstream.requests().size();

        HttpResponse<String> a = ask(skipping, tenantA, "claude-shared", "shared question");
        HttpResponse<String> b = ask(skipping, tenantB, "claude-shared", "shared question");

        assertThat(cacheHeader(a)).isEqualTo("miss");
        assertThat(cacheHeader(b)).isEqualTo("hit-l1");
        assertThat(b.body()).isEqualTo(a.body());
        assertThat(upstream.requests()).hasSize(before + 1);
    }

    @Test
    void complete_shouldSkipTheCache_andAuditTheKindOnly_whenThePromptHoldsAnEmailAddress() {
        int before = upstream.requests().size();

        HttpResponse<String> first = ask(skipping, tenantA, "claude-private", "my address is " + EMAIL);
        HttpResponse<String> again = ask(skipping, tenantA, "claude-private", "my address is " + EMAIL);

        assertThat(cacheHeader(first)).isEqualTo("skip");
        assertThat(cacheHeader(again)).isEqualTo("skip");
        assertThat(upstream.requests()).hasSize(before + 2);
        String audit = audit(skipping, "cache.pii.skip");
        assertThat(audit)
                .contains("cache.pii.skip")
                .contains("email")
                .doesNotContain(EMAIL)
                .doesNotContain("jane");
        assertThat(storedValues()).noneMatch(v -> v.contains(EMAIL));
    }

    @Test
    void complete_shouldStoreTheAnswerWithPlaceholders_andAuditTheScrub_whenTheActionIsRedact() {
        int before = upstream.requests().size();

        HttpResponse<String> first = ask(redacting, tenantA, "claude-private", "contact for the invoice?");
        HttpResponse<String> again = ask(redacting, tenantA, "claude-private", "contact for the invoice?");

        assertThat(cacheHeader(first)).isEqualTo("miss");
        assertThat(first.body()).contains(EMAIL); // the caller still gets the provider's answer
        assertThat(cacheHeader(again)).isEqualTo("hit-l1");
        assertThat(again.body()).contains("write to [EMAIL]").doesNotContain(EMAIL);
        assertThat(upstream.requests()).hasSize(before + 1);
        String audit = audit(redacting, "cache.pii.redact");
        assertThat(audit).contains("cache.pii.redact").contains("email").doesNotContain(EMAIL);
        assertThat(storedValues()).anyMatch(v -> v.contains("[EMAIL]")).noneMatch(v -> v.contains(EMAIL));
    }

    /** Every row of the L2 table, as text (a test table: a few dozen rows). */
    private static List<String> storedValues() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(MotoEndpoint.resolve())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return dynamo.scanPaginator(b -> b.tableName(prefix + "-response-cache")).items().stream()
                    .map(item -> item.values().stream()
                            .map(v -> v.b() != null ? v.b().asUtf8String() : String.valueOf(v.s()))
                            .reduce("", String::concat))
                    .toList();
        }
    }
}
