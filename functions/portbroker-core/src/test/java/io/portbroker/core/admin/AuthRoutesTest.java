package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.RecordingResponder;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryAuditStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.testing.MemoryVault;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Login, refresh and logout through the admin API's dispatch, with real services over in-memory stores. */
class AuthRoutesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String IP = "203.0.113.9";

    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, CLOCK, Duration.ZERO);
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    private final AdminAuthService sessions = AdminFixtures.authService(CLOCK);
    private final String password = sessions.bootstrapAdmin("admin", Scopes.ADMIN, "correct horse battery")
            .orElseThrow()
            .password();
    private final AdminApi admin = new AdminApi(
            new AdminCredentialAuthenticator(authenticator, sessions),
            new AdminApi.Services(
                    keys,
                    new KeyIssuer(keys, hasher, CLOCK, new SecureRandom()),
                    authenticator,
                    config,
                    config,
                    new MemoryVault(),
                    ProviderUrlGuard.CONFIG_RULES_ONLY,
                    new InMemoryUsageStore(),
                    new AuditLog(auditStore, CLOCK),
                    sessions,
                    CLOCK));

    @Test
    void login_shouldIssueTokensThatOpenAdminRoutes_whenThePasswordIsRight() {
        // when
        RecordingResponder login =
                post("/admin/v1/auth/login", "{\"username\": \"Admin\", \"password\": \"" + password + "\"}");
        String access = login.json().path("access_token").asText();
        RecordingResponder providers =
                call("GET", "/admin/v1/providers", Map.of("authorization", "Bearer " + access), "");

        // then
        assertThat(login.status).isEqualTo(200);
        assertThat(login.json().path("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.json().path("expires_in").asLong()).isEqualTo(900);
        assertThat(login.json().path("refresh_token").asText()).startsWith("pbr_");
        assertThat(providers.status).isEqualTo(200);
        assertThat(actions()).containsExactly("auth.login");
        assertThat(auditStore.last(AuditStream.AUTH).orElseThrow().actor()).isEqualTo("user:admin");
    }

    @Test
    @Tag("error-path")
    void login_shouldAnswer401AndAudit_whenThePasswordIsWrong() {
        // when
        RecordingResponder wrong = post("/admin/v1/auth/login", "{\"username\": \"admin\", \"password\": \"guess\"}");
        RecordingResponder pasted =
                post("/admin/v1/auth/login", "{\"username\": \"my secret pw!\", \"password\": \"x\"}");
        RecordingResponder missing = post("/admin/v1/auth/login", "{\"username\": \"admin\"}");

        // then
        assertThat(wrong.status).isEqualTo(401);
        assertThat(wrong.json().path("message").asText()).isEqualTo("invalid username or password");
        assertThat(pasted.status).isEqualTo(401);
        assertThat(missing.status).isEqualTo(400);
        assertThat(actions()).containsExactly("auth.login_failed", "auth.login_failed");
        assertThat(auditStore.read(AuditStream.AUTH, 0, 10_000).toString())
                .doesNotContain("my secret pw!")
                .contains("(malformed)");
    }

    @Test
    @Tag("error-path")
    void login_shouldAnswer429WithRetryAfter_whenTheAccountIsLockedOut() {
        // given: five free failures, the sixth starts a 30 s lockout
        for (int i = 0; i < 6; i++) {
            post("/admin/v1/auth/login", "{\"username\": \"admin\", \"password\": \"guess" + i + "\"}");
        }

        // when: even the right password is refused while locked
        RecordingResponder locked =
                post("/admin/v1/auth/login", "{\"username\": \"admin\", \"password\": \"" + password + "\"}");

        // then
        assertThat(locked.status).isEqualTo(429);
        assertThat(locked.headers).containsEntry("retry-after", "30");
        assertThat(actions()).endsWith("auth.login_throttled");
    }

    @Test
    void refresh_shouldRotateAndRevokeTheFamily_whenAUsedTokenComesBack() {
        // given
        String first = login().path("refresh_token").asText();
        RecordingResponder rotated = post("/admin/v1/auth/refresh", "{\"refresh_token\": \"" + first + "\"}");
        String second = rotated.json().path("refresh_token").asText();

        // when
        RecordingResponder reused = post("/admin/v1/auth/refresh", "{\"refresh_token\": \"" + first + "\"}");
        RecordingResponder afterRevoke = post("/admin/v1/auth/refresh", "{\"refresh_token\": \"" + second + "\"}");

        // then
        assertThat(rotated.status).isEqualTo(200);
        assertThat(second).isNotEqualTo(first);
        assertThat(reused.status).isEqualTo(401);
        assertThat(afterRevoke.status).isEqualTo(401);
        assertThat(actions()).containsExactly("auth.login", "auth.refresh", "auth.refresh_reuse");
    }

    @Test
    void logout_shouldEndTheSession_whenGivenItsRefreshToken() {
        // given
        String refresh = login().path("refresh_token").asText();

        // when
        RecordingResponder out = post("/admin/v1/auth/logout", "{\"refresh_token\": \"" + refresh + "\"}");
        RecordingResponder again = post("/admin/v1/auth/logout", "{\"refresh_token\": \"" + refresh + "\"}");
        RecordingResponder refreshed = post("/admin/v1/auth/refresh", "{\"refresh_token\": \"" + refresh + "\"}");

        // then
        assertThat(out.status).isEqualTo(204);
        assertThat(again.status).isEqualTo(204);
        assertThat(refreshed.status).isEqualTo(401);
        assertThat(actions()).containsExactly("auth.login", "auth.logout", "auth.logout");
    }

    @Test
    @Tag("error-path")
    void adminRoutes_shouldRefuseAJwtWithoutTheScope_whenTheAdminLacksIt() {
        // given: an admin who may only read
        sessions.bootstrapAdmin("reader", Set.of(Scopes.ADMIN_READ), "reader password 1");
        String access = post("/admin/v1/auth/login", "{\"username\": \"reader\", \"password\": \"reader password 1\"}")
                .json()
                .path("access_token")
                .asText();

        // when
        RecordingResponder read = call("GET", "/admin/v1/keys", Map.of("authorization", "Bearer " + access), "");
        RecordingResponder write = call("POST", "/admin/v1/keys", Map.of("authorization", "Bearer " + access), "{}");
        RecordingResponder forged = call("GET", "/admin/v1/keys", Map.of("authorization", "Bearer a.b.c"), "");

        // then
        assertThat(read.status).isEqualTo(200);
        assertThat(write.status).isEqualTo(403);
        assertThat(write.json().path("message").asText()).isEqualTo("this admin lacks the admin:keys scope");
        assertThat(forged.status).isEqualTo(401);
    }

    private JsonNode login() {
        return post("/admin/v1/auth/login", "{\"username\": \"admin\", \"password\": \"" + password + "\"}")
                .json();
    }

    private List<String> actions() {
        return auditStore.read(AuditStream.AUTH, 0, 10_000).stream()
                .map(AuditRecord::action)
                .toList();
    }

    private RecordingResponder post(String path, String body) {
        return call("POST", path, Map.of(), body);
    }

    private RecordingResponder call(String method, String path, Map<String, String> headers, String body) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        RecordingResponder answer = new RecordingResponder();
        admin.handle(new ApiRequest(method, path, "", h, body.getBytes(StandardCharsets.UTF_8), IP), answer);
        return answer;
    }
}
