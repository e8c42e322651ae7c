package io.portbroker.protocol.sse;

/**
 * Thrown by {@link SseReader} when one line or one event's data grows past the reader's limit: a peer that never
 * ends its line would otherwise grow the buffer without bound. A routine refusal, so it carries no stack trace.
 */
public final class SseEventTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int limitBytes;

    public SseEventTooLargeException(int limitBytes) {
        super("an SSE event exceeded " + limitBytes + " bytes", null, false, false);
        this.limitBytes = limitBytes;
    }

    /** The limit that was exceeded. */
    public int limitBytes() {
        return limitBytes;
    }
}
