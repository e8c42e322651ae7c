package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.protocol.anthropic.AnthropicSseGrammarValidator;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The response cache through real parts: the local server over moto (L2 in DynamoDB, L3 in S3), the scripted
 * OpenAI-compatible upstream (its request log counts upstream calls), raw HTTP, the grammar validator and the
 * official Anthropic SDK. A second server on the same tables is a second container: empty L1, shared L2/L3.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CacheEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    static FakeOpenAiUpstream upstream;
    static LocalStack stack;
    static LocalStack second;
    static String prefix;
    static Path config;
    static String clientKey;
    static String adminKey;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> req.path("stream").asBoolean()
                ? Replies.streamText(Duration.ZERO, "fo", "ur")
                : Replies.completion("four", List.of(), "stop"));
        prefix = "pbcache-" + UUID.randomUUID().toString().substring(0, 8);
        clientKey = ApiKeyFormat.generate(new SecureRandom());
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        config = Files.createTempFile("portbroker-cache", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: fake
                    base_url: %s
                    api_key_env: %s
                routes:
                  - model: claude-sonnet-4-5
                    targets:
                      - provider: fake
                        model: fake-model
                """.formatted(upstream.baseUrl(), GatewayFixture.UPSTREAM_CREDENTIAL_ENV));
        stack = start(prefix);
    }

    private static LocalStack start(String tablePrefix) {
        return TestStacks.startQuietly(TestStacks.settings(config, tablePrefix)
                .bootstrapKey(clientKey)
                .extraProperties(Map.of(
                        "portbroker.experimental.validate-streams",
                        true,
                        "portbroker.infrastructure.config-poll",
                        "1s"))
                .bootstrapAdminKey(adminKey));
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        stack.close();
        upstream.close();
    }

    private static String body(String text, boolean stream) {
        return "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"temperature\":0,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text + "\"}]}";
    }

    static HttpResponse<String> post(LocalStack s, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/v1/messages"))
                .header("x-api-key", clientKey)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cacheHeader(HttpResponse<?> r) {
        return r.headers().firstValue("x-portbroker-cache").orElse("none");
    }

    private static HttpResponse<String> admin(String method, String path, String json) {
        return AdminHttp.call(stack, method, path, Map.of("x-api-key", adminKey), json);
    }

    private static void validate(String sse) {
        AnthropicSseGrammarValidator validator = new AnthropicSseGrammarValidator();
        for (String frame : sse.split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : frame.split("\n")) {
                if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (event != null) {
                validator.accept(event, data.toString());
            }
        }
        validator.finish();
    }

    @Test
    @Order(1)
    void complete_shouldAnswerTheSecondIdenticalRequestFromL1_withTheSameBytes() {
        int before = upstream.requests().size();

        HttpResponse<String> first = post(stack, body("2+2?", false), Map.of());
        HttpResponse<String> again = post(stack, body("2+2?", false), Map.of());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(cacheHeader(first)).isEqualTo("miss");
        assertThat(cacheHeader(again)).isEqualTo("hit-l1");
        assertThat(again.headers().firstValue("age")).isPresent();
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(upstream.requests()).hasSize(before + 1);
    }

    @Test
    @Order(2)
    void stream_shouldReplayTheSameValidStream_andShareTheEntryWithWholeRequests() {
        int before = upstream.requests().size();

        HttpResponse<String> first = post(stack, body("stream me", true), Map.of());
        HttpResponse<String> again = post(stack, body("stream me", true), Map.of());
        HttpResponse<String> whole = post(stack, body("stream me", false), Map.of());

        assertThat(cacheHeader(first)).isEqualTo("miss");
        assertThat(cacheHeader(again)).isEqualTo("hit-l1");
        assertThat(cacheHeader(whole)).isEqualTo("hit-l1");
        validate(again.body());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(whole.body()).contains("\"text\":\"four\"");
        assertThat(upstream.requests()).hasSize(before + 1);
    }

    @Test
    @Order(3)
    void sdk_shouldReceiveTheSameMessage_fromALiveStreamAndFromItsReplay() {
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + stack.port())
                .apiKey(clientKey)
                .maxRetries(0)
                .build();
        MessageCreateParams params = MessageCreateParams.builder()
                .model("claude-sonnet-4-5")
                .maxTokens(64)
                .putAdditionalBodyProperty("temperature", com.anthropic.core.JsonValue.from(0))
                .addUserMessage("sdk question")
                .build();
        int before = upstream.requests().size();

        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (StreamResponse<RawMessageStreamEvent> stream =
                    client.messages().createStreaming(params)) {
                MessageAccumulator acc = MessageAccumulator.create();
                stream.stream().forEach(acc::accumulate);
                texts.add(acc.message().content().get(0).text().orElseThrow().text());
            }
        }
        String whole = client.messages()
                .create(params)
                .content()
                .get(0)
                .text()
                .orElseThrow()
                .text();

        assertThat(texts).containsExactly("four", "four");
        assertThat(whole).isEqualTo("four");
        assertThat(upstream.requests()).hasSize(before + 1);
    }

    @Test
    @Order(4)
    void header_shouldBypass_andRefuseForceOnlyMisses_inTheAnthropicEnvelope() throws Exception {
        int before = upstream.requests().size();

        HttpResponse<String> bypass = post(stack, body("2+2?", false), Map.of("x-portbroker-cache", "bypass"));
        HttpResponse<String> forced =
                post(stack, body("never asked", false), Map.of("x-portbroker-cache", "force-only"));
        HttpResponse<String> forcedHit = post(stack, body("2+2?", false), Map.of("x-portbroker-cache", "force-only"));
        HttpResponse<String> hot =
                post(stack, body("2+2?", false).replace("\"temperature\":0", "\"temperature\":0.9"), Map.of());

        assertThat(cacheHeader(bypass)).isEqualTo("bypass");
        assertThat(forced.statusCode()).isEqualTo(404);
        JsonNode error = JSON.readTree(forced.body());
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.path("error").path("type").asText()).isEqualTo("not_found_error");
        assertThat(error.path("error").path("message").asText()).contains("force-only");
        assertThat(cacheHeader(forcedHit)).isEqualTo("hit-l1");
        assertThat(cacheHeader(hot)).isEqualTo("skip");
        assertThat(upstream.requests()).hasSize(before + 2);
    }

    @Test
    @Order(5)
    void stream_shouldCallUpstreamOnce_whenFiftyIdenticalRequestsArriveTogether() throws Exception {
        upstream.script(req -> Replies.slowFirstToken(Duration.ofMillis(400), "to", "ge", "ther"));
        int before = upstream.requests().size();
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> post(stack, body("all at once", true), Map.of())));
            }
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                assertThat(r.statusCode()).isEqualTo(200);
                validate(r.body());
                assertThat(r.body()).contains("ther");
            }
        }

        assertThat(upstream.requests()).hasSize(before + 1);
    }

    @Test
    @Order(6)
    void admin_shouldShowStats_andInvalidateEverything() throws Exception {
        upstream.script(req -> req.path("stream").asBoolean()
                ? Replies.streamText(Duration.ZERO, "fo", "ur")
                : Replies.completion("four", List.of(), "stop"));

        HttpResponse<String> stats = admin("GET", "/admin/v1/cache/stats", null);
        HttpResponse<String> flushed = admin("POST", "/admin/v1/cache/invalidate", "{\"scope\":\"all\"}");
        HttpResponse<String> after = post(stack, body("2+2?", false), Map.of());

        assertThat(stats.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stats.body())
                        .path("routes")
                        .path("claude-sonnet-4-5")
                        .path("hit-l1")
                        .asInt())
                .isPositive();
        assertThat(flushed.statusCode()).isEqualTo(200);
        assertThat(cacheHeader(after)).isEqualTo("miss");
        assertThat(admin("GET", "/admin/v1/audit?action=cache.invalidate", null).body())
                .contains("cache.invalidate");
    }

    @Test
    @Order(8)
    void provider_edit_shouldMakeCachedAnswersMiss() {
        post(stack, body("before the edit", false), Map.of());
        assertThat(cacheHeader(post(stack, body("before the edit", false), Map.of())))
                .isEqualTo("hit-l1");

        HttpResponse<String> edited = admin("PUT", "/admin/v1/providers/fake", """
                {"id": "fake", "base_url": "%s", "api_key_env": "%s", "profile": {"max_output_tokens": 4096}}
                """.formatted(
                        upstream.baseUrl(), GatewayFixture.UPSTREAM_CREDENTIAL_ENV));

        upstream.script(req -> Replies.completion("four", List.of(), "stop"));
        assertThat(edited.statusCode()).isEqualTo(200);
        String outcome = "hit-l1";
        for (int i = 0; i < 50 && outcome.equals("hit-l1"); i++) {
            // the gateway re-reads the provider table every 100 ms in this test (portbroker.config-refresh)
            outcome = cacheHeader(post(stack, body("before the edit", false), Map.of()));
        }
        assertThat(outcome).isEqualTo("miss");
    }

    /** Runs before the provider edit: a starting stack re-seeds portbroker.yaml, which would undo the edit. */
    @Test
    @Order(7)
    void secondContainer_shouldHitL2_andL3ForLargeAnswers_thenPromoteToL1() {
        upstream.script(req -> Replies.completion(
                req.toString().contains("large") ? "x".repeat(400_000) : "small", List.of(), "stop"));
        post(stack, body("shared small", false), Map.of());
        post(stack, body("shared large", false), Map.of());
        stack.context().getBean(io.portbroker.core.cache.ResponseCache.class).flush(Duration.ofSeconds(10));
        int before = upstream.requests().size();

        second = start(prefix);
        HttpResponse<String> small = post(second, body("shared small", false), Map.of());
        HttpResponse<String> large = post(second, body("shared large", false), Map.of());
        HttpResponse<String> promoted = post(second, body("shared large", false), Map.of());

        assertThat(cacheHeader(small)).isEqualTo("hit-l2");
        assertThat(cacheHeader(large)).isEqualTo("hit-l3");
        assertThat(large.body()).hasSizeGreaterThan(400_000);
        assertThat(cacheHeader(promoted)).isEqualTo("hit-l1");
        assertThat(upstream.requests()).hasSize(before);
    }

    @Test
    @Order(9)
    void tiersDown_shouldCostNoClientErrors() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .endpointOverride(MotoEndpoint.resolve())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            dynamo.deleteTable(b -> b.tableName(prefix + "-response-cache"));
        }
        upstream.script(req -> Replies.completion("still fine", List.of(), "stop"));
        Map<Integer, Integer> statuses = new HashMap<>();

        for (int i = 0; i < 20; i++) {
            HttpResponse<String> r = post(second, body("down " + (i % 4), false), Map.of());
            statuses.merge(r.statusCode(), 1, Integer::sum);
        }

        assertThat(statuses).containsOnlyKeys(200);
    }
}
