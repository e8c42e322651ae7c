package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.usage.UsageDelta;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document's response schemas are what the routes really answer: a whole admin session is driven
 * through the API and every answer is checked against the schema its operation declares.
 */
class ResponseSchemasTest {
    private final AdminFixture f = new AdminFixture();
    private final JsonNode doc = f.ok(f.call("GET", "/admin/v1/openapi.json"));
    private final SchemaConformance conformance = new SchemaConformance(doc);
    private final List<String> checked = new ArrayList<>();

    @Test
    void openApi_shouldNameAResponseSchemaForEveryRouteWithABody_exceptTheDocumentItself() {
        List<String> untyped = new ArrayList<>();
        doc.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    JsonNode schema = success(op.getValue());
                    if (schema != null && !schema.has("$ref") && !path.getKey().endsWith("/openapi.json")) {
                        untyped.add(op.getKey() + " " + path.getKey());
                    }
                }));

        assertThat(untyped).isEmpty();
    }

    @Test
    void everyRoute_shouldAnswerWhatItsSchemaDeclares_inAWholeSession() {
        // given
        f.usage.add(List.of(new UsageDelta(
                f.adminKeyId, LocalDate.parse("2026-04-01"), 2, 20, 7, Instant.parse("2026-04-01T11:00:00Z"))));
        String password = f.sessions
                .bootstrapAdmin("admin", Scopes.ADMIN, "correct horse battery")
                .orElseThrow()
                .password();

        // when / then
        JsonNode tokens = conform(
                "POST",
                "/admin/v1/auth/login",
                "post_auth_login",
                json("{'username':'admin','password':'" + password + "'}"));
        conform(
                "POST",
                "/admin/v1/auth/refresh",
                "post_auth_refresh",
                json("{'refresh_token':'" + tokens.path("refresh_token").asText() + "'}"));
        conform(
                "POST",
                "/admin/v1/providers",
                "post_providers",
                json("{'id':'deepseek','base_url':'https://api.deepseek.com/v1','api_key':'sk-secret-1'}"));
        conform("GET", "/admin/v1/providers", "get_providers", null);
        conform("GET", "/admin/v1/providers/deepseek", "get_providers_id", null);
        conform(
                "PUT",
                "/admin/v1/providers/deepseek",
                "put_providers_id",
                json("{'id':'deepseek','base_url':'https://api.deepseek.com/v1','enabled':false}"));
        conform(
                "POST",
                "/admin/v1/routes",
                "post_routes",
                json("{'model':'claude-x','targets':[{'provider':'deepseek','model':'deepseek-chat'}]}"));
        conform("GET", "/admin/v1/routes", "get_routes", null);
        conform("GET", "/admin/v1/routes/claude-x", "get_routes_pattern", null);
        conform(
                "PUT",
                "/admin/v1/routes/claude-x",
                "put_routes_pattern",
                json(
                        "{'model':'claude-x','strategy':'weighted','targets':[{'provider':'deepseek','model':'a','weight':3}]}"));
        JsonNode key = conform(
                "POST",
                "/admin/v1/keys",
                "post_keys",
                json("{'name':'ci','scopes':['chat:write'],'requests_per_minute':60}"));
        String id = key.path("id").asText();
        conform("GET", "/admin/v1/keys", "get_keys", null);
        conform("GET", "/admin/v1/keys/" + id, "get_keys_id", null);
        conform("PUT", "/admin/v1/keys/" + id + "/limits", "put_keys_id_limits", json("{'tokens_per_minute':1000}"));
        conform("POST", "/admin/v1/keys/" + id + "/rotate", "post_keys_id_rotate", json("{'overlap_seconds':60}"));
        conform("GET", "/admin/v1/keys/" + id, "get_keys_id", null);
        conform(
                "GET",
                "/admin/v1/keys/" + f.adminKeyId + "/usage?from=2026-04-01&to=2026-04-01",
                "get_keys_id_usage",
                null);
        conform("POST", "/admin/v1/keys/" + id + "/revoke", "post_keys_id_revoke", null);
        conform("GET", "/admin/v1/audit", "get_audit", null);
        conform("GET", "/admin/v1/audit/verify", "get_audit_verify", null);
        conform("GET", "/admin/v1/config/effective", "get_config_effective", null);
        conform(
                "PATCH",
                "/admin/v1/config",
                "patch_config",
                json("{'version':0,'settings':{'runtime.ping-interval':'5s'}}"));
        conform("GET", "/admin/v1/config/drift", "get_config_drift", null);

        assertThat(checked).hasSize(23);
    }

    @Test
    void conformance_shouldReportUndeclaredAndMissingFields_whenAViewDrifts() {
        // given: a real key view with one field added and one removed
        JsonNode key = f.ok(f.call("GET", "/admin/v1/keys/" + f.adminKeyId));
        ObjectNode drifted = ((ObjectNode) key.deepCopy()).put("secret_hint", "x");
        drifted.remove("status");

        // when
        List<String> problems = conformance.problems(drifted, schemaOf("get_keys_id"));

        // then
        assertThat(problems)
                .containsExactlyInAnyOrder("$: missing required 'status'", "$: undeclared field 'secret_hint'");
    }

    private JsonNode conform(String method, String path, String operationId, String body) {
        RecordingResponder r = f.call(method, path, body);
        JsonNode answer = f.ok(r);
        assertThat(conformance.problems(answer, schemaOf(operationId)))
                .as(method + " " + path)
                .isEmpty();
        checked.add(operationId);
        return answer;
    }

    private JsonNode schemaOf(String operationId) {
        for (JsonNode path : doc.path("paths")) {
            for (var op : path.properties()) {
                if (operationId.equals(op.getValue().path("operationId").asText())) {
                    JsonNode schema = success(op.getValue());
                    assertThat(schema).as(operationId.toLowerCase(Locale.ROOT)).isNotNull();
                    return schema;
                }
            }
        }
        throw new AssertionError("no operation " + operationId);
    }

    private static JsonNode success(JsonNode operation) {
        for (String status : List.of("200", "201")) {
            JsonNode schema = operation
                    .path("responses")
                    .path(status)
                    .path("content")
                    .path("application/json")
                    .path("schema");
            if (!schema.isMissingNode()) {
                return schema;
            }
        }
        return null;
    }
}
