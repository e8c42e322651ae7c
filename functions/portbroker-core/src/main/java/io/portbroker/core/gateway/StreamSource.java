package io.portbroker.core.gateway;

import io.portbroker.error.GatewayException;
import java.io.IOException;
import java.util.function.LongConsumer;

/**
 * What {@link StreamRunner} pumps to the client: an HTTP answer's SSE frames through its dialect's decoder
 * ({@link SseStreamSource}), or the IR events of an SDK-backed upstream ({@link EventStreamSource}). The runner
 * owns the commit, the watchdog's time limits, pings, the byte cap and the failure reporting around either.
 */
interface StreamSource {

    /**
     * Reads to the end of the upstream stream, calling {@code beforeUnit} with the upstream bytes read so far before
     * each frame or event is handed on (it may throw to stop the stream).
     *
     * @throws IOException when the upstream connection failed or was closed
     * @throws UpstreamFailed when the upstream reported a failure inside the stream
     */
    void read(LongConsumer beforeUnit) throws IOException;

    /** The upstream ended normally: a stream without a finish reason is reported as cut. */
    void end();

    /** Reports {@code failure} in-stream (the client was already committed). */
    void fail(GatewayException failure);

    /** Aborts the upstream call; callable from any thread, idempotent. */
    void close();

    /** A failure the upstream reported inside the stream, carried out of {@link #read}. */
    final class UpstreamFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient GatewayException failure;

        UpstreamFailed(GatewayException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }

        GatewayException failure() {
            return failure;
        }
    }
}
