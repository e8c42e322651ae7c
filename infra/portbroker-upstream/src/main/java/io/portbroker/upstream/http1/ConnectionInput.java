package io.portbroker.upstream.http1;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A connection's read buffer: what {@link java.io.BufferedInputStream} does, without its lock. The response head is
 * parsed one byte at a time, and {@code BufferedInputStream.read()} takes a lock on every byte; a connection is read
 * by one exchange at a time (the pool hands it to one caller), so the lock bought nothing. Closing the socket from
 * another thread still unblocks a read in progress.
 */
final class ConnectionInput extends InputStream {
    private final InputStream source;
    private final byte[] buffer;
    private int position;
    private int limit;

    ConnectionInput(InputStream source, int size) {
        this.source = source;
        this.buffer = new byte[size];
    }

    @Override
    public int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, into.length);
        if (length == 0) {
            return 0;
        }
        if (position == limit) {
            if (length >= buffer.length) {
                return source.read(into, offset, length); // a large read skips the copy, as BufferedInputStream does
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, limit - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() throws IOException {
        int buffered = limit - position;
        return buffered > 0 ? buffered : source.available();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = source.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
