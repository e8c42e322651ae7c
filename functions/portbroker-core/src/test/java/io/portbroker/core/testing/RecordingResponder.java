package io.portbroker.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.protocol.codec.ByteSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An {@link ApiResponder} that records what an API sent. Like a real shell it refuses a plain response once a
 * stream has been committed, so tests see what the API does when an error comes too late.
 */
public final class RecordingResponder implements ApiResponder {
    private static final ObjectMapper JSON = new ObjectMapper();

    public int status;
    public Map<String, String> headers = Map.of();
    public final ByteArrayOutputStream body = new ByteArrayOutputStream();
    public int responses;
    public boolean streamStarted;
    public boolean streamEnded;
    public final List<Runnable> cancelActions = new ArrayList<>();
    private int streamWritesLeft = Integer.MAX_VALUE;

    /** Makes the stream sink fail after {@code count} writes, as a shell whose connection broke. */
    public RecordingResponder breakStreamAfter(int count) {
        streamWritesLeft = count;
        return this;
    }

    @Override
    public synchronized void respond(int status, Map<String, String> headers, byte[] body) {
        if (streamStarted) {
            throw new IllegalStateException("the response is already committed");
        }
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body.writeBytes(body);
        responses++;
    }

    @Override
    public synchronized ByteSink startStream(int status, Map<String, String> headers) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        streamStarted = true;
        responses++;
        return bytes -> {
            synchronized (this) {
                if (streamWritesLeft-- <= 0) {
                    throw new IllegalStateException("shell buffer closed");
                }
                body.writeBytes(bytes);
            }
        };
    }

    @Override
    public synchronized void onCancel(Runnable action) {
        cancelActions.add(action);
    }

    @Override
    public synchronized void endStream() {
        streamEnded = true;
    }

    public synchronized String text() {
        return body.toString(StandardCharsets.UTF_8);
    }

    public synchronized JsonNode json() {
        try {
            return JSON.readTree(body.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String header(String name) {
        return headers.get(name);
    }
}
