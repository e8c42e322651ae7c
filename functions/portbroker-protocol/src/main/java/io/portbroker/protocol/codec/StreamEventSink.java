package io.portbroker.protocol.codec;

import io.portbroker.protocol.ir.StreamEvent;

/** Receives IR stream events in order. Implementations may throw if the client has gone away. */
@FunctionalInterface
public interface StreamEventSink {
    void accept(StreamEvent event);
}
