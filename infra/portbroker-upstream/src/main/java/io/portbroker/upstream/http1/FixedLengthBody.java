package io.portbroker.upstream.http1;

import java.io.IOException;
import java.io.InputStream;

/** A body of a known length ({@code content-length}; 0 for bodiless answers). */
final class FixedLengthBody extends BodyStream {
    private long remaining;

    FixedLengthBody(InputStream in, long length, Runnable onComplete, Runnable onAbort) {
        super(in, onComplete, onAbort);
        this.remaining = length;
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw cutShort();
        }
        remaining -= n;
        return n;
    }

    @Override
    protected boolean atEnd() {
        return remaining == 0;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(in.available(), remaining);
    }
}
