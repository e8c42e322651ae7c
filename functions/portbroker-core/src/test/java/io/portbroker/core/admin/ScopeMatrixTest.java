package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.core.http.Endpoint;
import io.portbroker.core.http.GatewayApi;
import io.portbroker.core.http.RecordingResponder;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.routing.Router;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryAuditStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.testing.MemoryVault;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Walks every route of both APIs: a key holding every scope except the route's own is refused with 403, no key
 * with 401, and the admin OpenAPI document lists every route with its scope.
 */
class ScopeMatrixTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final KeyIssuer issuer = new KeyIssuer(keys, hasher, CLOCK, new SecureRandom());
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, CLOCK, Duration.ZERO);
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final AdminAuthService sessions = AdminFixtures.authService(CLOCK);
    private final AdminApi admin = new AdminApi(
            new AdminCredentialAuthenticator(authenticator, sessions),
            new AdminApi.Services(
                    keys,
                    issuer,
                    authenticator,
                    config,
                    config,
                    new MemoryVault(),
                    ProviderUrlGuard.CONFIG_RULES_ONLY,
                    new InMemoryUsageStore(),
                    new AuditLog(new InMemoryAuditStore(), CLOCK),
                    sessions,
                    CLOCK));
    // the handlers never run in this test: every call is refused before them
    private final GatewayApi gateway =
            new GatewayApi(new AnthropicMessagesDialect(false), null, authenticator, new Router(config), 1 << 20);

    @Test
    @Tag("error-path")
    void adminRoutes_shouldRefuseKeysWithoutTheRouteScope_forEveryRoute() {
        for (Endpoint<AdminOperation> e : admin.routes().endpoints()) {
            if (e.scope() == null) {
                continue; // login, refresh and logout: covered by AuthRoutesTest
            }
            // given
            String key = keyWithAllScopesBut(e.scope());
            String path = e.template().replace("{id}", "key_x").replace("{pattern}", "claude-x");

            // when
            RecordingResponder denied = send(admin::handle, e.method(), path, key);
            RecordingResponder anonymous = send(admin::handle, e.method(), path, null);

            // then
            assertThat(denied.status).as(e.method() + " " + e.template()).isEqualTo(403);
            assertThat(anonymous.status).as(e.method() + " " + e.template()).isEqualTo(401);
            assertThat(denied.json().path("category").asText()).isEqualTo("permission");
        }
    }

    @Test
    @Tag("error-path")
    void gatewayRoutes_shouldRefuseKeysWithoutTheRouteScope_forEveryScopedRoute() {
        int scoped = 0;
        for (Endpoint<io.portbroker.core.http.steps.DataRoute> e :
                gateway.routes().endpoints()) {
            if (e.scope() == null) {
                continue;
            }
            scoped++;
            // given
            String key = keyWithAllScopesBut(e.scope());
            String path = e.template().replace("{id+}", "claude-x");

            // when
            RecordingResponder denied = send(gateway::handle, e.method(), path, key);
            RecordingResponder anonymous = send(gateway::handle, e.method(), path, null);

            // then
            assertThat(denied.status).as(e.method() + " " + e.template()).isEqualTo(403);
            assertThat(anonymous.status).as(e.method() + " " + e.template()).isEqualTo(401);
        }
        assertThat(scoped).isEqualTo(4);
    }

    @Test
    void openApi_shouldDocumentEveryAdminRouteWithItsScope_whenServed() throws IOException {
        // given
        String key = issuer.issue("reader", Set.of(Scopes.ADMIN_READ), null).key();

        // when
        RecordingResponder doc = send(admin::handle, "GET", "/admin/v1/openapi.json", key);

        // then
        assertThat(doc.status).isEqualTo(200);
        JsonNode paths = doc.json().path("paths");
        for (Endpoint<AdminOperation> e : admin.routes().endpoints()) {
            JsonNode op = paths.path(e.template()).path(e.method().toLowerCase(java.util.Locale.ROOT));
            assertThat(op.isMissingNode()).as(e.method() + " " + e.template()).isFalse();
            if (e.scope() == null) {
                assertThat(op.path("security").isArray()).isTrue();
                assertThat(op.path("security")).isEmpty();
            } else {
                assertThat(op.path("x-required-scope").asText()).isEqualTo(e.scope());
            }
            for (String q : e.handler().queryParams()) {
                assertThat(op.path("parameters").toString()).contains("\"" + q + "\"");
            }
        }
        assertThat(paths.size())
                .isEqualTo(admin.routes().endpoints().stream()
                        .map(Endpoint::template)
                        .distinct()
                        .count());
    }

    private String keyWithAllScopesBut(String scope) {
        Set<String> scopes = new HashSet<>(Scopes.ALL);
        scopes.remove(scope);
        return issuer.issue("all-but-" + scope, scopes, null).key();
    }

    private static RecordingResponder send(Handler api, String method, String path, String key) {
        RecordingResponder answer = new RecordingResponder();
        api.handle(
                new ApiRequest(
                        method,
                        path,
                        "",
                        key == null ? Map.of() : Map.of("x-api-key", List.of(key)),
                        method.equals("GET") || method.equals("DELETE")
                                ? new byte[0]
                                : "{}".getBytes(StandardCharsets.UTF_8)),
                answer);
        return answer;
    }

    @FunctionalInterface
    interface Handler {
        void handle(ApiRequest request, ApiResponder responder);
    }

    /** Records the one response. */
}
