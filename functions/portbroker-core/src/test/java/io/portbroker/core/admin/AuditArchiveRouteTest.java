package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.audit.AuditArchiver;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryAuditArchive;
import io.portbroker.core.testing.InMemoryAuditStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryUsageStore;
import io.portbroker.core.testing.MemoryVault;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** POST /admin/v1/audit/archive and GET /admin/v1/audit/archive/verify, with and without a configured archive. */
class AuditArchiveRouteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final KeyHasher hasher = new KeyHasher(new byte[32]);
    private final KeyIssuer issuer = new KeyIssuer(keys, hasher, CLOCK, new SecureRandom());
    private final ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(keys, hasher, CLOCK, Duration.ZERO);
    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final InMemoryAuditStore table = new InMemoryAuditStore();
    private final AuditLog log = new AuditLog(table, CLOCK);
    private final io.portbroker.core.auth.AdminAuthService sessions = AdminFixtures.authService(CLOCK);
    private final InMemoryAuditArchive archive = new InMemoryAuditArchive();
    private final String reader =
            issuer.issue("auditor", Set.of(Scopes.ADMIN_READ), null).key();

    private AdminApi admin(AuditArchiver archiver) {
        return new AdminApi(
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
                        log,
                        sessions,
                        CLOCK,
                        archiver));
    }

    private io.portbroker.core.testing.RecordingResponder send(AdminApi api, String method, String path) {
        io.portbroker.core.testing.RecordingResponder answer = new io.portbroker.core.testing.RecordingResponder();
        api.handle(new ApiRequest(method, path, "", Map.of("x-api-key", List.of(reader)), new byte[0]), answer);
        return answer;
    }

    @Test
    void archive_shouldArchiveEveryStreamAndVerify_whenCalledWithReadScope() {
        // given
        log.append(new AuditEvent(AuditStream.ADMIN, "admin", "provider.create", "openai", Map.of()));
        AdminApi api = admin(new AuditArchiver(table, archive, AuditArchiver.Settings.defaults()));

        // when
        io.portbroker.core.testing.RecordingResponder run = send(api, "POST", "/admin/v1/audit/archive");
        io.portbroker.core.testing.RecordingResponder verify = send(api, "GET", "/admin/v1/audit/archive/verify");

        // then
        assertThat(run.status).isEqualTo(200);
        assertThat(run.json().path("streams").get(0).toString())
                .isEqualTo("{\"stream\":\"admin\",\"batches_written\":1,\"records_archived\":1,"
                        + "\"archived_through\":1,\"problem\":null}");
        assertThat(run.json().path("streams")).hasSize(3);
        assertThat(verify.status).isEqualTo(200);
        assertThat(verify.json().path("valid").asBoolean()).isTrue();
        assertThat(verify.json().path("streams").get(0).path("verified_records").asLong())
                .isEqualTo(1);
        assertThat(archive.writes()).hasSize(1);
    }

    @Test
    void archive_shouldAnswerNotFound_whenNoArchiveIsConfigured() {
        // given
        AdminApi api = admin(null);

        // when
        io.portbroker.core.testing.RecordingResponder run = send(api, "POST", "/admin/v1/audit/archive");
        io.portbroker.core.testing.RecordingResponder verify = send(api, "GET", "/admin/v1/audit/archive/verify");

        // then
        assertThat(run.status).isEqualTo(404);
        assertThat(verify.status).isEqualTo(404);
        assertThat(run.json().path("message").asText()).isEqualTo("no audit archive is configured here");
    }
}
