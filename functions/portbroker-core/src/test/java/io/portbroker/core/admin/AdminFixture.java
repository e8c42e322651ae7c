package io.portbroker.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryAuditStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.testing.MemoryVault;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.RecordingResponder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin API over in-memory ports, with an admin key holding every scope. */
final class AdminFixture {
    final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    final KeyHasher hasher = new KeyHasher(new byte[32]);
    final KeyIssuer issuer = new KeyIssuer(keys, hasher, clock, new SecureRandom());
    /** A long cache: only the admin API's own invalidation can make a change visible at once. */
    final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofHours(1));

    final InMemoryConfigStore config = new InMemoryConfigStore();
    final MemoryVault vault = new MemoryVault();
    final InMemoryUsageStore usage = new InMemoryUsageStore();
    final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    final AuditLog audit = new AuditLog(auditStore, clock);
    final Set<String> refusedHosts = new HashSet<>();
    final io.portbroker.core.auth.AdminAuthService sessions = AdminFixtures.authService(clock);
    final io.portbroker.core.testing.InMemoryRemoteSettingsStore remote =
            new io.portbroker.core.testing.InMemoryRemoteSettingsStore();
    final io.portbroker.core.metrics.InMemoryMetrics metrics = new io.portbroker.core.metrics.InMemoryMetrics();
    final io.portbroker.core.reload.ConfigSnapshots snapshots = new io.portbroker.core.reload.ConfigSnapshots(
            new io.portbroker.core.reload.ConfigSnapshots.Sources(config, config, remote),
            io.portbroker.core.settings.LayeredSettings.merge(
                    Map.of(
                            io.portbroker.core.settings.SettingsLayer.FILE,
                            Map.of(
                                    "runtime.ping-interval",
                                    "7s",
                                    "security.jwt-secret-id",
                                    "jwt/id",
                                    "throttle.window",
                                    "2m",
                                    "throttle.alert-token",
                                    "made-up-alert-value"),
                            io.portbroker.core.settings.SettingsLayer.ENVIRONMENT,
                            Map.of("runtime.retry.max-attempts", "4")),
                    // a start-up group: one reloadable property, one fixed, one secret
                    List.of(io.portbroker.core.settings.ThrottleGroup.group())),
            audit::append,
            metrics);
    final AdminApi api;
    final String adminKey;
    final String adminKeyId;

    AdminFixture() {
        this(null);
    }

    AdminFixture(CostServices costs) {
        AdminApi.Services services = services(url -> {
            if (refusedHosts.contains(url.getHost())) {
                throw new io.portbroker.error.InvalidRequestError("base_url points to a private address");
            }
        });
        api = new AdminApi(
                new AdminCredentialAuthenticator(authenticator, sessions),
                services,
                new ConfigAdmin(snapshots, audit, metrics),
                AdminApi.costRoutes(costs, services));
        adminKey = issuer.issue("admin", Scopes.ALL, null).key();
        adminKeyId = keys.all().getFirst().keyId();
    }

    /** The admin services over this fixture's in-memory ports, checking provider URLs with {@code urlGuard}. */
    AdminApi.Services services(ProviderUrlGuard urlGuard) {
        return new AdminApi.Services(
                keys, issuer, authenticator, config, config, vault, urlGuard, usage, audit, sessions, clock);
    }

    /**
     * Another admin API over this fixture's ports: the core routes (every provider URL allowed) plus {@code
     * extensions}, the route group a test is about.
     */
    AdminApi apiWith(AdminRoutes... extensions) {
        return new AdminApi(new AdminCredentialAuthenticator(authenticator, sessions), services(url -> {}), extensions);
    }

    RecordingResponder call(String method, String pathAndQuery) {
        return call(method, pathAndQuery, null);
    }

    RecordingResponder call(String method, String pathAndQuery, String body) {
        return call(adminKey, method, pathAndQuery, body);
    }

    RecordingResponder call(String key, String method, String pathAndQuery, String body) {
        int q = pathAndQuery.indexOf('?');
        RecordingResponder responder = new RecordingResponder();
        api.handle(
                new ApiRequest(
                        method,
                        q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                        q < 0 ? "" : pathAndQuery.substring(q + 1),
                        Map.of("x-api-key", List.of(key), "x-request-id", List.of("trace-0001")),
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                responder);
        return responder;
    }

    /** The answer's JSON, checked to be a success. */
    JsonNode ok(RecordingResponder r) {
        if (r.status / 100 != 2) {
            throw new AssertionError("expected success, got " + r.status + ": " + r.text());
        }
        return r.json();
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
