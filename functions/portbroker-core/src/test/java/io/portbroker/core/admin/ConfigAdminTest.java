package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.testing.Targets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Providers and routes through the admin API: the same rules as portbroker.yaml, and secrets never shown. */
class ConfigAdminTest {
    private static final String DEEPSEEK =
            "{'id':'deepseek','base_url':'https://api.deepseek.com/v1','api_key':'sk-deepseek-secret-1'}";
    private final AdminFixture f = new AdminFixture();

    private JsonNode post(String path, String body) {
        return f.ok(f.call("POST", path, json(body)));
    }

    private ProviderConfig stored(String id) {
        return f.config.providers().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private AuditRecord lastAudit() {
        return f.audit.read(AuditStream.ADMIN, PageRequest.first()).items().getLast();
    }

    @Test
    void createProvider_shouldVaultTheKeyAndNeverShowIt_whenAnApiKeyIsGiven() {
        // when
        RecordingResponder r = f.call("POST", "/admin/v1/providers", json(DEEPSEEK));

        // then
        assertThat(r.status).isEqualTo(201);
        assertThat(r.text()).doesNotContain("sk-deepseek-secret-1");
        JsonNode view = r.json();
        assertThat(view.path("credential").asText()).isEqualTo("stored");
        assertThat(view.path("dialect").asText()).isEqualTo("openai-chat");
        assertThat(view.path("timeouts").path("connect_ms").asLong()).isEqualTo(5000);
        assertThat(view.path("capabilities")
                        .path("common")
                        .path("max_output_tokens")
                        .asInt())
                .isEqualTo(16384);
        assertThat(f.vault.stored).containsEntry("deepseek", "sk-deepseek-secret-1");
        assertThat(stored("deepseek").credentialRef()).isEqualTo("secret:test/deepseek");
        assertThat(lastAudit().action()).isEqualTo("provider.create");
        assertThat(lastAudit().details())
                .containsEntry("credential", "stored")
                .containsEntry("base_url", "https://api.deepseek.com/v1");
    }

    @Test
    void createProvider_shouldReferToTheEnvironment_whenApiKeyEnvIsGivenOrNoKeyAtAll() {
        JsonNode env = post(
                "/admin/v1/providers",
                "{'id':'groq','base_url':'https://api.groq.com/openai/v1','api_key_env':'GROQ_API_KEY'}");
        JsonNode none = post("/admin/v1/providers", "{'id':'local','base_url':'http://ollama.internal:11434/v1'}");

        assertThat(env.path("credential").asText()).isEqualTo("env:GROQ_API_KEY");
        assertThat(none.path("credential").asText()).isEqualTo("none");
        assertThat(f.vault.stored).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "both key kinds|{'id':'x','base_url':'https://x.example/v1','api_key':'k','api_key_env':'X_KEY'}"
                        + "|not both",
                "blank key|{'id':'x','base_url':'https://x.example/v1','api_key':' '}|must not be empty",
                "bad url|{'id':'x','base_url':'ftp://x.example/v1'}|base_url",
                "unknown profile key|{'id':'x','base_url':'https://x.example/v1','profile':{'colour':1}}|colour",
                "private address|{'id':'x','base_url':'https://metadata.internal/v1'}|private address",
                "lambda role secret|{'id':'x','base_url':'https://x.example/v1','api_key_env':'AWS_SECRET_ACCESS_KEY'}"
                        + "|gateway's own environment",
                "lambda session|{'id':'x','base_url':'https://x.example/v1','api_key_env':'AWS_SESSION_TOKEN'}"
                        + "|gateway's own environment",
                "own settings|{'id':'x','base_url':'https://x.example/v1','api_key_env':'PORTBROKER_TABLE_PREFIX'}"
                        + "|gateway's own environment",
                "path|{'id':'x','base_url':'https://x.example/v1','api_key_env':'PATH'}|gateway's own environment",
            })
    void createProvider_shouldRefuseWith400_whenTheEntryBreaksARule(String kind, String body, String message) {
        f.refusedHosts.add("metadata.internal");

        RecordingResponder r = f.call("POST", "/admin/v1/providers", json(body));

        assertThat(r.status).as(kind).isEqualTo(400);
        assertThat(r.json().path("message").asText()).as(kind).contains(message);
        assertThat(f.config.providers()).isEmpty();
        assertThat(f.vault.stored).isEmpty();
    }

