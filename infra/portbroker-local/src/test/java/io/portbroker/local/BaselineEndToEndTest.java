package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.keys.ApiKeyFormat;
import io.portbroker.testkit.MotoEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./pb baseline save} against a running stack (the real server here): after 6 streamed chat calls, 4 of them the
 * same request, the script (run as a process, 3 samples 0.2 s apart, bounded to 60 s) writes baseline_v1.json
 * with the latency percentiles, request count, tokens, the heap curve, the cost from the admin API and a cache-hit
 * potential of 3/6 (the cache is off in this stack).
 */
class BaselineEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static GatewayFixture gw;
    static String adminKey;

    @BeforeAll
    static void start() {
        adminKey = ApiKeyFormat.generate(new SecureRandom());
        gw = GatewayFixture.start(MotoEndpoint.resolve().toString(), Map.of(), adminKey);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static int chat(String text) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                                .header("x-api-key", gw.clientKey)
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"claude-sonnet-4-5\","
                                        + "\"max_tokens\":10,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\""
                                        + text + "\"}]}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    @Test
    void save_shouldWriteTheBaselineFromTheRunningStack_whenRequestsWereServed() throws Exception {
        for (String text : new String[] {"same", "same", "same", "same", "other", "third"}) {
            assertThat(chat(text)).isEqualTo(200);
        }
        Path dir = Files.createTempDirectory("baselines");

        ProcessBuilder pb = new ProcessBuilder(
                        "python3",
                        repositoryRoot().resolve("scripts/baseline.py").toString(),
                        "save",
                        "e2e")
                .redirectErrorStream(true);
        pb.environment()
                .putAll(Map.of(
                        "PB_URL",
                        gw.baseUrl(),
                        "PB_BASELINE_DIR",
                        dir.toString(),
                        "PB_BASELINE_SAMPLES",
                        "3",
                        "PB_BASELINE_INTERVAL",
                        "0.2",
                        "PORTBROKER_ADMIN_KEY",
                        adminKey));
        Process process = pb.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();

        JsonNode saved = JSON.readTree(dir.resolve("baseline_v1.json").toFile());
        assertThat(output.strip()).endsWith("baseline_v1.json");
        assertThat(saved.path("name").asText()).isEqualTo("e2e");
        assertThat(saved.path("requests").asDouble()).isGreaterThanOrEqualTo(6);
        assertThat(saved.path("latency_ms").path("p50").asDouble()).isPositive();
        assertThat(saved.path("latency_ms").path("p99").asDouble())
                .isGreaterThanOrEqualTo(saved.path("latency_ms").path("p50").asDouble());
        assertThat(saved.path("tokens").path("input").asDouble()).isPositive();
        assertThat(saved.path("memory_heap_bytes")).hasSize(3);
        assertThat(saved.path("memory_heap_bytes").get(0).asDouble()).isPositive();
        assertThat(saved.path("cache_hit_potential").asDouble()).isEqualTo(0.5);
        assertThat(saved.has("cost_usd")).isTrue();
        assertThat(saved.path("error_rate").isObject()).isTrue();
    }
}
