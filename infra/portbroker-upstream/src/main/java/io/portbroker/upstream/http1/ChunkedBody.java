package io.portbroker.upstream.http1;

import java.io.IOException;
import java.io.InputStream;

/**
 * A {@code transfer-encoding: chunked} body. Each read returns bytes of the current chunk as they arrive (never
 * waiting for a whole chunk), so streamed SSE frames pass through at once. Chunk extensions and trailers are
 * read and ignored; a size line longer than 1 KiB or a malformed size is a protocol error.
 */
final class ChunkedBody extends BodyStream {
    private static final int MAX_SIZE_LINE = 1024;
    private long remaining;
    private boolean last;
    private boolean crlfPending;

    ChunkedBody(InputStream in, Runnable onComplete, Runnable onAbort) {
        super(in, onComplete, onAbort);
    }

    @Override
    protected int readBody(byte[] b, int off, int len) throws IOException {
        if (last) {
            return -1;
        }
        if (crlfPending) {
            // read lazily: the chunk's bytes went to the caller without waiting for its trailing CRLF
            endOfLine(line());
            crlfPending = false;
        }
        if (remaining == 0) {
            remaining = nextChunkSize();
            if (remaining == 0) {
                skipTrailers();
                last = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            throw cutShort();
        }
        remaining -= n;
        crlfPending = remaining == 0;
        return n;
    }

    @Override
    protected boolean atEnd() {
        return last;
    }

    private long nextChunkSize() throws IOException {
        String line = line();
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new IOException("malformed chunk size");
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size", e);
        }
    }

    private void skipTrailers() throws IOException {
        for (String line = line(); !line.isEmpty(); line = line()) {
            // trailers are not used by any provider; read past them so the connection can be reused
        }
    }

    private static void endOfLine(String rest) throws IOException {
        if (!rest.isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
        }
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw cutShort();
            }
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_SIZE_LINE) {
                throw new IOException("chunk size line too long");
            }
            sb.append((char) c);
        }
    }
}
