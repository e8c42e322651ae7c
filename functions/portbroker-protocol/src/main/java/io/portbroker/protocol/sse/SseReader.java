package io.portbroker.protocol.sse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a {@code text/event-stream} body incrementally and hands each frame to a {@link FrameHandler} as soon as
 * its terminating blank line arrives. Works on bytes and decodes a line only once it is complete, so UTF-8
 * characters split across reads survive. Accepts {@code \n}, {@code \r\n} and lone {@code \r} line ends,
 * comments ({@code :...}), {@code data:} with or without the optional space, multi-line data (joined with
 * {@code \n}) and a final frame without a trailing blank line. {@code id} and {@code retry} are ignored. Frames
 * without any {@code data} line are not dispatched (as in the HTML spec). One line, and one event's joined data,
 * may hold at most {@code maxEventBytes} ({@link #DEFAULT_MAX_EVENT_BYTES} unless given): past it the reader throws
 * {@link SseEventTooLargeException} instead of buffering on. Not thread-safe: one per stream.
 */
public final class SseReader {

    /** Receives complete frames in order. */
    @FunctionalInterface
    public interface FrameHandler {
        /**
         * One frame.
         *
         * @param event the {@code event:} name, or null when the frame had none
         * @param data the {@code data:} lines joined by {@code \n}
         */
        void onFrame(String event, String data);
    }

    /** The default cap on one line and on one event's data: far above any real chunk, far below the heap. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 2 * 1024 * 1024;

    private static final byte[] DATA = {'d', 'a', 't', 'a'};
    private static final byte[] EVENT = {'e', 'v', 'e', 'n', 't'};

    private final FrameHandler handler;
    private final int maxEventBytes;
    private byte[] line = new byte[256];
    private int lineLength;
    private byte[] data = new byte[512];
    private int dataLength;
    private boolean hasData;
    private String event;
    private boolean afterCr;
    private boolean firstLine = true;

    public SseReader(FrameHandler handler) {
        this(handler, DEFAULT_MAX_EVENT_BYTES);
    }

    /**
     * @param maxEventBytes the largest line and the largest event data accepted
     * @throws IllegalArgumentException when the limit is not positive
     */
    public SseReader(FrameHandler handler, int maxEventBytes) {
        if (maxEventBytes < 1) {
            throw new IllegalArgumentException("maxEventBytes must be positive");
        }
        this.handler = handler;
        this.maxEventBytes = maxEventBytes;
    }

    /** Reads {@code in} to its end, dispatching frames as they complete, then {@link #finish()}es. */
    public void readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            feed(buffer, 0, n);
        }
        finish();
    }

    /** Feeds the next {@code length} bytes of the stream; complete frames are dispatched before returning. */
    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '\n' || b == '\r') {
                boolean crlfTail = b == '\n' && afterCr && i == start && lineLength == 0;
                afterCr = b == '\r';
                if (crlfTail) {
                    start = i + 1;
                    continue;
                }
                appendLine(bytes, start, i - start);
                endLine();
                start = i + 1;
            } else if (afterCr) {
                afterCr = false;
            }
        }
        appendLine(bytes, start, end - start);
    }

    /** The stream ended: a pending line and frame are dispatched even without their blank line. */
    public void finish() {
        if (lineLength > 0) {
            endLine();
        }
        dispatch();
    }

    private void appendLine(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if ((long) lineLength + length > maxEventBytes) {
            throw new SseEventTooLargeException(maxEventBytes);
        }
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(bytes, offset, line, lineLength, length);
        lineLength += length;
    }

    private void endLine() {
        int length = lineLength;
        lineLength = 0;
        int from = 0;
        if (firstLine) {
            firstLine = false;
            if (length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
                from = 3;
            }
        }
        if (length == from) {
            dispatch();
            return;
        }
        if (line[from] == ':') {
            return;
        }
        int colon = indexOf(line, from, length, (byte) ':');
        int nameEnd = colon < 0 ? length : colon;
        int valueStart = colon < 0 ? length : colon + 1;
        if (valueStart < length && line[valueStart] == ' ') {
            valueStart++;
        }
        if (nameIs(DATA, from, nameEnd)) {
            appendData(valueStart, length);
        } else if (nameIs(EVENT, from, nameEnd)) {
            event = new String(line, valueStart, length - valueStart, StandardCharsets.UTF_8);
        }
    }

    private void appendData(int from, int to) {
        int needed = dataLength + (to - from) + 1;
        if (needed > maxEventBytes + 1) {
            throw new SseEventTooLargeException(maxEventBytes);
        }
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, needed));
        }
        if (hasData) {
            data[dataLength++] = '\n';
        }
        System.arraycopy(line, from, data, dataLength, to - from);
        dataLength += to - from;
        hasData = true;
    }

    private void dispatch() {
        if (hasData) {
            String frameEvent = event;
            String frameData = new String(data, 0, dataLength, StandardCharsets.UTF_8);
            reset();
            handler.onFrame(frameEvent, frameData);
        } else {
            reset();
        }
    }

    private void reset() {
        dataLength = 0;
        hasData = false;
        event = null;
    }

    private boolean nameIs(byte[] name, int from, int to) {
        return to - from == name.length && Arrays.equals(line, from, to, name, 0, name.length);
    }

    private static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
