package io.portbroker.local;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.upstream.AnthropicReplies;
import io.portbroker.testkit.upstream.BedrockReplies;
import io.portbroker.testkit.upstream.FakeAnthropicUpstream;
import io.portbroker.testkit.upstream.FakeBedrockUpstream;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real local stack (stream validation on) in front of one fake upstream of each dialect: an OpenAI-compatible
 * provider ({@code openai}), an Anthropic-native one ({@code anthropic}) that checks the bytes it receives, and a
 * Bedrock Converse endpoint checking SigV4 — providers {@code bedrock} (region {@code us-west-2}, endpoint
 * override to the fake, the route target's model) and {@code bedrock-pinned} (a fixed inference-profile ARN).
 *
 * <p>Routes: {@code gpt-4o} → openai only; {@code claude-native} → anthropic only; {@code claude-bedrock},
 * {@code gpt-bedrock} and {@code claude-throttled} → bedrock only (distinct models, so one test's cool-down does
 * not touch another's); {@code claude-pinned} → bedrock-pinned; {@code claude-mixed} → openai, failing over to
 * bedrock; {@code claude-bedrock-first} → bedrock, failing over to openai; every other {@code claude-*} → openai,
 * failing over to anthropic.
 *
 * <p>{@link #startChains()} starts the same three fakes in front of the split {@code capabilities:} shape instead,
 * with one client key (both SDKs) and one admin key, single-dialect routes {@code to-openai}, {@code to-anthropic},
 * {@code to-bedrock} and the {@code chain-*} routes (openai → bedrock → anthropic); {@link #scriptChains()} makes
 * every upstream answer "pong", except that the OpenAI-compatible one fails models starting with {@code ds-} (500)
 * and Bedrock throttles models starting with {@code br-}, so the chains fail over across all three dialects.
 */
record DialectFixture(
        FakeOpenAiUpstream openAi,
        FakeAnthropicUpstream anthropic,
        FakeBedrockUpstream bedrock,
        LocalStack stack,
        String clientKey,
        String adminKey)
        implements AutoCloseable {
    /** The credential the Anthropic-native fake expects (the test JVM's {@code PB_FAKE_UPSTREAM_KEY}). */
    static final String CREDENTIAL = "sk-fake-upstream-credential";

    static final String REGION = "us-west-2";
    static final String BEDROCK_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    static final String PINNED_ARN =
            "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0";

    /** Starts the three fakes (each answering "hello") and the server on the shared moto: the mixed routes. */
    static DialectFixture start() {
        return start("pbdialect-", DialectFixture::config);
    }

    /** Starts the three fakes and the server with the {@code chain-*} routes, scripted by {@link #scriptChains()}. */
    static DialectFixture startChains() {
        DialectFixture f = start("pbthree-", DialectFixture::chainConfig);
        f.scriptChains();
        return f;
    }

    private static DialectFixture start(String prefix, Configs configs) {
        FakeOpenAiUpstream openAi = FakeOpenAiUpstream.start(req -> Replies.streamText(Duration.ZERO, "hello"));
        FakeAnthropicUpstream anthropic =
                FakeAnthropicUpstream.start(CREDENTIAL, req -> AnthropicReplies.streamText("hello"));
        FakeBedrockUpstream bedrock = FakeBedrockUpstream.start(REGION, req -> BedrockReplies.text(req, "hello"));
        String key = ApiKeyFormat.generate(new SecureRandom());
        String adminKey = ApiKeyFormat.generate(new SecureRandom());
        LocalStack stack = TestStacks.startQuietly(TestStacks.settings(
                        configs.write(openAi, anthropic, bedrock),
                        prefix + UUID.randomUUID().toString().substring(0, 8))
                .bootstrapKey(key)
                .bootstrapAdminKey(adminKey)
                .extraProperties(Map.of("portbroker.experimental.validate-streams", true)));
        return new DialectFixture(openAi, anthropic, bedrock, stack, key, adminKey);
    }

    /** The chain scripts (see the class comment). */
    void scriptChains() {
        openAi.script(req -> req.path("model").asText().startsWith("ds-")
                ? Replies.serverError()
                : req.path("stream").asBoolean()
                        ? Replies.streamText(Duration.ZERO, "po", "ng")
                        : Replies.completion("pong", List.of(), "stop"));
        anthropic.script(req -> req.path("stream").asBoolean()
                ? AnthropicReplies.streamText("po", "ng")
                : AnthropicReplies.message("pong"));
        bedrock.script(req ->
                req.modelId().startsWith("br-") ? BedrockReplies.throttled() : BedrockReplies.text(req, "po", "ng"));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + stack.port();
    }

    /** The official Anthropic SDK pointed at the server with the client key, no SDK retries. */
    AnthropicClient anthropicSdk() {
        return AnthropicOkHttpClient.builder()
                .baseUrl(baseUrl())
                .apiKey(clientKey)
                .maxRetries(0)
                .build();
    }

    /** The official OpenAI SDK pointed at the server's {@code /v1} with the client key, no SDK retries. */
    OpenAIClient openAiSdk() {
        return OpenAIOkHttpClient.builder()
                .baseUrl(baseUrl() + "/v1")
                .apiKey(clientKey)
                .maxRetries(0)
                .build();
    }

    private static Path config(
            FakeOpenAiUpstream openAi, FakeAnthropicUpstream anthropic, FakeBedrockUpstream bedrock) {
        String yaml = """
                version: 1
                providers:
                  - id: openai
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 60s}
                    profile:
                      max_output_tokens: 8192
                      vision: true
                  - id: anthropic
                    dialect: anthropic-messages
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 60s}
                    profile:
                      max_output_tokens: 128000
                  - id: bedrock
                    dialect: bedrock-converse
                    region: %s
                    endpoint_override: %s
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 60s}
                    profile:
                      max_output_tokens: 8192
                      vision: true
                  - id: bedrock-pinned
                    dialect: bedrock-converse
                    region: %s
                    model_id: %s
                    endpoint_override: %s
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 60s}
                routes:
                  - model: gpt-4o
                    targets:
                      - provider: openai
                        model: gpt-4o-upstream
                  - model: claude-native
                    targets:
                      - provider: anthropic
                        model: claude-upstream
                  - model: claude-bedrock
                    targets:
                      - provider: bedrock
                        model: anthropic.claude-3-haiku-20240307-v1:0
                  - model: gpt-bedrock
                    targets:
                      - provider: bedrock
                        model: amazon.nova-lite-v1:0
                  - model: claude-throttled
                    targets:
                      - provider: bedrock
                        model: throttled-model
                  - model: claude-pinned
                    targets:
                      - provider: bedrock-pinned
                        model: pinned
                  - model: claude-mixed
                    targets:
                      - provider: openai
                        model: deepseek-chat
                      - provider: bedrock
                        model: anthropic.claude-3-5-sonnet-20240620-v1:0
                  - model: claude-bedrock-first
                    targets:
                      - provider: bedrock
                        model: busy-model
                      - provider: openai
                        model: gpt-4o-mini
                  - model: claude-*
                    targets:
                      - provider: openai
                        model: deepseek-chat
                      - provider: anthropic
                        model: claude-upstream
                """.formatted(
                        openAi.baseUrl(),
                        anthropic.baseUrl(),
                        REGION,
                        bedrock.endpoint(),
                        REGION,
                        PINNED_ARN,
                        bedrock.endpoint());
        return TestStacks.writeConfig(yaml);
    }

    private static Path chainConfig(
            FakeOpenAiUpstream openAi, FakeAnthropicUpstream anthropic, FakeBedrockUpstream bedrock) {
        String yaml = """
                version: 1
                providers:
                  - id: openai
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 30s}
                    capabilities:
                      common: {max_output_tokens: 8192}
                      openai_chat: {max_tokens_field: max_completion_tokens}
                  - id: anthropic
                    dialect: anthropic-messages
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 30s}
                    capabilities:
                      common: {max_output_tokens: 64000}
                  - id: bedrock
                    dialect: bedrock-converse
                    region: %s
                    endpoint_override: %s
                    timeouts: {connect: 2s, first_token: 5s, idle: 5s, total: 30s}
                routes:
                  - model: to-openai
                    targets: [{provider: openai, model: gpt-up}]
                  - model: to-anthropic
                    targets: [{provider: anthropic, model: claude-upstream}]
                  - model: to-bedrock
                    targets: [{provider: bedrock, model: %s}]
                  - model: chain-anthropic-sdk
                    targets:
                      - {provider: openai, model: ds-a, priority: 0}
                      - {provider: bedrock, model: br-a, priority: 1}
                      - {provider: anthropic, model: claude-a, priority: 2}
                  - model: chain-openai-sdk
                    targets:
                      - {provider: openai, model: ds-o, priority: 0}
                      - {provider: bedrock, model: br-o, priority: 1}
                      - {provider: anthropic, model: claude-o, priority: 2}
                  - model: chain-stream
                    targets:
                      - {provider: openai, model: ds-s, priority: 0}
                      - {provider: bedrock, model: br-s, priority: 1}
                      - {provider: anthropic, model: claude-s, priority: 2}
                """.formatted(openAi.baseUrl(), anthropic.baseUrl(), REGION, bedrock.endpoint(), BEDROCK_MODEL);
        return TestStacks.writeConfig(yaml);
    }

    /** Writes a configuration naming the three fakes. */
    @FunctionalInterface
    private interface Configs {
        Path write(FakeOpenAiUpstream openAi, FakeAnthropicUpstream anthropic, FakeBedrockUpstream bedrock);
    }

    @Override
    public void close() {
        stack.close();
        openAi.close();
        anthropic.close();
        bedrock.close();
    }
}
