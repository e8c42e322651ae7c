package io.portbroker.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.protocol.codec.ByteSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Drives the loop against a fake Lambda Runtime API over real HTTP and checks the streamed wire format. */
class StreamingRuntimeLoopTest {
    private static final String EVENT = """
            {"httpMethod":"POST","path":"/v1/messages","multiValueHeaders":{"X-Api-Key":["k"],"Content-Type":["application/json"]},
             "multiValueQueryStringParameters":{"beta":["true"]},"body":"eyJhIjoxfQ==","isBase64Encoded":true,
             "requestContext":{"requestId":"abc"}}
            """;

    private HttpServer server;
    private final CountDownLatch firstChunkSeen = new CountDownLatch(1);
    private final CompletableFuture<byte[]> responseBody = new CompletableFuture<>();
    private final AtomicReference<Map<String, List<String>>> responseHeaders = new AtomicReference<>();
    private final CompletableFuture<String> errorBody = new CompletableFuture<>();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RuntimeApiClient startFakeRuntime(String event) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2018-06-01/runtime/invocation/next", ex -> {
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", "req-1");
            ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", "4102444800000");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.createContext("/2018-06-01/runtime/invocation/req-1/response", ex -> {
            responseHeaders.set(Map.copyOf(ex.getRequestHeaders()));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = ex.getRequestBody();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                all.write(buf, 0, n);
                if (new String(all.toByteArray(), StandardCharsets.UTF_8).contains("event: one")) {
                    firstChunkSeen.countDown();
                }
            }
            ex.sendResponseHeaders(202, -1);
            ex.close();
            responseBody.complete(all.toByteArray());
        });
        server.createContext("/2018-06-01/runtime/invocation/req-1/error", ex -> {
            errorBody.complete(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(202, -1);
            ex.close();
        });
        server.start();
        return new RuntimeApiClient("127.0.0.1:" + server.getAddress().getPort(), HttpClient.newHttpClient());
    }

    @Test
    void runOnce_shouldStreamPreludeNulsAndEventsIncrementally_whenHandlerStreams() throws Exception {
        RuntimeApiClient client = startFakeRuntime(EVENT);
        AtomicReference<ApiRequest> seen = new AtomicReference<>();
        io.portbroker.core.http.ApiHandler handler = (request, responder) -> {
            seen.set(request);
            ByteSink sink = responder.startStream(200, Map.of("content-type", "text/event-stream"));
            sink.write("event: one\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            try {
                // the second event is only produced after the runtime has received the first one
                assertThat(firstChunkSeen.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            sink.write("event: two\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
            responder.endStream();
        };

        new StreamingRuntimeLoop(client, handler).runOnce();

        byte[] body = responseBody.get(10, TimeUnit.SECONDS);
        String text = new String(body, StandardCharsets.UTF_8);
        int nulStart = text.indexOf('\0');
        assertThat(text.substring(0, nulStart))
                .contains("\"statusCode\":200")
                .contains("\"content-type\":\"text/event-stream\"");
        byte[] nuls = Arrays.copyOfRange(body, nulStart, nulStart + 8);
        assertThat(nuls).containsOnly(0);
        assertThat(text.substring(nulStart + 8)).isEqualTo("event: one\ndata: {}\n\nevent: two\ndata: {}\n\n");
        assertThat(responseHeaders.get().get("Lambda-runtime-function-response-mode"))
                .containsExactly("streaming");
        assertThat(responseHeaders.get().get("Content-type"))
                .containsExactly(RuntimeApiClient.HTTP_INTEGRATION_RESPONSE);
        assertThat(seen.get().method()).isEqualTo("POST");
        assertThat(seen.get().path()).isEqualTo("/v1/messages");
        assertThat(seen.get().query()).isEqualTo("beta=true");
        assertThat(seen.get().header("x-api-key")).contains("k");
        assertThat(new String(seen.get().body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void runOnce_shouldPutTheLambdaRequestIdAndColdStartInEveryLogLine_whileAnInvocationRuns() throws Exception {
        RuntimeApiClient client = startFakeRuntime(EVENT);
        List<Map<String, String>> logContext = new java.util.concurrent.CopyOnWriteArrayList<>();
        StreamingRuntimeLoop loop = new StreamingRuntimeLoop(client, (request, responder) -> {
            logContext.add(org.slf4j.MDC.getCopyOfContextMap());
            responder.respond(200, Map.of("content-type", "application/json"), "{}".getBytes());
        });

        loop.runOnce();
        loop.runOnce();

        assertThat(logContext).hasSize(2);
        assertThat(logContext.get(0))
                .containsEntry(StreamingRuntimeLoop.LAMBDA_REQUEST_ID, "req-1")
                .containsEntry(StreamingRuntimeLoop.COLD_START, "true");
        assertThat(logContext.get(1))
                .containsEntry(StreamingRuntimeLoop.LAMBDA_REQUEST_ID, "req-1")
                .containsEntry(StreamingRuntimeLoop.COLD_START, "false");
        assertThat(org.slf4j.MDC.get(StreamingRuntimeLoop.LAMBDA_REQUEST_ID))
                .as("cleared after")
                .isNull();
    }

    @Test
    void runOnce_shouldSendCompleteBody_whenHandlerResponds() throws Exception {
        RuntimeApiClient client = startFakeRuntime(EVENT);

        new StreamingRuntimeLoop(
                        client,
                        (request, responder) -> responder.respond(
                                404, Map.of("content-type", "application/json"), "{\"x\":1}".getBytes()))
                .runOnce();

        String text = new String(responseBody.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertThat(text).startsWith("{").contains("\"statusCode\":404").endsWith("\0\0\0\0\0\0\0\0{\"x\":1}");
    }

    @Test
    void runOnce_shouldReportInvocationError_whenEventIsNotAProxyEvent() throws Exception {
        RuntimeApiClient client = startFakeRuntime("[1,2,3]");

        new StreamingRuntimeLoop(client, (request, responder) -> {}).runOnce();

        assertThat(errorBody.get(10, TimeUnit.SECONDS)).contains("InvalidEvent");
    }
}
