package io.portbroker.local;

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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The real local stack in front of one upstream of each dialect — OpenAI-compatible ({@code openai}),
 * Anthropic-native ({@code anthropic}, checking its bytes and key) and Bedrock Converse ({@code bedrock}, checking
 * SigV4) — configured in the split {@code capabilities:} shape, with one client key (both SDKs) and one admin key.
 * By default every upstream answers "pong", except that the OpenAI-compatible one fails models starting with
 * {@code ds-} (500) and Bedrock throttles models starting with {@code br-}, so the {@code chain-*} routes
 * (openai → bedrock → anthropic) fail over across all three dialects. Single-dialect routes: {@code to-openai},
 * {@code to-anthropic}, {@code to-bedrock}.
 */
final class ThreeDialectFixture implements AutoCloseable {
    static final String CREDENTIAL = "sk-fake-upstream-credential";
    static final String REGION = "us-west-2";
    static final String BEDROCK_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";

    final FakeOpenAiUpstream openAi;
    final FakeAnthropicUpstream anthropic;
    final FakeBedrockUpstream bedrock;
    final LocalStack stack;
    final String clientKey;
    final String adminKey;

    private ThreeDialectFixture(
            FakeOpenAiUpstream openAi,
            FakeAnthropicUpstream anthropic,
            FakeBedrockUpstream bedrock,
            LocalStack stack,
            String clientKey,
            String adminKey) {
        this.openAi = openAi;
        this.anthropic = anthropic;
        this.bedrock = bedrock;
        this.stack = stack;
        this.clientKey = clientKey;
        this.adminKey = adminKey;
    }

    static ThreeDialectFixture start() {
        FakeOpenAiUpstream openAi = FakeOpenAiUpstream.start(req -> Replies.completion("x", List.of(), "stop"));
        FakeAnthropicUpstream anthropic = FakeAnthropicUpstream.start(CREDENTIAL, req -> AnthropicReplies.message("x"));
        FakeBedrockUpstream bedrock = FakeBedrockUpstream.start(REGION, req -> BedrockReplies.text(req, "x"));
        String clientKey = ApiKeyFormat.generate(new SecureRandom());
        String adminKey = ApiKeyFormat.generate(new SecureRandom());
        LocalStack stack = LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config(openAi, anthropic, bedrock))
                        .port(-1)
                        .tablePrefix("pbthree-" + UUID.randomUUID().toString().substring(0, 8))
                        .bootstrapKey(clientKey)
                        .bootstrapAdminKey(adminKey)
                        .build(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        ThreeDialectFixture f = new ThreeDialectFixture(openAi, anthropic, bedrock, stack, clientKey, adminKey);
        f.reset();
        return f;
    }

    /** The default scripts (see the class comment). */
    void reset() {
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

    private static Path config(
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
        try {
            Path file = Files.createTempFile("portbroker-three", ".yaml");
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        stack.close();
        openAi.close();
        anthropic.close();
        bedrock.close();
    }
}