    @Test
    @Tag("error-path")
    void createProvider_shouldRefuse_whenTheIdExists() {
        post("/admin/v1/providers", DEEPSEEK);

        RecordingResponder r = f.call("POST", "/admin/v1/providers", json(DEEPSEEK));

        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("already exists");
    }

    @Test
    void replaceProvider_shouldKeepTheStoredKey_whenTheBodyOmitsIt() {
        // given
        post("/admin/v1/providers", DEEPSEEK);

        // when
        JsonNode replaced = f.ok(f.call(
                "PUT",
                "/admin/v1/providers/deepseek",
                json("{'base_url':'https://api.deepseek.com/beta','enabled':false}")));

        // then
        assertThat(replaced.path("credential").asText()).isEqualTo("stored");
        assertThat(replaced.path("enabled").asBoolean()).isFalse();
        assertThat(stored("deepseek").credentialRef()).isEqualTo("secret:test/deepseek");
        assertThat(stored("deepseek").baseUrl().toString()).isEqualTo("https://api.deepseek.com/beta");
        assertThat(lastAudit().action()).isEqualTo("provider.replace");
    }

    @ParameterizedTest
    @CsvSource({
        "https://evil.example/v1",
        "http://api.deepseek.com/v1",
        "https://api.deepseek.com:8443/v1",
        "https://API.deepseek.com.evil.example/v1"
    })
    void replaceProvider_shouldRefuseWith400_whenTheOriginChangesWithoutTheKey(String url) {
        // given
        post("/admin/v1/providers", DEEPSEEK);

        // when
        RecordingResponder r = f.call("PUT", "/admin/v1/providers/deepseek", json("{'base_url':'" + url + "'}"));

        // then: the stored key stays where it was given for
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("send api_key again");
        assertThat(stored("deepseek").baseUrl().toString()).isEqualTo("https://api.deepseek.com/v1");
    }

    @Test
    void replaceProvider_shouldAcceptANewOrigin_whenTheKeyIsSentAgain() {
        post("/admin/v1/providers", DEEPSEEK);

        JsonNode replaced = f.ok(f.call(
                "PUT",
                "/admin/v1/providers/deepseek",
                json("{'base_url':'https://other.example/v1','api_key':'sk-other-1'}")));

        assertThat(replaced.path("base_url").asText()).isEqualTo("https://other.example/v1");
        assertThat(replaced.path("credential").asText()).isEqualTo("stored");
    }

