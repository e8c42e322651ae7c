package io.portbroker.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.codec.ByteSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Keeps the one complete response an API gave; a streamed answer fails the test. */
public final class RecordingResponder implements ApiResponder {
    private static final ObjectMapper JSON = new ObjectMapper();

    public int status;
    public Map<String, String> headers;
    public byte[] body;

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public ByteSink startStream(int status, Map<String, String> headers) {
        throw new IllegalStateException("no stream expected");
    }

    @Override
    public void onCancel(Runnable action) {}

    @Override
    public void endStream() {
        throw new IllegalStateException("no stream expected");
    }

    /** The body as JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
