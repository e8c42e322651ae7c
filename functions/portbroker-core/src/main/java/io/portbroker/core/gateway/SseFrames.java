package io.portbroker.core.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Splits an upstream SSE body into {@code data:} payloads, handing each over as soon as its frame is complete. */
@FunctionalInterface
public interface SseFrames {

    /**
     * Reads until the stream ends.
     *
     * @throws IOException when reading fails (connection reset, cancelled)
     */
    void read(InputStream in, Consumer<String> onData) throws IOException;
}
