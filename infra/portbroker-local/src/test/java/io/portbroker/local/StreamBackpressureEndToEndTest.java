package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.portbroker.core.keys.ApiKeyFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Memory under a slow client: a provider streams 50 MB as fast as it can, the client stops reading after the first
 * bytes. The gateway must stop reading the provider (backpressure) instead of buffering the answer, so the provider
 * stalls far short of 50 MB and the heap stays bounded.
 */
class StreamBackpressureEndToEndTest {
    private static final long UPSTREAM_BYTES = 50L * 1024 * 1024;
    private static final long MAX_HEAP_GROWTH = 64L * 1024 * 1024;
    private static final AtomicLong written = new AtomicLong();
    private static HttpServer upstream;
    private static LocalStack stack;
    private static String key;

    @BeforeAll
    static void start() throws IOException {
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        upstream.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("content-type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                streamFast(out);
            } catch (IOException clientGone) {
                // the gateway closed the upstream (client gone or a stream cap): stop writing
            }
        });
        upstream.start();
        key = ApiKeyFormat.generate(new SecureRandom());
        Path config = Files.createTempFile("portbroker-backpressure", ".yaml");
        Files.writeString(
                config, """
                version: 1
                providers:
                  - id: fast
                    base_url: http://127.0.0.1:%d/v1
                    api_key_env: %s
                    timeouts: {connect: 2s, first_token: 10s, idle: 60s, total: 120s}
                    profile: {max_output_tokens: 8192}
                routes:
                  - model: claude-sonnet-4-5
                    targets: [{provider: fast, model: fast-model}]
                """.formatted(upstream.getAddress().getPort(), GatewayFixture.UPSTREAM_CREDENTIAL_ENV));
        stack = TestStacks.startQuietly(TestStacks.settings(
                        config, "pbtest-" + UUID.randomUUID().toString().substring(0, 8))
                .bootstrapKey(key));
    }

    @AfterAll
    static void stop() {
        stack.close();
        upstream.stop(0);
    }

    /** Role chunk, ~1 KB text chunks written 16 at a time until 50 MB, finish, usage, [DONE]. */
    private static void streamFast(OutputStream out) throws IOException {
        String text = "y".repeat(1000);
        byte[] role = frame("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}");
        byte[] chunk = frame("{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"}}]}");
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < 16; i++) {
            batch.write(chunk);
        }
        byte[] many = batch.toByteArray();
        out.write(role);
        out.flush();
        while (written.get() < UPSTREAM_BYTES) {
            out.write(many);
            written.addAndGet(many.length);
        }
        out.write(frame("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":50000,\"total_tokens\":50005}}"));
        out.write("data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] frame(String json) {
        return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void stream_shouldStopReadingTheProviderAndKeepTheHeapBounded_whenTheClientReadsSlowly() throws Exception {
        // given
        long heapBefore = usedHeapAfterGc();
        String body = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"stream\":true,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        try (Socket socket = new Socket("127.0.0.1", stack.port())) {
            socket.setReceiveBufferSize(64 * 1024);
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/messages HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                            + "anthropic-version: 2023-06-01\r\nx-api-key: " + key + "\r\ncontent-length: "
                            + body.length() + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(4096);
            assertThat(new String(first, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200");

            // when: the client stops reading until the provider has stalled (or, without backpressure, finished)
            long stalledAt = awaitUpstreamStall();
            long heapGrowth = usedHeapAfterGc() - heapBefore;
            System.out.printf("provider stalled at %d bytes, heap growth %d bytes%n", stalledAt, heapGrowth);

            // then
            assertThat(stalledAt).as("bytes the provider could write").isLessThan(UPSTREAM_BYTES / 2);
            assertThat(heapGrowth).as("heap growth in bytes").isLessThan(MAX_HEAP_GROWTH);

            // and the stream still ends properly once the client reads on (message_stop, or an error event where a
            // per-stream cap cut it)
            String tail = readTail(in);
            assertThat(tail).containsAnyOf("event: message_stop", "event: error");
        }
    }

    /** Polls the provider's byte count until it has not moved for one second (at most 60 s). */
    private static long awaitUpstreamStall() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        long last = -1;
        int still = 0;
        while (System.nanoTime() < deadline && still < 10 && written.get() < UPSTREAM_BYTES) {
            long now = written.get();
            still = now == last ? still + 1 : 0;
            last = now;
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return written.get();
    }

    private static String readTail(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        byte[] tail = new byte[0];
        int n;
        while ((n = in.read(buffer)) > 0) {
            String s = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            tail = (new String(tail, StandardCharsets.ISO_8859_1) + s)
                    .substring(Math.max(0, tail.length + n - 4096))
                    .getBytes(StandardCharsets.ISO_8859_1);
            if (s.contains("event: message_stop") || s.contains("event: error") || s.endsWith("0\r\n\r\n")) {
                break;
            }
        }
        return new String(tail, StandardCharsets.ISO_8859_1);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
