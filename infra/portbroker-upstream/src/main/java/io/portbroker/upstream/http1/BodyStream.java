package io.portbroker.upstream.http1;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read from a connection: subclasses frame it (content-length, chunked, until close). When the
 * body has been read to its end, {@code onComplete} runs once (the connection goes back to the pool); closing
 * it earlier, or any read error, runs {@code onAbort} (the connection is closed: its remaining bytes are
 * unknown). Reads return what has arrived, so an SSE stream is delivered frame by frame.
 */
abstract class BodyStream extends InputStream {
    protected final InputStream in;
    private final Runnable onComplete;
    private final Runnable onAbort;
    private boolean done;

    BodyStream(InputStream in, Runnable onComplete, Runnable onAbort) {
        this.in = in;
        this.onComplete = onComplete;
        this.onAbort = onAbort;
    }

    /** Reads up to {@code len} bytes of the body, -1 at its end. */
    protected abstract int readBody(byte[] b, int off, int len) throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n;
        try {
            n = readBody(b, off, len);
        } catch (IOException | RuntimeException e) {
            finish(false);
            throw e;
        }
        if (n < 0) {
            finish(true);
        }
        return n;
    }

    /** True when every byte of the body has been read (closing then keeps the connection). */
    protected boolean atEnd() {
        return false;
    }

    @Override
    public final void close() {
        finish(atEnd());
    }

    /** Ends the body once: complete (reusable connection) or aborted. */
    final synchronized void finish(boolean complete) {
        if (done) {
            return;
        }
        done = true;
        (complete ? onComplete : onAbort).run();
    }

    static IOException cutShort() {
        return new java.io.EOFException("the provider closed the connection mid-body");
    }
}
