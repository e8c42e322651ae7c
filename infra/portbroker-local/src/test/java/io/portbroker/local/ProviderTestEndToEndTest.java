package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.AnthropicReplies;
import io.portbroker.testkit.upstream.BedrockReplies;
import io.portbroker.testkit.upstream.FakeAnthropicUpstream;
import io.portbroker.testkit.upstream.FakeBedrockUpstream;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Admin "test connection" ({@code POST /admin/v1/providers/{id}/test}) through the real server for every upstream
 * dialect: an OpenAI-compatible and an Anthropic-native provider over HTTP with their stored credentials, a Bedrock
 * provider through the AWS SDK client the data plane uses (SigV4-signed, checked by the fake Converse endpoint).
 * The configuration is written in the split {@code capabilities:} shape.
 */
class ProviderTestEndToEndTest {
    private static final String CREDENTIAL = "sk-fake-upstream-credential";
    private static final String REGION = "us-west-2";

    static FakeOpenAiUpstream openAi;
    static FakeAnthropicUpstream anthropic;
    static FakeBedrockUpstream bedrock;
    static LocalStack stack;
    static String adminKey;

    @BeforeAll
    static void start() throws IOException {
        openAi = FakeOpenAiUpstream.start(req -> Replies.completion("pong", List.of(), "length"));
        anthropic = FakeAnthropicUpstream.start(CREDENTIAL, req -> AnthropicReplies.message("pong"));
        bedrock = FakeBedrockUpstream.start(REGION, req -> BedrockReplies.text(req, "pong"));
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-provider-test", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: openai
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                    capabilities:
                      common: {max_output_tokens: 8192}
                      openai_chat: {max_tokens_field: max_completion_tokens}
                  - id: anthropic
                    dialect: anthropic-messages
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                    capabilities:
                      common: {max_output_tokens: 64000}
                  - id: bedrock
                    dialect: bedrock-converse
                    region: %s
                    endpoint_override: %s
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 30s}
                routes:
                  - model: claude-bedrock
                    targets:
                      - provider: bedrock
                        model: anthropic.claude-3-haiku-20240307-v1:0
                  - model: claude-native
                    targets:
                      - provider: anthropic
                        model: claude-upstream
                """.formatted(openAi.baseUrl(), anthropic.baseUrl(), REGION, bedrock.endpoint()));
        stack = LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config)
                        .port(-1)
                        .tablePrefix("pbprovtest-" + UUID.randomUUID().toString().substring(0, 8))
                        .bootstrapAdminKey(adminKey)
                        .build(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        stack.close();
        openAi.close();
        anthropic.close();
        bedrock.close();
    }

    private static HttpResponse<String> test(String provider, String body) {
        return AdminHttp.bearer(stack, "POST", "/admin/v1/providers/" + provider + "/test", adminKey, body);
    }

    @Test
    void test_shouldCallBedrockThroughTheSdkClient_whenTheProviderIsABedrockOne() {
        // given
        bedrock.script(req -> BedrockReplies.text(req, "pong"));
        int before = bedrock.requests().size();

        // when: the route's model is the default
        HttpResponse<String> r = test("bedrock", null);

        // then: one signed, non-streamed, one-token Converse call to the route target's model
        JsonNode answer = AdminHttp.json(r);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(answer.path("ok").asBoolean()).as(r.body()).isTrue();
        assertThat(answer.path("provider").asText()).isEqualTo("bedrock");
        assertThat(answer.path("model").asText()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(answer.path("status").asInt()).isEqualTo(200);
        assertThat(bedrock.violations()).isEmpty();
        List<FakeBedrockUpstream.Received> received = bedrock.requests();
        assertThat(received).hasSize(before + 1);
        FakeBedrockUpstream.Received call = received.getLast();
        assertThat(call.streaming()).isFalse();
        assertThat(call.modelId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(call.header("authorization")).startsWith("AWS4-HMAC-SHA256");
        assertThat(call.body().path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(1);
    }

    @Test
    void test_shouldAnswerTheCategory_whenBedrockThrottles() {
        // given
        bedrock.script(req -> BedrockReplies.throttled());

        // when
        JsonNode answer = AdminHttp.json(test("bedrock", "{\"model\": \"amazon.nova-lite-v1:0\"}"));

        // then
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("model").asText()).isEqualTo("amazon.nova-lite-v1:0");
        assertThat(answer.path("error_category").asText()).isEqualTo("rate_limited");
        bedrock.script(req -> BedrockReplies.text(req, "pong"));
    }

    @Test
    void test_shouldCallTheAnthropicUpstreamWithItsKey_andNeverAnswerTheKey() {
        // given
        anthropic.script(req -> AnthropicReplies.message("pong"));

        // when
        HttpResponse<String> r = test("anthropic", null);

        // then
        JsonNode answer = AdminHttp.json(r);
        assertThat(answer.path("ok").asBoolean()).as(r.body()).isTrue();
        assertThat(answer.path("model").asText()).isEqualTo("claude-upstream");
        assertThat(anthropic.violations()).isEmpty();
        FakeAnthropicUpstream.Received call = anthropic.requests().getLast();
        assertThat(call.header("x-api-key")).isEqualTo(CREDENTIAL);
        assertThat(call.json().path("max_tokens").asInt()).isEqualTo(1);
        assertThat(call.json().has("stream")).isFalse();
        assertThat(r.body()).doesNotContain(CREDENTIAL);
    }

    @Test
    void test_shouldMaskTheKey_whenTheAnthropicUpstreamQuotesIt() {
        // given: an upstream refusing the key and quoting it back
        anthropic.script(req -> AnthropicReplies.error(401, "authentication_error", "invalid x-api-key " + CREDENTIAL));

        // when
        HttpResponse<String> r = test("anthropic", "{\"model\": \"claude-other\"}");

        // then
        JsonNode answer = AdminHttp.json(r);
        assertThat(answer.path("ok").asBoolean()).isFalse();
        assertThat(answer.path("status").asInt()).isEqualTo(401);
        assertThat(answer.path("error_category").asText()).isEqualTo("provider_auth");
        assertThat(r.body()).doesNotContain(CREDENTIAL);
        anthropic.script(req -> AnthropicReplies.message("pong"));
    }

    @Test
    void test_shouldCallTheOpenAiUpstream_whenTheModelIsGiven() {
        // when
        HttpResponse<String> r = test("openai", "{\"model\": \"gpt-4o-mini\"}");

        // then: the split capabilities reached the encoder (max_completion_tokens from openai_chat)
        JsonNode answer = AdminHttp.json(r);
        assertThat(answer.path("ok").asBoolean()).as(r.body()).isTrue();
        JsonNode sent = openAi.requests().getLast().body();
        assertThat(sent.path("max_completion_tokens").asInt()).isEqualTo(1);
        assertThat(sent.has("max_tokens")).isFalse();
    }

    @Test
    void providers_shouldAnswerTheSplitCapabilities_withOnlyTheirOwnDialectsPart() {
        // when
        JsonNode bedrockView = AdminHttp.json(AdminHttp.bearer(stack, "GET", "/admin/v1/providers/bedrock", adminKey, null));
        JsonNode openAiView = AdminHttp.json(AdminHttp.bearer(stack, "GET", "/admin/v1/providers/openai", adminKey, null));

        // then
        assertThat(bedrockView.has("profile")).isFalse();
        assertThat(bedrockView.path("capabilities").has("common")).isTrue();
        assertThat(bedrockView.path("capabilities").has("openai_chat")).isFalse();
        assertThat(openAiView.path("capabilities").path("common").path("max_output_tokens").asInt())
                .isEqualTo(8192);
        assertThat(openAiView.path("capabilities").path("openai_chat").path("max_tokens_field").asText())
                .isEqualTo("max_completion_tokens");
    }

    @Test
    void test_shouldBeAudited_withoutTheKey() {
        // given
        test("anthropic", null);

        // when
        JsonNode audit = AdminHttp.json(
                AdminHttp.bearer(stack, "GET", "/admin/v1/audit?stream=admin&limit=100", adminKey, null));

        // then
        assertThat(audit.path("data").toString()).contains("provider.test").doesNotContain(CREDENTIAL);
    }
}
