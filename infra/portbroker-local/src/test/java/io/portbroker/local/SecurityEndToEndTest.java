package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The security wiring over HTTP: provider base URLs checked against SSRF at save time (loopback allowed only by
 * the local allow-list), provider keys sealed with KMS in the provider record and opened only for the call, and
 * CORS for the admin API with its origin list reloaded from an SSM parameter.
 */
class SecurityEndToEndTest {
    private static final String UI = "http://localhost:5173";
    private static final String PROVIDER_SECRET = "sk-sealed-" + UUID.randomUUID();

    static FakeOpenAiUpstream upstream;
    static LocalStack stack;
    static String prefix;
    static String adminKey;
    static String clientKey;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> Replies.completion("ok", List.of(), "stop"));
        prefix = "pbsec-" + UUID.randomUUID().toString().substring(0, 8);
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        clientKey = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-sec", ".yaml");
        Files.writeString(config, AdminHttp.MINIMAL_CONFIG);
        stack = TestStacks.startQuietly(
                TestStacks.settings(config, prefix).bootstrapKey(clientKey).bootstrapAdminKey(adminKey));
    }

    @AfterAll
    static void stop() {
        stack.close();
        upstream.close();
    }

    @ParameterizedTest
    @CsvSource({
        "http://169.254.169.254/latest/meta-data, base URL must use https",
        "https://169.254.169.254/, base URL points to a non-public address",
        "https://10.0.0.7/v1, base URL points to a non-public address",
        "https://[::ffff:169.254.169.254]/v1, base URL points to a non-public address",
        "http://api.openai.com/v1, base URL must use https"
    })
    void providers_shouldRefuseWith400_whenTheBaseUrlIsAnSsrfTarget(String url, String message) {
        // when
        HttpResponse<String> refused = admin("POST", "/admin/v1/providers", """
                {"id": "ssrf-%s", "base_url": "%s", "api_key": "sk-x"}
                """.formatted(
                        UUID.randomUUID().toString().substring(0, 6), url));

        // then
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).path("message").asText()).isEqualTo(message);
        assertThat(json(refused).path("code").asText()).isEqualTo("invalid_request_error");
        assertThat(refused.body()).doesNotContain("169.254").doesNotContain("pw@");
    }

    @Test
    void providers_shouldSealTheKeyWithKmsAndOpenItOnlyForTheCall_whenTheLoopbackUpstreamIsAllowListed() {
        // given: loopback is on the local stack's allow-list
        HttpResponse<String> created =
                admin("POST", "/admin/v1/providers", """
                {"id": "sealed", "base_url": "%s", "api_key": "%s"}
                """.formatted(upstream.baseUrl(), PROVIDER_SECRET));
        admin("POST", "/admin/v1/routes", """
                {"model": "claude-sealed", "targets": [{"provider": "sealed", "model": "m"}]}
                """);

        // when
        HttpResponse<String> message = call(
                stack,
                "POST",
                "/v1/messages",
                Map.of("x-api-key", clientKey),
                Requests.messages("claude-sealed").maxTokens(16).json());

        // then
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(PROVIDER_SECRET).contains("\"credential\":\"stored\"");
        assertThat(message.statusCode()).isEqualTo(200);
        assertThat(upstream.requests().getLast().header("authorization")).isEqualTo("Bearer " + PROVIDER_SECRET);
        String providersTable = stack.context()
                .getBean(DynamoDbClient.class)
                .scan(b -> b.tableName(prefix + "-providers"))
                .items()
                .toString();
        assertThat(providersTable).doesNotContain(PROVIDER_SECRET).contains("sealed:sealed:o.v1."); // origin-bound
    }

    @Test
    void cors_shouldAnswerPreflightForAllowedOriginAndRefuseOthers_whenTheAdminUiCalls() {
        // when
        HttpResponse<String> preflight = call(
                stack,
                "OPTIONS",
                "/admin/v1/keys",
                Map.of(
                        "origin",
                        UI,
                        "access-control-request-method",
                        "POST",
                        "access-control-request-headers",
                        "authorization, content-type"),
                null);
        HttpResponse<String> evilPreflight = call(
                stack,
                "OPTIONS",
                "/admin/v1/keys",
                Map.of("origin", "https://evil.example", "access-control-request-method", "GET"),
                null);
        HttpResponse<String> evilGet = call(
                stack, "GET", "/admin/v1/keys", Map.of("origin", "https://evil.example", "x-api-key", adminKey), null);

        // then
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("access-control-allow-origin"))
                .contains(UI);
        assertThat(preflight.headers().firstValue("access-control-allow-credentials"))
                .contains("true");
        assertThat(preflight.headers().firstValue("access-control-max-age")).contains("600");
        assertThat(evilPreflight.statusCode()).isEqualTo(403);
        // our policy answered (Micronaut's own localhost guard is off locally): it always sets Vary
        assertThat(evilPreflight.headers().firstValue("vary")).isPresent();
        assertThat(evilPreflight.headers().firstValue("access-control-allow-origin"))
                .isEmpty();
        assertThat(evilGet.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void cors_shouldPickUpANewOrigin_whenTheSsmParameterChanges() {
        // given
        String portal = "https://portal-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        Map<String, String> preflight = Map.of("origin", portal, "access-control-request-method", "GET");
        int before = call(stack, "OPTIONS", "/admin/v1/keys", preflight, null).statusCode();

        // when: the operator edits the remote layer's parameter; no restart, the next poll picks it up
        stack.context()
                .getBean(SsmClient.class)
                .putParameter(b -> b.name("/" + prefix + "/config/runtime/cors/allowed-origins")
                        .type("String")
                        .value(UI + "," + portal)
                        .overwrite(true));
        stack.context().getBean(ConfigSnapshots.class).poll();
        HttpResponse<String> after = call(stack, "OPTIONS", "/admin/v1/keys", preflight, null);

        // then
        assertThat(before).isEqualTo(403);
        assertThat(after.statusCode()).isEqualTo(204);
        assertThat(after.headers().firstValue("access-control-allow-origin")).contains(portal);
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return call(stack, method, path, Map.of("x-api-key", adminKey), body);
    }
}
