package io.portbroker.fn.gateway;

import io.portbroker.protocol.codec.ByteSink;

/**
 * The body of one streamed response as the server sends it: {@link #write} hands one frame over (it must leave
 * promptly, see {@link io.portbroker.core.http.ApiResponder#startStream}), {@link #end} ends the body after every
 * frame written before it. {@link #write} may block the (virtual) writing thread while too much waits for a slow
 * client, and throws {@link io.portbroker.error.CancelledError} once the client has gone.
 */
public interface StreamBody extends ByteSink {

    /** The value the server's response carries as its body. */
    Object body();

    /** Ends the body normally (after the frames already written). */
    void end();
}
