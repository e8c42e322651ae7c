package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.testing.RecordingResponder;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Dispatch, error rendering, the audit routes and the OpenAPI document of the admin API. */
class AdminApiTest {
    private final AdminFixture f = new AdminFixture();

    @Test
    @Tag("error-path")
    void handle_shouldAnswer404InTheStructuredShape_whenNoAdminRouteMatches() {
        RecordingResponder r = f.call("GET", "/admin/v1/" + "nothing/".repeat(30));

        assertThat(r.status).isEqualTo(404);
        JsonNode body = r.json();
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactly("code", "message", "trace_id", "retriable", "category");
        assertThat(body.path("message").asText()).hasSizeLessThan(150);
        assertThat(body.path("trace_id").asText()).isEqualTo("trace-0001");
        assertThat(r.header("request-id")).isEqualTo("trace-0001");
    }

    @Test
    @Tag("error-path")
    void handle_shouldRefuseABody_whenTheRouteTakesNone() {
        RecordingResponder r = f.call("GET", "/admin/v1/providers", "{}");

        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).isEqualTo("this route takes no body");
    }

    @Test
    @Tag("error-path")
    void handle_shouldAnswer500WithoutDetails_whenAStoreFailsUnexpectedly() {
        // given: the audit store is unavailable (every append loses)
        f.auditStore.loseNextAppends(Integer.MAX_VALUE);

        // when
        RecordingResponder r = f.call("POST", "/admin/v1/keys", "{\"name\":\"x\",\"scopes\":[\"chat:read\"]}");

        // then
        assertThat(r.status).isEqualTo(500);
        assertThat(r.json().path("message").asText()).isEqualTo("internal error");
        assertThat(r.text()).doesNotContain("contended");
    }

    @Test
    void handle_shouldMakeATraceId_whenTheCallerSentNoneOrAnUnsafeOne() {
        RecordingResponder r = new RecordingResponder();
        f.api.handle(
                new io.portbroker.core.http.ApiRequest(
                        "GET", "/admin/v1/providers", "", Map.of("x-api-key", java.util.List.of(f.adminKey)), null),
                r);

        assertThat(r.header("request-id")).startsWith("req_");
    }

    @Test
    void auditList_shouldShowTheAdminStreamByDefault_andFilterByActionActorAndTarget() {
        // given
        f.call("POST", "/admin/v1/keys", "{\"name\":\"x\",\"scopes\":[\"chat:read\"]}");
        f.audit.append(new AuditEvent(AuditStream.ADMIN, "alice", "provider.create", "deepseek", Map.of()));
        f.audit.append(new AuditEvent(AuditStream.AUTH, "alice", "login.ok", null, Map.of("ip", "203.0.113.1")));

        // when
        JsonNode all = f.ok(f.call("GET", "/admin/v1/audit"));
        JsonNode keyActions = f.ok(f.call("GET", "/admin/v1/audit?action=key."));
        JsonNode byAlice = f.ok(f.call("GET", "/admin/v1/audit?actor=alice&target=deepseek"));
        JsonNode auth = f.ok(f.call("GET", "/admin/v1/audit?stream=auth"));

        // then
        assertThat(all.path("data").findValuesAsText("action")).containsExactly("key.create", "provider.create");
        assertThat(all.path("data").path(0).path("hash").asText()).hasSize(64);
        assertThat(all.path("data").path(1).path("prev_hash").asText())
                .isEqualTo(all.path("data").path(0).path("hash").asText());
        assertThat(keyActions.path("data").findValuesAsText("action")).containsExactly("key.create");
        assertThat(byAlice.path("data").findValuesAsText("action")).containsExactly("provider.create");
        assertThat(auth.path("data").path(0).path("details").path("ip").asText())
                .isEqualTo("203.0.113.1");
        assertThat(auth.path("data").path(0).path("stream").asText()).isEqualTo("auth");
    }

    @Test
    void auditList_shouldPageBySequence_withOpaqueCursors() {
        for (int i = 0; i < 3; i++) {
            f.audit.append(new AuditEvent(AuditStream.ADMIN, "alice", "a" + i, null, Map.of()));
        }

        JsonNode first = f.ok(f.call("GET", "/admin/v1/audit?limit=2"));
        JsonNode rest = f.ok(f.call(
                "GET",
                "/admin/v1/audit?limit=2&cursor=" + first.path("next_cursor").asText()));

        assertThat(first.path("data").findValuesAsText("action")).containsExactly("a0", "a1");
        assertThat(rest.path("data").findValuesAsText("action")).containsExactly("a2");
    }

    @Test
    @Tag("error-path")
    void auditList_shouldRefuse_whenTheStreamOrCursorIsInvalid() {
        // a cursor this API sealed, holding a position the audit store cannot read
        String notASequence = new io.portbroker.core.page.SealedCursors(
                        f.sessions.deriveKey(AdminApi.CURSOR_KEY_PURPOSE), new java.security.SecureRandom())
                .seal("GET /admin/v1/audit", "not-a-number");

        RecordingResponder stream = f.call("GET", "/admin/v1/audit?stream=billing");
        RecordingResponder cursor = f.call("GET", "/admin/v1/audit?cursor=" + notASequence);

        assertThat(stream.status).isEqualTo(400);
        assertThat(stream.json().path("message").asText()).contains("admin, auth, anomaly");
        assertThat(cursor.status).isEqualTo(400);
        assertThat(cursor.json().path("message").asText()).isEqualTo("invalid cursor");
    }

    @Test
    void auditVerify_shouldReportEveryStreamValid_whenNothingWasTouched() {
        f.audit.append(new AuditEvent(AuditStream.AUTH, "alice", "login.ok", null, Map.of()));

        JsonNode result = f.ok(f.call("GET", "/admin/v1/audit/verify"));

        assertThat(result.path("valid").asBoolean()).isTrue();
        assertThat(result.path("streams").findValuesAsText("stream")).containsExactly("admin", "auth", "anomaly");
        assertThat(result.path("streams").path(1).path("verified_records").asLong())
                .isEqualTo(1);
    }

    @Test
    void auditVerify_shouldPointAtTheTamperedRecord_whenARecordWasEdited() {
        // given
        AuditRecord first = f.audit.append(new AuditEvent(AuditStream.AUTH, "alice", "login.ok", null, Map.of()));
        f.auditStore.overwrite(new AuditRecord(
                first.stream(),
                first.seq(),
                first.at(),
                "mallory",
                first.action(),
                first.target(),
                first.details(),
                first.prevHash(),
                first.hash()));

        // when
        JsonNode result = f.ok(f.call("GET", "/admin/v1/audit/verify?stream=auth"));

        // then
        assertThat(result.path("valid").asBoolean()).isFalse();
        JsonNode auth = result.path("streams").path(0);
        assertThat(auth.path("first_bad_seq").asLong()).isEqualTo(1);
        assertThat(auth.path("problem").asText()).isEqualTo("record altered");
    }

    @Test
    void openApi_shouldDescribeBodiesErrorsAndSecurity_fromTheRouteTable() {
        // when
        JsonNode doc = f.ok(f.call("GET", "/admin/v1/openapi.json"));

        // then
        assertThat(doc.path("openapi").asText()).isEqualTo("3.0.3");
        JsonNode createKey = doc.path("paths").path("/admin/v1/keys").path("post");
        assertThat(createKey.path("operationId").asText()).isEqualTo("post_keys");
        assertThat(createKey
                        .path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText())
                .isEqualTo("#/components/schemas/CreateBody");
        JsonNode createBody = doc.path("components").path("schemas").path("CreateBody");
        assertThat(createBody.path("additionalProperties").asBoolean()).isFalse();
        // the documented names are the wire names the strict reader accepts
        assertThat(createBody.path("properties").fieldNames())
                .toIterable()
                .containsExactly("name", "scopes", "expires_at", "requests_per_minute", "tokens_per_minute");
        assertThat(createBody.path("properties").path("scopes").path("type").asText())
                .isEqualTo("array");
        assertThat(createBody
                        .path("properties")
                        .path("scopes")
                        .path("items")
                        .path("type")
                        .asText())
                .isEqualTo("string");
        assertThat(createBody
                        .path("properties")
                        .path("requests_per_minute")
                        .path("type")
                        .asText())
                .isEqualTo("integer");
        JsonNode providerBody =
                doc.path("components").path("schemas").path("ProviderBody").path("properties");
        assertThat(providerBody.path("enabled").path("type").asText()).isEqualTo("boolean");
        assertThat(providerBody.path("profile").path("type").asText()).isEqualTo("object");
        assertThat(providerBody.path("capabilities").path("type").asText()).isEqualTo("object");
        JsonNode deleteRoute =
                doc.path("paths").path("/admin/v1/routes/{pattern}").path("delete");
        assertThat(deleteRoute.path("responses").path("204").path("description").asText())
                .isEqualTo("done");
        assertThat(deleteRoute.path("responses").path("404").path("content").toString())
                .contains("Error");
        assertThat(deleteRoute.path("parameters").path(0).path("in").asText()).isEqualTo("path");
        assertThat(doc.path("components").path("securitySchemes").has("apiKey")).isTrue();
        assertThat(f.api.openApi())
                .isEqualTo(f.call("GET", "/admin/v1/openapi.json").body.toByteArray());
    }
}
