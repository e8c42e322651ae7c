package io.portbroker.protocol.codec;

import io.portbroker.error.GatewayException;

/**
 * Turns one upstream SSE stream into IR {@link io.portbroker.protocol.ir.StreamEvent}s. Not thread-safe: one
 * instance per stream, fed in order. Emits {@code MessageStart} on the first call, and exactly one of
 * {@code Finish} or {@code Error} at the end.
 */
public interface StreamDecoder {

    /** Feeds the {@code data:} payload of one upstream SSE frame ({@code [DONE]} included). */
    void onData(String data);

    /**
     * The upstream closed the stream normally. If no finish reason was ever seen, the stream was cut: emits an
     * {@code Error}, never a made-up {@code end_turn}.
     */
    void onEnd();

    /** The upstream failed mid-stream: closes open blocks as needed and emits an {@code Error}. */
    void onFailure(GatewayException failure);

    /** True once a {@code Finish} or {@code Error} has been emitted. */
    boolean isDone();
}
