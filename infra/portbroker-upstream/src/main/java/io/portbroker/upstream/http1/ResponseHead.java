package io.portbroker.upstream.http1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed HTTP/1.x response head: status and headers (names lower-cased, the first value of a repeated name
 * wins). Lenient about line endings (a bare LF ends a line), strict about size: a head above {@link #MAX_BYTES}
 * is a protocol error, so a hostile upstream cannot grow memory without bound.
 */
public record ResponseHead(int status, boolean http10, Map<String, String> headers) {
    public static final int MAX_BYTES = 64 * 1024;

    /** The first value of {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** True when the connection may carry another exchange after this one's body. */
    public boolean keepAlive() {
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        return http10 ? connection.contains("keep-alive") : !connection.contains("close");
    }

    /**
     * Reads one head, skipping interim 1xx answers.
     *
     * @throws EOFException when the stream ends before any byte (a closed keep-alive connection)
     * @throws IOException on a malformed or oversized head
     */
    public static ResponseHead read(InputStream in) throws IOException {
        while (true) {
            int[] budget = {MAX_BYTES};
            String statusLine = line(in, budget, true);
            ResponseHead head = parse(statusLine, in, budget);
            if (head.status() >= 200 || head.status() == 101) {
                return head;
            }
        }
    }

    private static ResponseHead parse(String statusLine, InputStream in, int[] budget) throws IOException {
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("malformed status line");
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status code", e);
        }
        Map<String, String> headers = new HashMap<>();
        for (String line = line(in, budget, false); !line.isEmpty(); line = line(in, budget, false)) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // lenient: a junk header line is skipped
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.putIfAbsent(name, line.substring(colon + 1).trim());
        }
        return new ResponseHead(status, statusLine.startsWith("HTTP/1.0"), Map.copyOf(headers));
    }

    private static String line(InputStream in, int[] budget, boolean first) throws IOException {
        byte[] buf = new byte[128];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && n == 0) {
                    throw new EOFException("connection closed before the response");
                }
                throw new IOException("response head cut short");
            }
            if (--budget[0] < 0) {
                throw new IOException("response head too large");
            }
            if (b == '\n') {
                int end = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
                return new String(buf, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, n * 2);
            }
            buf[n++] = (byte) b;
        }
    }
}
