package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.gateway.UpstreamDialects;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.ScriptedUpstream;
import io.portbroker.core.testing.ScriptedUpstreamClient;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.error.RateLimitError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /admin/v1/providers/{id}/test}: a one-token call through the provider's dialect. */
class ProviderTestAdminTest {
    private static final String SECRET = "sk-live-very-secret-0123456789";
    private static final String OK_ANSWER = json("{'id':'c1','object':'chat.completion','model':'m','choices':"
            + "[{'index':0,'message':{'role':'assistant','content':'p'},'finish_reason':'length'}],"
            + "'usage':{'prompt_tokens':1,'completion_tokens':1}}");

    private final AdminFixture f = new AdminFixture();
    private final ScriptedUpstream upstream = new ScriptedUpstream();
    private final ScriptedUpstreamClient bedrock = new ScriptedUpstreamClient("bedrock-converse");
    private final Set<String> refusedHosts = new HashSet<>();
    private AdminApi api;
    private String operatorKey;

    @BeforeEach
    void setUp() {
        AdminApi.Services services = new AdminApi.Services(
                f.keys,
                f.issuer,
                f.authenticator,
                f.config,
                f.config,
                f.vault,
                url -> {},
                f.usage,
                f.audit,
                f.sessions,
                f.clock);
        ProviderUrlGuard guard = url -> {
            if (refusedHosts.contains(url.getHost())) {
                throw new io.portbroker.error.InvalidRequestError("base_url points to a private address");
            }
        };
        UpstreamDialects dialects = new UpstreamDialects(
                List.of(new OpenAiChatDialect(new HmacThinkingSignatures(new byte[32]), f.clock, Ids::messageId)));
        api = new AdminApi(
                new AdminCredentialAuthenticator(f.authenticator, f.sessions),
                services,
                new ProviderTestAdmin(new ProviderTestAdmin.Parts(
                        f.config,
                        dialects,
                        new UpstreamClients(List.of(bedrock)),
                        upstream,
                        ref -> f.vault.stored.get(ref.substring("secret:test/".length())),
                        guard,
                        f.audit,
                        f.clock)));
        operatorKey = f.issuer
                .issue("ops", Set.of(Scopes.ADMIN_PROVIDER, Scopes.ADMIN_READ), null)
                .key();
        call(
                f.adminKey,
                "POST",
                "/admin/v1/providers",
                json("{'id':'deepseek','dialect':'openai-chat','base_url':'https://api.deepseek.com/v1','api_key':'"
                        + SECRET + "'}"));
        call(
                f.adminKey,
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-x','targets':[{'provider':'deepseek','model':'deepseek-chat'}]}"));
    }

    @Test
    void test_shouldSendAOneTokenRequestWithTheStoredKey_andAnswerOkWithLatency() {
        // given
        upstream.reply(200, Map.of("content-type", "application/json"), OK_ANSWER);

        // when
        RecordingResponder r = call(operatorKey, "POST", "/admin/v1/providers/deepseek/test", null);

        // then
        assertThat(r.status).isEqualTo(200);
        JsonNode answer = r.json();
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("status").asInt()).isEqualTo(200);
        assertThat(answer.path("model").asText()).isEqualTo("deepseek-chat");
        assertThat(answer.path("error_category").isNull()).isTrue();
        assertThat(upstream.calls).hasSize(1);
        assertThat(upstream.calls.getFirst().url().toString())
                .isEqualTo("https://api.deepseek.com/v1/chat/completions");
        assertThat(upstream.calls.getFirst().headers().get("authorization")).isEqualTo("Bearer " + SECRET);
        JsonNode sent = parse(upstream.calls.getFirst().body());
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(1);
        assertThat(sent.path("model").asText()).isEqualTo("deepseek-chat");
        assertThat(conformance().problems(answer, schema("ProviderTest"))).isEmpty();
        assertThat(r.text()).doesNotContain(SECRET);
    }

