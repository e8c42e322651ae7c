package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.settings.InfrastructureSettings;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.HeldReply;
import io.portbroker.testkit.upstream.Replies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.StreamSupport;
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
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The start-up groups ({@code portbroker.overload.*}, {@code upstream.*}, {@code media-urls.*}, …) in a running
 * server on the emulator: set in portbroker.yaml's {@code settings:} and overridden in SSM before the start, they
 * show with source {@code remote}; a reloadable one changed through {@code PATCH /admin/v1/config} or SSM changes
 * what the server does within the poll interval; a restart-required one is refused with the reason, the old value
 * kept and an audit record.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupGroupsReloadEndToEndTest {
    private static final Duration WITHIN = Duration.ofSeconds(6);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static FakeOpenAiUpstream upstream;
    static LocalStack stack;
    static SsmClient ssm;
    static String prefix;
    static String adminKey;
    static String clientKey;

    @BeforeAll
    static void start() throws IOException {
        upstream = FakeOpenAiUpstream.start(req -> Replies.completion("x".repeat(2_000), List.of(), "stop"));
        prefix = "pbgrp-" + UUID.randomUUID().toString().substring(0, 8);
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        clientKey = ApiKeyFormat.generate(new SecureRandom());
        ssm = SsmClient.builder()
                .endpointOverride(MotoEndpoint.resolve())
                .region(Region.of(InfrastructureSettings.ofDefaults().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        // given: SSM overrides one value the file sets, before the server starts
        putParameter("overload/retry-after-seconds", "7");
        Path config = Files.createTempFile("portbroker-groups", ".yaml");
        Files.writeString(config, """
                providers:
                  - id: a
                    base_url: %s
                    api_key_env: PB_FAKE_UPSTREAM_KEY
                routes:
                  - model: claude-groups
                    targets:
                      - provider: a
                        model: m
                settings:
                  infrastructure:
                    config-poll: 1s
                  runtime:
                    breaker:
                      minimum-calls: 100000
                  overload:
                    retry-after-seconds: 3
                  upstream:
                    max-body-bytes: 100000
                """.formatted(upstream.baseUrl()));
        stack = LocalStack.start(
                LocalStack.Settings.builder(MotoEndpoint.resolve().toString(), config)
                        .port(-1)
                        .tablePrefix(prefix)
                        .bootstrapKey(clientKey)
                        .bootstrapAdminKey(adminKey)
                        .build(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        stack.close();
        upstream.close();
        ssm.close();
    }

    @Test
    @Order(1)
    void effective_shouldShowTheSsmValueOverTheYamlOne_whenBothSetAStartupGroupKey() {
        // when
        JsonNode retryAfter = setting("portbroker.overload.retry-after-seconds");
        JsonNode bodyLimit = setting("portbroker.upstream.max-body-bytes");

        // then
        assertThat(retryAfter.get("value").asText()).isEqualTo("7");
        assertThat(retryAfter.get("source").asText()).isEqualTo("remote");
        assertThat(retryAfter.get("reloadable").asBoolean()).isTrue();
        assertThat(bodyLimit.get("value").asText()).isEqualTo("100000");
        assertThat(bodyLimit.get("source").asText()).isEqualTo("file");
        assertThat(setting("portbroker.media-urls.allow-http").get("reloadable").asBoolean())
                .isFalse();
    }

    @Test
    @Order(2)
    void patchConfig_shouldChangeTheOverloadBoundARunningServerApplies_whenReloadable() throws Exception {
        // when: one request in flight at most
        HttpResponse<String> edit = patch("{\"portbroker.overload.max-in-flight\":\"1\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);

        // then: with one request held by the provider, the next is refused with SSM's retry-after
        HeldReply hold = new HeldReply();
        upstream.script(hold.answering(Replies.completion("held", List.of(), "stop")));
        CompletableFuture<HttpResponse<String>> held = HTTP.sendAsync(message(), HttpResponse.BodyHandlers.ofString());
        try {
            assertThat(hold.awaitEntered()).isTrue();
            HttpResponse<String> refused = HTTP.send(message(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
            assertThat(refused.headers().firstValue("retry-after")).hasValue("7");
        } finally {
            hold.release();
        }
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        upstream.script(req -> Replies.completion("x".repeat(2_000), List.of(), "stop"));

        // when: the bound is removed again (back to the default)
        assertThat(patch("{\"portbroker.overload.max-in-flight\":null}").statusCode())
                .isEqualTo(200);

        // then
        assertThat(HTTP.send(message(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void upstreamBodyLimit_shouldFollowAPatchAndThenAnSsmEdit_whenChangedWhileRunning() throws Exception {
        // given: the 2 KB answer passes the file's 100000-byte limit
        assertThat(HTTP.send(message(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        // when: the limit drops to 1000 bytes through the admin API
        HttpResponse<String> edit = patch("{\"upstream.max-body-bytes\":\"1000\"}");

        // then: at once in this container
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
        HttpResponse<String> tooLong = HTTP.send(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLong.statusCode()).as(tooLong.body()).isEqualTo(502);
        assertThat(tooLong.body()).contains("1000-byte limit");

        // when: an operator raises it in SSM (out of band: no version bump)
        putParameter("upstream/max-body-bytes", "50000");

        // then: within the poll interval
        await(() -> status() == 200);
        assertThat(setting("portbroker.upstream.max-body-bytes").get("source").asText())
                .isEqualTo("remote");
    }

    @Test
    @Order(4)
    void restartRequiredKey_shouldBeRefusedWithTheReasonAndAudited_whenPatchedOrChangedInSsm() {
        // given
        long version = version();

        // when: an edit of a start-up-only key
        HttpResponse<String> edit = patch("{\"portbroker.media-urls.allow-http\":\"true\"}");

        // then: refused with the key, the old value and the version kept, the reason in the audit trail
        assertThat(edit.statusCode()).isEqualTo(400);
        assertThat(json(edit).get("message").asText()).contains("restart required: portbroker.media-urls.allow-http");
        assertThat(setting("portbroker.media-urls.allow-http").get("value").asText())
                .isEqualTo("false");
        assertThat(version()).isEqualTo(version);
        assertThat(audited("config.update_rejected", "restart required: portbroker.media-urls.allow-http"))
                .isTrue();
        double failures = failures();

        // when: the same change made in SSM
        putParameter("media-urls/allow-http", "true");

        // then: the reload is refused whole, the old value kept
        await(() -> audited("config.reload_rejected", "restart required: portbroker.media-urls.allow-http"));
        assertThat(setting("portbroker.media-urls.allow-http").get("value").asText())
                .isEqualTo("false");
        assertThat(setting("portbroker.media-urls.allow-http").get("source").asText())
                .isEqualTo("default");
        assertThat(failures()).isGreaterThan(failures);
        ssm.deleteParameter(b -> b.name(parameter("media-urls/allow-http")));
    }

    private static double failures() {
        return stack.context()
                .getBean(io.portbroker.core.metrics.InMemoryMetrics.class)
                .counter(ConfigSnapshots.FAILURES, Map.of());
    }

    private static HttpRequest message() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port() + "/v1/messages"))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("x-api-key", clientKey)
                .POST(HttpRequest.BodyPublishers.ofString(
                        io.portbroker.testkit.Requests.messages("claude-groups").json()))
                .build();
    }

    private static int status() {
        try {
            return HTTP.send(message(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static HttpResponse<String> patch(String settings) {
        return admin("PATCH", "/admin/v1/config", "{\"version\":%d,\"settings\":%s}".formatted(version(), settings));
    }

    private static void putParameter(String name, String value) {
        ssm.putParameter(
                b -> b.name(parameter(name)).type("String").value(value).overwrite(true));
    }

    private static String parameter(String name) {
        return "/" + prefix + "/config/" + name;
    }

    private static boolean audited(String action, String reason) {
        JsonNode page = json(admin("GET", "/admin/v1/audit?stream=admin&action=" + action, null));
        return StreamSupport.stream(page.get("data").spliterator(), false)
                .anyMatch(r -> r.toString().contains(reason));
    }

    private static JsonNode setting(String key) {
        JsonNode effective = json(admin("GET", "/admin/v1/config/effective", null));
        return StreamSupport.stream(effective.get("settings").spliterator(), false)
                .filter(r -> r.get("key").asText().equals(key))
                .findFirst()
                .orElseThrow();
    }

    private static long version() {
        return json(admin("GET", "/admin/v1/config/effective", null))
                .get("version")
                .asLong();
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return call(stack, method, path, Map.of("x-api-key", adminKey), body);
    }

    /** Waits for the running server's poll (bounded: {@link #WITHIN}, a few poll intervals). */
    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WITHIN);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("not reached within " + WITHIN).isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
