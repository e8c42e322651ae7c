package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI Chat Completions API. Each POST to
 * {@code /v1/chat/completions} is answered by the script (request JSON to {@link Reply}); every request is
 * recorded with its headers. Streams are written frame by frame with real delays, so tests can observe
 * incremental delivery, cancellation, resets and hangs.
 */
public final class FakeOpenAiUpstream extends FakeHttpUpstream {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger cancelledStreams = new AtomicInteger();
    private final AtomicInteger gateTimeouts = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Function<JsonNode, Reply> script;

    private FakeOpenAiUpstream(Function<JsonNode, Reply> script) {
        this.script = script;
        listen();
    }

    /** Starts a server answering with {@code script}. */
    public static FakeOpenAiUpstream start(Function<JsonNode, Reply> script) {
        return new FakeOpenAiUpstream(script);
    }

    /**
     * A base URL where nothing listens (a port just bound and released), so connecting is refused: a provider
     * that is hard down.
     */
    public static URI closedPortBaseUrl() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/v1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Base URL to configure as the provider's base_url ({@code http://127.0.0.1:PORT/v1}). */
    public URI baseUrl() {
        return URI.create(loopback("/v1"));
    }

    public void script(Function<JsonNode, Reply> newScript) {
        this.script = newScript;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Streams whose client went away before the last frame was written. */
    public int cancelledStreams() {
        return cancelledStreams.get();
    }

    /** Gated frames that were written only because their gate timed out (the client never saw earlier ones). */
    public int gateTimeouts() {
        return gateTimeouts.get();
    }

    @Override
    protected void onClose() {
        closing.countDown();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
            requests.add(new Recorded(
                    exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, json));
            Reply reply = script.apply(json);
            switch (reply) {
                case Reply.Body b -> writeBody(exchange, b);
                case Reply.Stream s -> writeStream(exchange, s);
                case Reply.Hang h -> closing.await(10, TimeUnit.MINUTES);
                case Reply.Drop d -> throw new ResetSignal();
            }
            exchange.close();
        } catch (ResetSignal reset) {
            // an exception out of the handler makes the server drop the connection without ending the body
            throw new IOException("connection reset on purpose", reset);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private void writeStream(HttpExchange exchange, Reply.Stream s) throws IOException, InterruptedException {
        exchange.getResponseHeaders().add("content-type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        int written = 0;
        try {
            for (Reply.Frame frame : s.frames()) {
                if (frame.gate() != null && !frame.gate().await(10, TimeUnit.SECONDS)) {
                    gateTimeouts.incrementAndGet();
                }
                if (!frame.delay().isZero()) {
                    Thread.sleep(frame.delay().toMillis());
                }
                if (s.resetAfter() == written) {
                    throw new ResetSignal();
                }
                out.write(("data: " + frame.data() + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                written++;
            }
        } catch (IOException clientGone) {
            cancelledStreams.incrementAndGet();
        }
    }

    /** Thrown to abort an exchange without a proper end of body. */
    private static final class ResetSignal extends RuntimeException {
        ResetSignal() {
            super(null, null, false, false);
        }
    }

    /** A request the fake received. */
    public record Recorded(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        /** First value of a header, case-insensitive, or null. */
        public String header(String name) {
            return firstHeader(headers, name);
        }
    }
}
