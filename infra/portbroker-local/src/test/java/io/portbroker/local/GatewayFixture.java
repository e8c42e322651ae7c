package io.portbroker.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One running local stack for a test class: the moto emulator, a scriptable fake OpenAI-compatible upstream,
 * a config file routing Claude model names to it, and the real gateway server on a free port.
 */
public final class GatewayFixture implements AutoCloseable {
    /** The provider credential the gateway must send upstream (set for the test JVM by surefire). */
    public static final String UPSTREAM_CREDENTIAL_ENV = "PB_FAKE_UPSTREAM_KEY";

    public final FakeOpenAiUpstream upstream;
    public final LocalStack stack;
    public final String clientKey;
    /** The bootstrap admin key, or null when the fixture registered none. */
    public final String adminKey;

    public final String console;

    private GatewayFixture(
            FakeOpenAiUpstream upstream, LocalStack stack, String clientKey, String adminKey, String console) {
        this.upstream = upstream;
        this.stack = stack;
        this.clientKey = clientKey;
        this.adminKey = adminKey;
        this.console = console;
    }

    /** Starts everything; the fake answers "hello" until a test scripts it. */
    public static GatewayFixture start(Map<String, Object> extraProperties) {
        return start(MotoEndpoint.resolve().toString(), extraProperties);
    }

    /** As above, against the moto server at {@code motoEndpoint} (a test's own, which it may stop). */
    public static GatewayFixture start(String motoEndpoint, Map<String, Object> extraProperties) {
        return start(motoEndpoint, extraProperties, null);
    }

    /** As above, with {@code adminKey} registered as a bootstrap admin key (null for none). */
    public static GatewayFixture start(String motoEndpoint, Map<String, Object> extraProperties, String adminKey) {
        return builder()
                .moto(motoEndpoint)
                .properties(extraProperties)
                .adminKey(adminKey)
                .start();
    }

    /**
     * A fixture built by name: the shared moto, no extra properties, no admin key, a fake that streams "hello".
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GatewayFixture}; {@link #start()} starts the fake upstream and the server. */
    public static final class Builder {
        private String motoEndpoint = MotoEndpoint.resolve().toString();
        private Map<String, Object> extraProperties = Map.of();
        private String adminKey;
        private Function<JsonNode, Reply> script = req -> Replies.streamText(Duration.ZERO, "hello");

        private Builder() {}

        /** The moto server (a test's own, which it may stop). */
        public Builder moto(String value) {
            this.motoEndpoint = value;
            return this;
        }

        /** Application properties for the server (settings, test switches). */
        public Builder properties(Map<String, Object> value) {
            this.extraProperties = Map.copyOf(value);
            return this;
        }

        /** A bootstrap admin key to register (null for none). */
        public Builder adminKey(String value) {
            this.adminKey = value;
            return this;
        }

        /** Registers a newly generated bootstrap admin key ({@link GatewayFixture#adminKey}). */
        public Builder withAdminKey() {
            return adminKey(ApiKeyFormat.generate(new SecureRandom()));
        }

        /** How the fake upstream answers until a test scripts it again. */
        public Builder upstream(Function<JsonNode, Reply> value) {
            this.script = value;
            return this;
        }

        public GatewayFixture start() {
            FakeOpenAiUpstream upstream = FakeOpenAiUpstream.start(script);
            String key = ApiKeyFormat.generate(new SecureRandom());
            String prefix = "pbtest-" + UUID.randomUUID().toString().substring(0, 8);
            ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
            LocalStack stack = LocalStack.start(
                    LocalStack.Settings.builder(motoEndpoint, writeConfig(upstream))
                            .port(-1)
                            .tablePrefix(prefix)
                            .bootstrapKey(key)
                            .extraProperties(extraProperties)
                            .bootstrapAdminKey(adminKey)
                            .build(),
                    new PrintStream(consoleBytes, true, StandardCharsets.UTF_8));
            return new GatewayFixture(upstream, stack, key, adminKey, consoleBytes.toString(StandardCharsets.UTF_8));
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + stack.port();
    }

    /** A {@code POST /v1/messages} of {@code body} with the client key, as the Anthropic SDK sends it. */
    public HttpRequest messages(String body) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + "/v1/messages"))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("x-api-key", clientKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Path writeConfig(FakeOpenAiUpstream upstream) {
        String yaml = """
                version: 1
                providers:
                  - id: fake
                    base_url: %s
                    api_key_env: %s
                    timeouts:
                      connect: 2s
                      first_token: 5s
                      idle: 5s
                      total: 60s
                    profile:
                      max_output_tokens: 8192
                      reasoning_style: deepseek
                      reasoning_passback: reasoning_content
                      vision: true
                routes:
                  - model: claude-sonnet-4-5
                    targets:
                      - provider: fake
                        model: fake-model
                  - model: claude-haiku-*
                    targets:
                      - provider: fake
                        model: fake-model-isolated
                  - model: claude-*
                    targets:
                      - provider: fake
                        model: fake-model
                """.formatted(upstream.baseUrl(), UPSTREAM_CREDENTIAL_ENV);
        return TestStacks.writeConfig(yaml);
    }

    @Override
    public void close() {
        stack.close();
        upstream.close();
    }
}
