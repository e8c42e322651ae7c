package io.portbroker.core.upstream;

import io.portbroker.protocol.ir.StreamEvent;
import java.io.IOException;
import java.util.Optional;

/**
 * A streamed answer from an {@link UpstreamClient} as IR events, pulled one at a time by the reading thread (so a
 * slow client slows the upstream instead of filling memory). A normal stream ends with a {@code Finish} event, then
 * {@link #next()} answers empty. Closing it cancels the upstream call and wakes a blocked {@link #next()}.
 */
public interface UpstreamEvents extends AutoCloseable {

    /**
     * The next event, waiting for it; empty once the stream has ended normally.
     *
     * @throws IOException when the stream was closed (cancelled, timed out) or the connection failed
     * @throws io.portbroker.error.GatewayException the mapped failure the upstream reported inside the stream
     */
    Optional<StreamEvent> next() throws IOException;

    /** Cancels the upstream call; idempotent, callable from any thread. */
    @Override
    void close();
}
