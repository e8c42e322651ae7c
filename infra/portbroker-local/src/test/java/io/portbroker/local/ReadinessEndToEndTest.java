package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /health/ready} over its own moto server, which the test then stops: the background checks must turn
 * the answer into a 503 without a request ever touching DynamoDB itself.
 */
class ReadinessEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static int motoPort;
    static GatewayFixture gw;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            motoPort = s.getLocalPort();
        }
        String endpoint = moto("start").strip();
        gw = GatewayFixture.start(endpoint, Map.of("portbroker.observability.readiness-interval", "200ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (gw != null) {
            gw.close();
        }
        moto("stop");
    }

    /** Runs scripts/moto.sh for this test's own port. */
    private static String moto(String action) throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isRegularFile(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        ProcessBuilder b = "stop".equals(action)
                ? new ProcessBuilder("bash", "scripts/moto.sh", "stop")
                : new ProcessBuilder("bash", "scripts/moto.sh");
        b.directory(root.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        b.environment().put("PB_MOTO_PORT", Integer.toString(motoPort));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("scripts/moto.sh " + action + " failed");
        }
        return out;
    }

    private static HttpResponse<String> ready() throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health/ready"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void ready_shouldAnswer503Unhealthy_whenTheEmulatorStops() throws Exception {
        // given: healthy while moto runs
        assertThat(ready().statusCode()).isEqualTo(200);

        // when
        moto("stop");

        // then: within a few refresh intervals (bounded), the cached report turns unhealthy
        HttpResponse<String> r = ready();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (r.statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = ready();
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).isEqualTo("unhealthy");
        assertThat(body.path("checks").path("dynamodb").asText()).isEqualTo("unhealthy");
        // and liveness stays up: the process is fine, its dependencies are not
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);
    }
}
