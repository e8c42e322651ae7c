package io.portbroker.testkit.upstream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The HTTP plumbing every fake upstream shares: a real server on 127.0.0.1 at an ephemeral port, one virtual thread
 * per exchange, every path to {@link #handle}, stopped at once on {@link #close()}. Subclasses speak one upstream's
 * API and call {@link #listen()} last in their constructor, once their own fields are set.
 */
public abstract class FakeHttpUpstream implements AutoCloseable {
    private final HttpServer server;

    protected FakeHttpUpstream() {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Starts accepting requests; the last statement of a subclass constructor. */
    protected final void listen() {
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers one exchange; an exception drops the connection without ending the body. */
    protected abstract void handle(HttpExchange exchange) throws IOException;

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    protected final String loopback(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Called before the server stops (wake hanging handlers); does nothing by default. */
    protected void onClose() {}

    @Override
    public final void close() {
        onClose();
        server.stop(0);
    }

    /** Writes a whole body with its status and headers (no body for an empty one). */
    protected static void writeBody(HttpExchange exchange, Reply.Body b) throws IOException {
        byte[] bytes = b.body().getBytes(StandardCharsets.UTF_8);
        b.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(b.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** First value of a header, case-insensitive, or null: what the fakes' recorded requests answer. */
    static String firstHeader(Map<String, List<String>> headers, String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
