package io.portbroker.upstream.http1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * One open socket to an origin with its buffered streams. Used by one exchange at a time; {@link #close()} may be
 * called from any thread (a cancel unblocks a reader). Tracks whether it has served an exchange before, so a
 * failure on a reused connection (the server closed it while idle) can be retried on a fresh one.
 */
public final class Http1Connection implements AutoCloseable {
    /**
     * Read buffer per connection. Every open stream holds one, so it is sized for memory with hundreds of streams
     * open (8 KiB: a typical SSE read is far smaller); requests are written unbuffered in one call.
     */
    private static final int BUFFER = 8 * 1024;

    private final OriginKey origin;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private long idleSinceNanos;
    private int exchanges;

    public Http1Connection(OriginKey origin, Socket socket) throws IOException {
        this.origin = origin;
        this.socket = socket;
        this.in = new ConnectionInput(socket.getInputStream(), BUFFER);
        this.out = socket.getOutputStream();
    }

    public OriginKey origin() {
        return origin;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** True when this connection has completed at least one exchange (it came from the pool). */
    public boolean reused() {
        return exchanges > 0;
    }

    /** Marks the start of a new exchange. */
    public void begin() {
        exchanges++;
    }

    /** Sets the read timeout (0: none). */
    public void readTimeoutMillis(int millis) throws SocketException {
        socket.setSoTimeout(millis);
    }

    void idleSince(long nanos) {
        idleSinceNanos = nanos;
    }

    long idleSinceNanos() {
        return idleSinceNanos;
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the connection is discarded either way
        }
    }
}
