package io.portbroker.lambda;

import io.portbroker.core.http.ApiResponder;
import io.portbroker.error.CancelledError;
import io.portbroker.protocol.codec.ByteSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Answers one invocation through a streamed HTTP integration response: the JSON prelude (status, headers) and
 * eight NUL bytes, then the body as it is written.
 */
final class StreamingResponder implements ApiResponder {
    private final RuntimeApiClient client;
    private final String requestId;
    private final List<Runnable> cancelActions = new ArrayList<>();
    private RuntimeApiClient.ResponseStream stream;

    StreamingResponder(RuntimeApiClient client, String requestId) {
        this.client = client;
        this.requestId = requestId;
    }

    @Override
    public synchronized void respond(int status, Map<String, String> headers, byte[] body) {
        if (stream != null) {
            throw new IllegalStateException("response already started");
        }
        stream = client.openResponse(requestId);
        stream.write(RuntimeApiClient.ResponseStream.prelude(status, headers));
        if (body.length > 0) {
            stream.write(body);
        }
        stream.close();
    }

    @Override
    public synchronized ByteSink startStream(int status, Map<String, String> headers) {
        if (stream != null) {
            throw new IllegalStateException("response already started");
        }
        stream = client.openResponse(requestId);
        stream.write(RuntimeApiClient.ResponseStream.prelude(status, headers));
        RuntimeApiClient.ResponseStream s = stream;
        return bytes -> {
            if (!s.write(bytes)) {
                cancelled();
                throw new CancelledError("the response stream was closed");
            }
        };
    }

    @Override
    public synchronized void onCancel(Runnable action) {
        cancelActions.add(action);
    }

    @Override
    public synchronized void endStream() {
        if (stream != null) {
            stream.close();
        }
    }

    synchronized boolean started() {
        return stream != null;
    }

    private void cancelled() {
        List<Runnable> actions;
        synchronized (this) {
            actions = List.copyOf(cancelActions);
        }
        actions.forEach(Runnable::run);
    }
}
