package io.portbroker.testkit.upstream;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What the fake upstream does with one request. */
public sealed interface Reply {

    /** A complete JSON (or any) body with a status and headers. */
    record Body(int status, Map<String, String> headers, String body) implements Reply {}

    /**
     * An SSE stream: each frame's data is written and flushed after its delay; {@code resetAfter} frames (or -1)
     * the connection is cut without finishing.
     */
    record Stream(List<Frame> frames, int resetAfter) implements Reply {}

    /** Accepts the request and never answers (until the test ends). */
    record Hang() implements Reply {}

    /** Closes the connection without any response. */
    record Drop() implements Reply {}

    /**
     * One SSE frame with the pause before it; when {@code gate} is set, the frame is only written once the gate
     * opens (at most 10 s), so a test can prove the client saw earlier frames before later ones existed.
     */
    record Frame(Duration delay, String data, java.util.concurrent.CountDownLatch gate) {
        public Frame(Duration delay, String data) {
            this(delay, data, null);
        }
    }
}