    @Test
    void createProvider_shouldRoundTripEveryField_whenTheBodyGivesThemAll() {
        // given: a body naming every field a portbroker.yaml provider entry can carry
        String full = "{'id':'deepseek','dialect':'openai-chat','base_url':'https://api.deepseek.com/v1',"
                + "'api_key_env':'DEEPSEEK_API_KEY','enabled':false,"
                + "'timeouts':{'connect':'3s','first_token':'40s','idle':'50s','total':'10m'},"
                + "'capabilities':{'common':{'max_output_tokens':8192,'sampling_params':['temperature'],"
                + "'vision':false,'pdf':true,'max_stop_sequences':16},"
                + "'openai_chat':{'max_tokens_field':'max_completion_tokens','tool_choice_modes':['auto','none'],"
                + "'parallel_tool_calls':false,'reasoning_style':'deepseek',"
                + "'reasoning_passback':'reasoning_content','stream_usage':false,"
                + "'strip_schema_keys':['$schema'],'seed':false}},"
                + "'pricing':{'input_per_million':0.27,'output_per_million':1.1}}";

        // when
        JsonNode created = post("/admin/v1/providers", full);
        JsonNode read = f.ok(f.call("GET", "/admin/v1/providers/deepseek"));

        // then: the view shows every field as sent, and the stored record keeps them
        assertThat(read).isEqualTo(created);
        assertThat(read.path("dialect").asText()).isEqualTo("openai-chat");
        assertThat(read.path("base_url").asText()).isEqualTo("https://api.deepseek.com/v1");
        assertThat(read.path("credential").asText()).isEqualTo("env:DEEPSEEK_API_KEY");
        assertThat(read.path("enabled").asBoolean()).isFalse();
        assertThat(read.path("timeouts").path("connect_ms").asLong()).isEqualTo(3000);
        assertThat(read.path("timeouts").path("first_token_ms").asLong()).isEqualTo(40_000);
        assertThat(read.path("timeouts").path("idle_ms").asLong()).isEqualTo(50_000);
        assertThat(read.path("timeouts").path("total_ms").asLong()).isEqualTo(600_000);
        JsonNode common = read.path("capabilities").path("common");
        JsonNode chat = read.path("capabilities").path("openai_chat");
        assertThat(common.path("max_output_tokens").asInt()).isEqualTo(8192);
        assertThat(common.path("vision").asBoolean()).isFalse();
        assertThat(common.path("pdf").asBoolean()).isTrue();
        assertThat(common.path("max_stop_sequences").asInt()).isEqualTo(16);
        assertThat(chat.path("parallel_tool_calls").asBoolean()).isFalse();
        assertThat(chat.path("stream_usage").asBoolean()).isFalse();
        assertThat(chat.path("max_tokens_field").asText()).isEqualTo("max_completion_tokens");
        assertThat(chat.path("reasoning_style").asText()).isEqualTo("deepseek");
        assertThat(chat.path("seed").asBoolean()).isFalse();
        assertThat(read.has("profile")).isFalse();
        assertThat(read.path("pricing").path("input_per_million").asDouble()).isEqualTo(0.27);
        assertThat(read.path("pricing").path("output_per_million").asDouble()).isEqualTo(1.1);
        assertThat(stored("deepseek").pricing()).isEqualTo(new ProviderConfig.Pricing(0.27, 1.1));
        assertThat(stored("deepseek").enabled()).isFalse();
    }

    @Test
    void createProvider_shouldAnswerInTheSplitShape_whenTheBodyUsesTheOlderFlatProfile() {
        // given: the flat profile of bodies written before capabilities were split
        String flat = "{'id':'legacy','base_url':'https://legacy.example/v1',"
                + "'profile':{'max_output_tokens':4096,'vision':false,'reasoning_style':'openrouter'}}";

        // when
        JsonNode created = post("/admin/v1/providers", flat);

        // then
        assertThat(created.has("profile")).isFalse();
        assertThat(created.path("capabilities")
                        .path("common")
                        .path("max_output_tokens")
                        .asInt())
                .isEqualTo(4096);
        assertThat(created.path("capabilities").path("common").path("vision").asBoolean())
                .isFalse();
        assertThat(created.path("capabilities")
                        .path("openai_chat")
                        .path("reasoning_style")
                        .asText())
                .isEqualTo("openrouter");
    }

