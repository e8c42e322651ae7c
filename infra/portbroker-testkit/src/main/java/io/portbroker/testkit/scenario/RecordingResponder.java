package io.portbroker.testkit.scenario;

import io.portbroker.core.http.ApiResponder;
import io.portbroker.protocol.codec.ByteSink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@link ApiResponder} that keeps what the API sent: status, headers, body or stream bytes. Thread-safe. */
public final class RecordingResponder implements ApiResponder {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Runnable> cancelActions = new ArrayList<>();
    private int status;
    private boolean streamed;

    @Override
    public synchronized void respond(int status, Map<String, String> headers, byte[] bytes) {
        if (this.status != 0) {
            throw new IllegalStateException("response already started");
        }
        this.status = status;
        this.headers.putAll(headers);
        body.writeBytes(bytes);
    }

    @Override
    public synchronized ByteSink startStream(int status, Map<String, String> headers) {
        if (this.status != 0) {
            throw new IllegalStateException("response already started");
        }
        this.status = status;
        this.headers.putAll(headers);
        this.streamed = true;
        return bytes -> {
            synchronized (RecordingResponder.this) {
                body.writeBytes(bytes);
            }
        };
    }

    @Override
    public synchronized void onCancel(Runnable action) {
        cancelActions.add(action);
    }

    @Override
    public void endStream() {
        // nothing to flush: the bytes are already kept
    }

    /** Runs the registered cancel actions, as a shell does when the client disconnects. */
    public void disconnect() {
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(cancelActions);
        }
        actions.forEach(Runnable::run);
    }

    /** What the client received. */
    public synchronized Exchange exchange() {
        return new Exchange(status, Map.copyOf(headers), body.toString(StandardCharsets.UTF_8), streamed);
    }

    /**
     * A finished exchange.
     *
     * @param status the HTTP status
     * @param headers response headers
     * @param body the body, or every SSE frame written
     * @param streamed whether the answer was an SSE stream
     */
    public record Exchange(int status, Map<String, String> headers, String body, boolean streamed) {}
}
