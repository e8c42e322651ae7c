package io.portbroker.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.MemoryAuditStore;
import io.portbroker.core.testing.MemoryConfigStore;
import io.portbroker.core.testing.MemoryKeyStore;
import io.portbroker.core.testing.MemoryUsageStore;
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
    final MemoryKeyStore keys = new MemoryKeyStore();
    final KeyHasher hasher = new KeyHasher(new byte[32]);
    final KeyIssuer issuer = new KeyIssuer(keys, hasher, clock, new SecureRandom());
    /** A long cache: only the admin API's own invalidation can make a change visible at once. */
    final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofHours(1));

    final MemoryConfigStore config = new MemoryConfigStore();
    final MemoryVault vault = new MemoryVault();
    final MemoryUsageStore usage = new MemoryUsageStore();
    final MemoryAuditStore auditStore = new MemoryAuditStore();
    final AuditLog audit = new AuditLog(auditStore, clock);
    final Set<String> refusedHosts = new HashSet<>();
    final io.portbroker.core.auth.AdminAuthService sessions = AdminFixtures.authService(clock);
    final AdminApi api;
    final String adminKey;
    final String adminKeyId;

    AdminFixture() {
        this(null);
    }

    AdminFixture(CostServices costs) {
        api = new AdminApi(
                new AdminCredentialAuthenticator(authenticator, sessions),
                new AdminApi.Services(
                        keys,
                        issuer,
                        authenticator,
                        config,
                        config,
                        vault,
                        url -> {
                            if (refusedHosts.contains(url.getHost())) {
                                throw new io.portbroker.error.InvalidRequestError(
                                        "base_url points to a private address");
                            }
                        },
                        usage,
                        audit,
                        sessions,
                        clock),
                costs);
        adminKey = issuer.issue("admin", Scopes.ALL, null).key();
        adminKeyId = keys.all().getFirst().keyId();
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
