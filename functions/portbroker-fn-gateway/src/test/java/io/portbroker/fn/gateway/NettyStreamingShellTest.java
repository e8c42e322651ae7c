package io.portbroker.fn.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.protocol.codec.ByteSink;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Netty shell passes streamed bytes through untouched and incrementally, and reports disconnects. */
class NettyStreamingShellTest {
    static final CountDownLatch FIRST_READ = new CountDownLatch(1);
    static final CountDownLatch CANCELLED = new CountDownLatch(1);
    static ApplicationContext context;
    static EmbeddedServer server;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run(Map.of("micronaut.server.port", -1, "spec.name", "NettyStreamingShellTest"));
        server = context.getBean(EmbeddedServer.class).start();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void handle_shouldStreamBytesVerbatimAndIncrementally_whenHandlerStreams() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/stream?x=1"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("event: one");
        FIRST_READ.countDown();
        StringBuilder rest = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            rest.append(line).append('\n');
        }
        assertThat(rest.toString()).isEqualTo("data: {\"a\":1}\n\nevent: two\ndata: {}\n\n");
    }

    @Test
    void head_shouldBeAnsweredByTheHandler_whenClientProbesWithHead() throws Exception {
        HttpResponse<Void> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.discarding());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void handle_shouldRunCancelActions_whenClientDisconnects() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/endless"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        response.body().read();
        response.body().close();

        assertThat(CANCELLED.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Factory
    @Requires(property = "spec.name", value = "NettyStreamingShellTest")
    static class TestHandlerFactory {
        @Singleton
        @io.micronaut.context.annotation.Replaces(
                bean = ApiHandler.class,
                factory = io.portbroker.wiring.GatewayFactory.class)
        ApiHandler handler() {
            return (request, responder) -> {
                if (request.method().equals("HEAD")) {
                    responder.respond(200, Map.of("content-type", "application/json"), new byte[0]);
                    return;
                }
                if (request.path().equals("/endless")) {
                    responder.onCancel(CANCELLED::countDown);
                    ByteSink sink = responder.startStream(200, Map.of("content-type", "text/event-stream"));
                    try {
                        for (int i = 0; i < 600; i++) {
                            sink.write("event: ping\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                            Thread.sleep(50);
                        }
                    } catch (RuntimeException | InterruptedException gone) {
                        return;
                    }
                    return;
                }
                ByteSink sink = responder.startStream(200, Map.of("content-type", "text/event-stream"));
                sink.write("event: one\ndata: {\"a\":1}\n\n".getBytes(StandardCharsets.UTF_8));
                try {
                    assertThat(FIRST_READ.await(10, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                sink.write("event: two\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                responder.endStream();
            };
        }
    }
}
