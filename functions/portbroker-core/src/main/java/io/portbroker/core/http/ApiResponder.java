package io.portbroker.core.http;

import io.portbroker.protocol.codec.ByteSink;
import java.util.Map;

/**
 * How a shell sends the answer. Exactly one of {@link #respond} or {@link #startStream} is called, once.
 * Implementations must be safe to call from any thread.
 */
public interface ApiResponder {

    /** Sends a complete response. */
    void respond(int status, Map<String, String> headers, byte[] body);

    /**
     * Commits a streamed response (status and headers go out now) and returns the sink for its body; each
     * {@code write} must reach the client promptly (flushed). Writing after the client left throws
     * {@link io.portbroker.error.CancelledError}.
     */
    ByteSink startStream(int status, Map<String, String> headers);

    /** Registers code to run once if the client disconnects before the response is complete. */
    void onCancel(Runnable action);

    /** Ends a streamed response normally. */
    void endStream();
}
