package io.portbroker.local;

import static io.portbroker.local.AdminHttp.bearer;
import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.auth.JwtConfig;
import io.portbroker.core.auth.JwtService;
import io.portbroker.core.keys.Scopes;
import io.portbroker.secrets.SecretsManagerSecrets;
import io.portbroker.testkit.MotoEndpoint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
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
 * Admin login over HTTP against the local stack: the bootstrap admin's password (supplied as automation would),
 * JWTs on admin routes next to API keys, forged tokens refused (alg none, wrong key, expired, wrong audience),
 * refresh rotation and reuse detection, brute-force throttling, logout, and the {@code auth} audit stream.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminLoginEndToEndTest {
    private static final String PASSWORD = "bootstrap-" + UUID.randomUUID();

    static LocalStack stack;
    static String prefix;
    static String console;
    static String access;
    static String refresh;

    @BeforeAll
    static void start() throws IOException {
        prefix = "pblogin-" + UUID.randomUUID().toString().substring(0, 8);
        Path config = Files.createTempFile("portbroker-login", ".yaml");
        Files.writeString(config, AdminHttp.MINIMAL_CONFIG);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stack = LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config)
                        .port(-1)
                        .tablePrefix(prefix)
                        .bootstrapAdminPassword(PASSWORD)
                        .build(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        console = out.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    @Order(1)
    void login_shouldIssueAJwtThatOpensAdminRoutes_whenTheBootstrapPasswordIsRight() {
        // when
        HttpResponse<String> login = login("admin", PASSWORD);
        JsonNode tokens = json(login);
        access = tokens.path("access_token").asText();
        refresh = tokens.path("refresh_token").asText();
        HttpResponse<String> keys = bearer(stack, "GET", "/admin/v1/keys", access, null);

        // then
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("cache-control")).contains("no-store");
        assertThat(tokens.path("expires_in").asLong()).isBetween(890L, 900L);
        assertThat(access.split("\\.")).hasSize(3);
        assertThat(keys.statusCode()).isEqualTo(200);
        // a supplied password is never printed
        assertThat(console).doesNotContain(PASSWORD).doesNotContain("bootstrap admin user");
    }

    @Test
    @Order(2)
    void adminRoutes_shouldRefuseForgedTokens_whenAlgNoneWrongKeyExpiredOrWrongAudience() {
        // given
        byte[] realKey = stack.context()
                .getBean(SecretsManagerSecrets.class)
                .get(prefix + "/admin-jwt-secret")
                .getBytes(StandardCharsets.UTF_8);
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Instant now = Instant.now();
        JwtConfig ours = JwtConfig.of("portbroker", "portbroker-admin");
        String valid = new JwtService(realKey, ours, Clock.systemUTC())
                .issue("admin", Scopes.ADMIN, now)
                .token();
        String wrongKey = new JwtService(otherKey, ours, Clock.systemUTC())
                .issue("admin", Scopes.ADMIN, now)
                .token();
        String expired = new JwtService(realKey, ours, Clock.fixed(now.minus(Duration.ofHours(1)), ZoneOffset.UTC))
                .issue("admin", Scopes.ADMIN, now)
                .token();
        String wrongAudience = new JwtService(realKey, JwtConfig.of("portbroker", "someone-else"), Clock.systemUTC())
                .issue("admin", Scopes.ADMIN, now)
                .token();
        String payload = valid.split("\\.")[1];
        String algNone = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";

        // then: the real key works, every forgery is a 401 with the structured error
        assertThat(bearer(stack, "GET", "/admin/v1/keys", valid, null).statusCode())
                .isEqualTo(200);
        for (String forged : List.of(algNone, wrongKey, expired, wrongAudience)) {
            HttpResponse<String> refused = bearer(stack, "GET", "/admin/v1/keys", forged, null);
            assertThat(refused.statusCode()).as(forged).isEqualTo(401);
            assertThat(json(refused).path("category").asText()).isEqualTo("authentication");
            assertThat(refused.body()).doesNotContain(forged);
        }
    }

    @Test
    @Order(3)
    void refresh_shouldRotateThenRevokeTheFamily_whenAUsedTokenIsPresentedAgain() {
        // when
        HttpResponse<String> rotated = refresh(refresh);
        String next = json(rotated).path("refresh_token").asText();
        HttpResponse<String> reused = refresh(refresh);
        HttpResponse<String> nextAfterReuse = refresh(next);

        // then
        assertThat(rotated.statusCode()).isEqualTo(200);
        assertThat(next).isNotEqualTo(refresh).startsWith("pbr_");
        assertThat(json(rotated).path("access_token").asText()).isNotBlank();
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(json(reused).path("message").asText())
                .isEqualTo("refresh token reused; the session has been revoked");
        assertThat(nextAfterReuse.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void login_shouldThrottleWith429AndRetryAfter_whenPasswordsAreGuessed() {
        // given: five free failures, then each failure locks the account
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(login("mallory", "guess-" + i).statusCode());
        }

        // when
        HttpResponse<String> locked = login("mallory", "guess-6");

        // then
        assertThat(statuses).containsOnly(401);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("retry-after"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 30L));
        assertThat(json(locked).path("category").asText()).isEqualTo("rate_limited");
    }

    @Test
    @Order(5)
    void logout_shouldEndTheSession_whenGivenTheRefreshToken() {
        // given
        String session = json(login("admin", PASSWORD)).path("refresh_token").asText();

        // when
        HttpResponse<String> out = call(stack, "POST", "/admin/v1/auth/logout", Map.of(), body(session));

        // then
        assertThat(out.statusCode()).isEqualTo(204);
        assertThat(refresh(session).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(6)
    void audit_shouldRecordEveryLoginOutcome_inTheAuthStream() {
        // when
        JsonNode audit = json(bearer(stack, "GET", "/admin/v1/audit?stream=auth&limit=100", access, null));
        JsonNode verify = json(bearer(stack, "GET", "/admin/v1/audit/verify?stream=auth", access, null));

        // then
        List<String> actions = new ArrayList<>();
        audit.path("data").forEach(r -> actions.add(r.path("action").asText()));
        assertThat(actions)
                .contains(
                        "auth.bootstrap_admin",
                        "auth.login",
                        "auth.refresh",
                        "auth.refresh_reuse",
                        "auth.login_failed",
                        "auth.login_throttled",
                        "auth.logout");
        assertThat(audit.toString())
                .doesNotContain(PASSWORD)
                .doesNotContain(refresh)
                .contains("127.0.0.1");
        assertThat(verify.toString()).contains("\"valid\":true");
    }

    private static HttpResponse<String> login(String user, String password) {
        return call(
                stack,
                "POST",
                "/admin/v1/auth/login",
                Map.of(),
                "{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}");
    }

    private static HttpResponse<String> refresh(String token) {
        return call(stack, "POST", "/admin/v1/auth/refresh", Map.of(), body(token));
    }

    private static String body(String refreshToken) {
        return "{\"refresh_token\": \"" + refreshToken + "\"}";
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
