package io.portbroker.protocol.codec;

/** Where encoded bytes go (an HTTP response body, a Lambda response stream, a test buffer). */
public interface ByteSink {
    /** Writes and, for streams, flushes one complete frame. */
    void write(byte[] bytes);
}
