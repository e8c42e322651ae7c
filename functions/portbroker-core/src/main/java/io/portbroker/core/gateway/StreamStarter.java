package io.portbroker.core.gateway;

import io.portbroker.protocol.codec.StreamEventSink;

/**
 * Commits a streamed answer to the client. Called at most once, when the first event is ready: until then the
 * request can still fail over to another provider or fail with a plain HTTP error.
 */
@FunctionalInterface
public interface StreamStarter {

    /**
     * Sends status and headers and returns the sink for the events.
     *
     * @param providerId the provider that is answering (reported in a header)
     */
    StreamEventSink start(String providerId);
}