    @Test
    void test_shouldCallTheSdkClient_whenTheProviderIsABedrockOne() {
        // given: a Bedrock provider (no key: the SDK signs with the role) on a route
        call(
                f.adminKey,
                "POST",
                "/admin/v1/providers",
                json("{'id':'br','dialect':'bedrock-converse','region':'us-east-1'}"));
        call(
                f.adminKey,
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-br','targets':[{'provider':'br','model':'anthropic.claude-3-haiku'}]}"));
        bedrock.answer(c -> new NormalizedResponse(
                c.messageId(),
                c.target().upstreamModel(),
                List.of(new ContentBlock.Text("p")),
                StopReason.MAX_TOKENS,
                null,
                new Usage(1, 1, 0, 0)));

        // when
        RecordingResponder r = call(operatorKey, "POST", "/admin/v1/providers/br/test", null);

        // then: the same client the data plane uses, with the one-token ping; nothing went over HTTP
        JsonNode answer = r.json();
        assertThat(r.status).isEqualTo(200);
        assertThat(answer.path("ok").asBoolean()).isTrue();
        assertThat(answer.path("status").asInt()).isEqualTo(200);
        assertThat(answer.path("model").asText()).isEqualTo("anthropic.claude-3-haiku");
        assertThat(bedrock.calls).singleElement().satisfies(c -> {
            assertThat(c.request().maxTokens()).isEqualTo(1);
            assertThat(c.request().stream()).isFalse();
            assertThat(c.provider().id()).isEqualTo("br");
            assertThat(c.target().upstreamModel()).isEqualTo("anthropic.claude-3-haiku");
        });
        assertThat(upstream.calls).isEmpty();
        assertThat(conformance().problems(answer, schema("ProviderTest"))).isEmpty();
        assertThat(f.auditStore.last(AuditStream.ADMIN).orElseThrow().details()).containsEntry("ok", "true");
    }

    @Test
    void test_shouldAnswerTheCategory_whenTheSdkClientIsThrottled() {
        // given
        call(
                f.adminKey,
                "POST",
                "/admin/v1/providers",
                json("{'id':'br','dialect':'bedrock-converse','region':'us-east-1'}"));
        bedrock.answer(c -> {
            throw new RateLimitError("Bedrock throttled the request", 3);
        });

        // when
        JsonNode answer = call(
                        operatorKey, "POST", "/admin/v1/providers/br/test", json("{'model':'amazon.nova-lite-v1:0'}"))
                .json();

        // then
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").isNull()).isTrue();
        assertThat(answer.path("error_category").asText()).isEqualTo("rate_limited");
        assertThat(answer.path("message").asText()).isEqualTo("Bedrock throttled the request");
    }

    @Test
    void test_shouldAnswerTheCategoryAndMaskTheKey_whenTheProviderRefusesIt() {
        // given: an upstream that quotes the key it was sent
        upstream.reply(
                401,
                Map.of("content-type", "application/json"),
                json("{'error':{'message':'Incorrect API key provided: " + SECRET
                        + "','type':'invalid_request_error'}}"));

        // when
        RecordingResponder r =
                call(operatorKey, "POST", "/admin/v1/providers/deepseek/test", json("{'model':'other'}"));

        // then
        JsonNode answer = r.json();
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(answer.path("model").asText()).isEqualTo("other");
        assertThat(answer.path("error_category").asText()).isEqualTo("provider_auth");
        assertThat(r.text()).doesNotContain(SECRET);
        AuditRecord last = f.auditStore.last(AuditStream.ADMIN).orElseThrow();
        assertThat(last.action()).isEqualTo("provider.test");
        assertThat(last.target()).isEqualTo("deepseek");
        assertThat(last.details()).containsEntry("ok", "false").containsEntry("category", "provider_auth");
        assertThat(last.details().toString()).doesNotContain(SECRET);
    }

    @Test
    void test_shouldAnswerProviderConnection_whenTheConnectionFails() {
        // given
        upstream.fail(new ProviderConnectionError("connection refused"));

        // when
        JsonNode answer = call(operatorKey, "POST", "/admin/v1/providers/deepseek/test", null)
                .json();

        // then
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").isNull()).isTrue();
        assertThat(answer.path("error_category").asText()).isEqualTo("provider_connection");
        assertThat(answer.path("message").asText()).isEqualTo("connection refused");
    }

    @Test
    void test_shouldRefuseWithoutCalling_whenTheSsrfGuardRefusesTheBaseUrl() {
        // given: the policy changed since the provider was stored
        refusedHosts.add("api.deepseek.com");

        // when
        RecordingResponder r = call(operatorKey, "POST", "/admin/v1/providers/deepseek/test", null);

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).isEqualTo("base_url points to a private address");
        assertThat(upstream.calls).isEmpty();
    }

    @Test
    void test_shouldAskForAModel_whenNoRouteUsesTheProvider() {
        // given
        call(f.adminKey, "DELETE", "/admin/v1/routes/claude-x", null);

        // when
        RecordingResponder r = call(operatorKey, "POST", "/admin/v1/providers/deepseek/test", null);

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).startsWith("model is required");
        assertThat(upstream.calls).isEmpty();
    }

    @Test
    void test_shouldAnswer404_whenNoSuchProvider() {
        assertThat(call(operatorKey, "POST", "/admin/v1/providers/nope/test", null).status)
                .isEqualTo(404);
    }

    @Test
    void test_shouldNeedTheProviderScope_whenCalledWithReadOnly() {
        // given
        String reader =
                f.issuer.issue("reader", Set.of(Scopes.ADMIN_READ), null).key();

        // when / then
        assertThat(call(reader, "POST", "/admin/v1/providers/deepseek/test", null).status)
                .isEqualTo(403);
        assertThat(upstream.calls).isEmpty();
    }

    private RecordingResponder call(String key, String method, String path, String body) {
        RecordingResponder responder = new RecordingResponder();
        api.handle(
                new ApiRequest(
                        method,
                        path,
                        "",
                        Map.of("x-api-key", List.of(key)),
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                responder);
        return responder;
    }

    private SchemaConformance conformance() {
        return new SchemaConformance(
                call(f.adminKey, "GET", "/admin/v1/openapi.json", null).json());
    }

    private JsonNode schema(String name) {
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode()
                .put("$ref", "#/components/schemas/" + name);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
