package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.testkit.upstream.AnthropicReplies;
import io.portbroker.testkit.upstream.BedrockReplies;
import io.portbroker.testkit.upstream.FakeAnthropicUpstream;
import io.portbroker.testkit.upstream.FakeBedrockUpstream;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admin "test connection" ({@code POST /admin/v1/providers/{id}/test}) through the real server for every upstream
 * dialect: an OpenAI-compatible and an Anthropic-native provider over HTTP with their stored credentials, a Bedrock
 * provider through the AWS SDK client the data plane uses (SigV4-signed, checked by the fake Converse endpoint).
 * The configuration is written in the split {@code capabilities:} shape.
 */
class ProviderTestEndToEndTest {
    private static final String CREDENTIAL = DialectFixture.CREDENTIAL;

    static DialectFixture gw;

    @BeforeAll
    static void start() {
        gw = DialectFixture.startChains();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @BeforeEach
    void reset() {
        gw.scriptChains();
    }

    private static HttpResponse<String> test(String provider, String body) {
        return AdminHttp.bearer(gw.stack(), "POST", "/admin/v1/providers/" + provider + "/test", gw.adminKey(), body);
    }

    @Test
    void test_shouldCallBedrockThroughTheSdkClient_whenTheProviderIsABedrockOne() {
        // given
        int before = gw.bedrock().requests().size();

        // when
        HttpResponse<String> r = test("bedrock", "{\"model\": \"" + DialectFixture.BEDROCK_MODEL + "\"}");

        // then: one signed, non-streamed, one-token Converse call to the asked model
        JsonNode answer = AdminHttp.json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(answer.path("ok").asBoolean()).as(r.body()).isTrue();
        assertThat(answer.path("provider").asText()).isEqualTo("bedrock");
        assertThat(answer.path("model").asText()).isEqualTo(DialectFixture.BEDROCK_MODEL);
        assertThat(answer.path("status").asInt()).isEqualTo(200);
        assertThat(gw.bedrock().violations()).isEmpty();
        List<FakeBedrockUpstream.Received> received = gw.bedrock().requests();
        assertThat(received).hasSize(before + 1);
        FakeBedrockUpstream.Received call = received.getLast();
        assertThat(call.streaming()).isFalse();
        assertThat(call.modelId()).isEqualTo(DialectFixture.BEDROCK_MODEL);
        assertThat(call.header("authorization")).startsWith("AWS4-HMAC-SHA256");
        assertThat(call.body().path("inferenceConfig").path("maxTokens").asInt())
                .isEqualTo(1);
    }

    @Test
    void test_shouldAnswerTheCategory_whenBedrockThrottles() {
        // given
        gw.bedrock().script(req -> BedrockReplies.throttled());

        // when
        JsonNode answer = AdminHttp.json(test("bedrock", "{\"model\": \"amazon.nova-lite-v1:0\"}"));

        // then
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("model").asText()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(answer.path("error_category").asText()).isEqualTo("rate_limited");
    }

    @Test
    void test_shouldCallTheAnthropicUpstreamWithItsKey_andNeverAnswerTheKey() {
        // when
        HttpResponse<String> r = test("anthropic", "{\"model\": \"claude-upstream\"}");

        // then
        JsonNode answer = AdminHttp.json(r);
        assertThat(answer.path("ok").asBoolean()).as(r.body()).isTrue();
        assertThat(answer.path("model").asText()).isEqualTo("claude-upstream");
        assertThat(gw.anthropic().violations()).isEmpty();
        FakeAnthropicUpstream.Received call = gw.anthropic().requests().getLast();
        assertThat(call.header("x-api-key")).isEqualTo(CREDENTIAL);
        assertThat(call.json().path("max_tokens").asInt()).isEqualTo(1);
        assertThat(call.json().has("stream")).isFalse();
        assertThat(r.body()).doesNotContain(CREDENTIAL);
    }

    @Test
    void test_shouldMaskTheKey_whenTheAnthropicUpstreamQuotesIt() {
        // given: an upstream refusing the key and quoting it back
        gw.anthropic()
                .script(req -> AnthropicReplies.error(401, "authentication_error", "invalid x-api-key " + CREDENTIAL));

        // when
        HttpResponse<String> r = test("anthropic", "{\"model\": \"claude-other\"}");

        // then
        JsonNode answer = AdminHttp.json(r);
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(answer.path("error_category").asText()).isEqualTo("provider_auth");
        assertThat(r.body()).doesNotContain(CREDENTIAL);
    }

    @Test
    void test_shouldCallTheOpenAiUpstream_whenTheModelIsGiven() {
        // when
        HttpResponse<String> r = test("openai", "{\"model\": \"gpt-4o-mini\"}");

        // then: the split capabilities reached the encoder (max_completion_tokens from openai_chat)
        JsonNode answer = AdminHttp.json(r);
        assertThat(answer.path("ok").asBoolean()).as(r.body()).isTrue();
        JsonNode sent = gw.openAi().requests().getLast().body();
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(1);
        assertThat(sent.has("max_tokens")).isFalse();
    }

    @Test
    void providers_shouldAnswerTheSplitCapabilities_withOnlyTheirOwnDialectsPart() {
        // when
        JsonNode bedrockView =
                AdminHttp.json(AdminHttp.bearer(gw.stack(), "GET", "/admin/v1/providers/bedrock", gw.adminKey(), null));
        JsonNode openAiView =
                AdminHttp.json(AdminHttp.bearer(gw.stack(), "GET", "/admin/v1/providers/openai", gw.adminKey(), null));

        // then
        assertThat(bedrockView.has("profile")).isFalse();
        assertThat(bedrockView.path("capabilities").has("common")).isTrue();
        assertThat(bedrockView.path("capabilities").has("openai_chat")).isFalse();
        assertThat(openAiView
                        .path("capabilities")
                        .path("common")
                        .path("max_output_tokens")
                        .asInt())
                .isEqualTo(8192);
        assertThat(openAiView
                        .path("capabilities")
                        .path("openai_chat")
                        .path("max_tokens_field")
                        .asText())
                .isEqualTo("max_completion_tokens");
    }

    @Test
    void test_shouldBeAudited_withoutTheKey() {
        // given
        test("anthropic", null);

        // when
        JsonNode audit = AdminHttp.json(
                AdminHttp.bearer(gw.stack(), "GET", "/admin/v1/audit?stream=admin&limit=100", gw.adminKey(), null));

        // then
        assertThat(audit.path("data").toString()).contains("provider.test").doesNotContain(CREDENTIAL);
    }
}
