package io.portbroker.local;

import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.AnthropicReplies;
import io.portbroker.testkit.upstream.FakeAnthropicUpstream;
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
import java.util.Map;
import java.util.UUID;

/**
 * The real local stack in front of two upstreams of different dialects: a fake OpenAI-compatible provider
 * ({@code openai}) and a fake Anthropic-native one ({@code anthropic}) that checks the bytes it receives. Routes:
 * {@code gpt-4o} → openai only; {@code claude-native} → anthropic only; {@code claude-*} → openai first, failing
 * over to anthropic.
 */
final class MixedDialectFixture implements AutoCloseable {
    static final String CREDENTIAL = "sk-fake-upstream-credential";

    final FakeOpenAiUpstream openAi;
    final FakeAnthropicUpstream anthropic;
    final LocalStack stack;
    final String clientKey;

    private MixedDialectFixture(
            FakeOpenAiUpstream openAi, FakeAnthropicUpstream anthropic, LocalStack stack, String clientKey) {
        this.openAi = openAi;
        this.anthropic = anthropic;
        this.stack = stack;
        this.clientKey = clientKey;
    }

    static MixedDialectFixture start() {
        FakeOpenAiUpstream openAi = FakeOpenAiUpstream.start(req -> Replies.streamText(Duration.ZERO, "hello"));
        FakeAnthropicUpstream anthropic =
                FakeAnthropicUpstream.start(CREDENTIAL, req -> AnthropicReplies.streamText("hello"));
        String key = ApiKeyFormat.generate(new SecureRandom());
        String prefix = "pbmix-" + UUID.randomUUID().toString().substring(0, 8);
        LocalStack stack = LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config(openAi, anthropic))
                        .port(-1)
                        .tablePrefix(prefix)
                        .bootstrapKey(key)
                        .extraProperties(Map.of("portbroker.experimental.validate-streams", true))
                        .build(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return new MixedDialectFixture(openAi, anthropic, stack, key);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + stack.port();
    }

    private static Path config(FakeOpenAiUpstream openAi, FakeAnthropicUpstream anthropic) {
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
                routes:
                  - model: gpt-4o
                    targets:
                      - provider: openai
                        model: gpt-4o-upstream
                  - model: claude-native
                    targets:
                      - provider: anthropic
                        model: claude-upstream
                  - model: claude-*
                    targets:
                      - provider: openai
                        model: deepseek-chat
                      - provider: anthropic
                        model: claude-upstream
                """.formatted(openAi.baseUrl(), anthropic.baseUrl());
        try {
            Path file = Files.createTempFile("portbroker-mixed", ".yaml");
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
    }
}
