package io.portbroker.upstream.http1;

import io.portbroker.core.upstream.UpstreamResponse;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * One response on a connection. Its body hands the connection back to the pool when read to the end and the
 * server allows keep-alive; closing the response before that (client gone, timeout) closes the connection, which
 * also unblocks a reader on another thread.
 */
public final class Http1Exchange implements UpstreamResponse {
    private final ResponseHead head;
    private final BodyStream body;

    private Http1Exchange(ResponseHead head, BodyStream body) {
        this.head = head;
        this.body = body;
    }

    /** Frames the body of {@code head} on {@code connection}; the pool gets the connection back when it is done. */
    public static Http1Exchange of(ResponseHead head, Http1Connection connection, ConnectionPool pool) {
        Runnable abort = connection::close;
        Runnable complete = head.keepAlive() ? () -> pool.release(connection) : abort;
        InputStream in = connection.in();
        String encoding = head.header("transfer-encoding").orElse("").toLowerCase(Locale.ROOT);
        BodyStream body;
        if (head.status() == 204 || head.status() == 304 || head.status() == 101) {
            body = new FixedLengthBody(in, 0, complete, abort);
        } else if (encoding.contains("chunked")) {
            body = new ChunkedBody(in, complete, abort);
        } else if (contentLength(head) >= 0) {
            body = new FixedLengthBody(in, contentLength(head), complete, abort);
        } else {
            body = new UntilCloseBody(in, abort, abort);
        }
        return new Http1Exchange(head, body);
    }

    /** The declared length, or -1 when absent or malformed (then the body runs until the server closes). */
    private static long contentLength(ResponseHead head) {
        String value = head.header("content-length").orElse(null);
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public int status() {
        return head.status();
    }

    @Override
    public Optional<String> header(String name) {
        return head.header(name);
    }

    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public void close() {
        body.close();
    }
}
