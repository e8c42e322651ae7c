package io.portbroker.upstream.http1;

import java.io.IOException;
import java.io.InputStream;

/** A body without framing: it ends when the server closes the connection (never reused afterwards). */
final class UntilCloseBody extends BodyStream {

    UntilCloseBody(InputStream in, Runnable onEnd, Runnable onAbort) {
        super(in, onEnd, onAbort);
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, len);
    }
}