    @Test
    void createProvider_shouldAnswer400NamingTheField_whenTheBodyGivesBothShapes() {
        // when
        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/providers",
                json("{'id':'both','base_url':'https://both.example/v1','profile':{'vision':false},"
                        + "'capabilities':{'common':{'vision':true}}}"));

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.text()).contains("providers[both].capabilities: give capabilities or the older profile");
    }

    @Test
    void replaceProvider_shouldKeepThePrices_whenTheBodyGivesThem_andDropThem_whenItDoesNot() {
        // given: a provider seeded with prices (as from portbroker.yaml)
        post(
                "/admin/v1/providers",
                "{'id':'p','base_url':'https://p.example/v1',"
                        + "'pricing':{'input_per_million':2.0,'output_per_million':8.0}}");

        // when: an admin edit that repeats the entry with another base URL
        JsonNode kept = f.ok(f.call(
                "PUT",
                "/admin/v1/providers/p",
                json("{'base_url':'https://p2.example/v1',"
                        + "'pricing':{'input_per_million':2.0,'output_per_million':8.0}}")));

        // then
        assertThat(kept.path("pricing").path("output_per_million").asDouble()).isEqualTo(8.0);
        assertThat(stored("p").pricing()).isEqualTo(new ProviderConfig.Pricing(2.0, 8.0));
        assertThat(f.ok(f.call("PUT", "/admin/v1/providers/p", json("{'base_url':'https://p2.example/v1'}")))
                        .path("pricing")
                        .isNull())
                .isTrue();
    }

    @Test
    void replaceProvider_shouldSwitchToTheEnvironment_whenApiKeyEnvIsGiven() {
        post("/admin/v1/providers", DEEPSEEK);

        JsonNode replaced = f.ok(f.call(
                "PUT",
                "/admin/v1/providers/deepseek",
                json("{'id':'deepseek','base_url':'https://api.deepseek.com/v1','api_key_env':'DS_KEY'}")));

        assertThat(replaced.path("credential").asText()).isEqualTo("env:DS_KEY");
    }

    @Test
    @Tag("error-path")
    void replaceProvider_shouldRefuse_whenTheBodyNamesAnotherIdOrTheProviderIsUnknown() {
        post("/admin/v1/providers", DEEPSEEK);

        RecordingResponder other = f.call(
                "PUT", "/admin/v1/providers/deepseek", json("{'id':'openai','base_url':'https://x.example/v1'}"));
        RecordingResponder unknown =
                f.call("PUT", "/admin/v1/providers/nope", json("{'base_url':'https://x.example/v1'}"));

        assertThat(other.status).isEqualTo(400);
        assertThat(other.json().path("message").asText()).contains("differs from the path");
        assertThat(unknown.status).isEqualTo(404);
        assertThat(f.call("GET", "/admin/v1/providers/nope").status).isEqualTo(404);
    }

    @Test
    void listProviders_shouldFilterAndPageById_whenAsked() {
        // given
        post("/admin/v1/providers", "{'id':'b','base_url':'https://b.example/v1'}");
        post("/admin/v1/providers", "{'id':'a','base_url':'https://a.example/v1'}");
        post("/admin/v1/providers", "{'id':'c','base_url':'https://c.example/v1','enabled':false}");

        // when
        JsonNode first = f.ok(f.call("GET", "/admin/v1/providers?limit=2"));
        JsonNode rest = f.ok(f.call(
                "GET",
                "/admin/v1/providers?limit=2&cursor="
                        + first.path("next_cursor").asText()));
        JsonNode enabled = f.ok(f.call("GET", "/admin/v1/providers?enabled=true&dialect=openai-chat"));
        JsonNode otherDialect = f.ok(f.call("GET", "/admin/v1/providers?dialect=anthropic"));

        // then
        assertThat(first.path("data").findValuesAsText("id")).containsExactly("a", "b");
        assertThat(rest.path("data").findValuesAsText("id")).containsExactly("c");
        assertThat(rest.path("next_cursor").isNull()).isTrue();
        assertThat(enabled.path("data").findValuesAsText("id")).containsExactly("a", "b");
        assertThat(otherDialect.path("data")).isEmpty();
        assertThat(f.ok(f.call("GET", "/admin/v1/providers/a")).path("base_url").asText())
                .isEqualTo("https://a.example/v1");
    }

    @Test
    @Tag("error-path")
    void deleteProvider_shouldRefuse_whileARouteUsesIt_andForgetTheKeyAfterwards() {
        // given
        post("/admin/v1/providers", DEEPSEEK);
        post("/admin/v1/routes", "{'model':'claude-x','targets':[{'provider':'deepseek','model':'deepseek-chat'}]}");

        // when
        RecordingResponder refused = f.call("DELETE", "/admin/v1/providers/deepseek");
        RecordingResponder routeGone = f.call("DELETE", "/admin/v1/routes/claude-x");
        RecordingResponder deleted = f.call("DELETE", "/admin/v1/providers/deepseek");

        // then
        assertThat(refused.status).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("used by route claude-x");
        assertThat(routeGone.status).isEqualTo(204);
        assertThat(deleted.status).isEqualTo(204);
        assertThat(deleted.body.size()).isZero();
        assertThat(f.config.providers()).isEmpty();
        assertThat(f.vault.stored).isEmpty();
        assertThat(lastAudit().action()).isEqualTo("provider.delete");
    }

    @Test
    void createRoute_shouldApplyTheFileRulesAndAudit_whenTheProvidersExist() {
        // given
        post("/admin/v1/providers", DEEPSEEK);

        // when
        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-*','listed':false,'targets':[{'provider':'deepseek','model':'deepseek-chat',"
                        + "'priority':2,'max_output_tokens':8000}]}"));

        // then
        assertThat(r.status).isEqualTo(201);
        JsonNode view = r.json();
        assertThat(view.path("model").asText()).isEqualTo("claude-*");
        assertThat(view.path("strategy").asText()).isEqualTo("priority");
        assertThat(view.path("listed").asBoolean()).isFalse();
        assertThat(view.path("targets").path(0).path("max_output_tokens").asInt())
                .isEqualTo(8000);
        assertThat(f.config.routes())
                .containsExactly(Routes.route("claude-*")
                        .to(Targets.target("deepseek", "deepseek-chat")
                                .priority(2)
                                .maxOutputTokens(8000)
                                .build())
                        .listed(false)
                        .build());
        assertThat(lastAudit().details()).containsEntry("targets", "deepseek/deepseek-chat");
    }

    @Test
    @Tag("error-path")
    void createRoute_shouldRefuse_whenATargetNamesAnUnknownProviderOrTheRouteExists() {
        post("/admin/v1/providers", DEEPSEEK);
        post("/admin/v1/routes", "{'model':'claude-x','targets':[{'provider':'deepseek','model':'m'}]}");

        RecordingResponder unknown = f.call(
                "POST", "/admin/v1/routes", json("{'model':'claude-y','targets':[{'provider':'openai','model':'m'}]}"));
        RecordingResponder duplicate = f.call(
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-x','targets':[{'provider':'deepseek','model':'m'}]}"));

        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.json().path("message").asText()).contains("targets[0].provider: must name a provider");
        assertThat(duplicate.status).isEqualTo(400);
        assertThat(duplicate.json().path("message").asText()).contains("already exists");
    }

    @Test
    void replaceRoute_shouldKeepThePathsPattern_andRefuseAnotherModelInTheBody() {
        // given
        post("/admin/v1/providers", DEEPSEEK);
        post("/admin/v1/routes", "{'model':'claude-x','targets':[{'provider':'deepseek','model':'m1'}]}");

        // when
        JsonNode replaced = f.ok(
                f.call("PUT", "/admin/v1/routes/claude-x", json("{'targets':[{'provider':'deepseek','model':'m2'}]}")));
        RecordingResponder mismatch = f.call(
                "PUT",
                "/admin/v1/routes/claude-x",
                json("{'model':'claude-z','targets':[{'provider':'deepseek','model':'m2'}]}"));

        // then
        assertThat(replaced.path("model").asText()).isEqualTo("claude-x");
        assertThat(replaced.path("targets").path(0).path("model").asText()).isEqualTo("m2");
        assertThat(mismatch.status).isEqualTo(400);
        assertThat(f.call("PUT", "/admin/v1/routes/nope", json("{'targets':[]}")).status)
                .isEqualTo(404);
        assertThat(lastAudit().action()).isEqualTo("route.replace");
    }

    @Test
    void listRoutes_shouldFilterByProviderAndPage_whenAsked() {
        // given
        post("/admin/v1/providers", DEEPSEEK);
        post("/admin/v1/providers", "{'id':'groq','base_url':'https://api.groq.com/openai/v1'}");
        post("/admin/v1/routes", "{'model':'a','targets':[{'provider':'deepseek','model':'m'}]}");
        post("/admin/v1/routes", "{'model':'b','targets':[{'provider':'groq','model':'m'}]}");
        post("/admin/v1/routes", "{'model':'c/d','targets':[{'provider':'groq','model':'m'}]}");

        // then
        JsonNode groq = f.ok(f.call("GET", "/admin/v1/routes?provider=groq")).path("data");
        assertThat(List.of(
                        groq.path(0).path("model").asText(),
                        groq.path(1).path("model").asText()))
                .containsExactly("b", "c/d");
        assertThat(groq).hasSize(2);
        assertThat(f.ok(f.call("GET", "/admin/v1/routes?limit=1"))
                        .path("next_cursor")
                        .isTextual())
                .isTrue();
        assertThat(f.ok(f.call("GET", "/admin/v1/routes/c%2Fd")).path("model").asText())
                .isEqualTo("c/d");
        assertThat(f.call("GET", "/admin/v1/routes/zzz").status).isEqualTo(404);
    }
}
