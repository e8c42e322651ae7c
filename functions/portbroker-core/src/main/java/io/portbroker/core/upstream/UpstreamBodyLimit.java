package io.portbroker.core.upstream;

import io.portbroker.error.ProviderServerError;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The largest non-streamed answer read from a provider. A provider (or something posing as one) sending more is cut
 * off once the limit passes, so one answer cannot take the heap; the caller gets a 502 that says why.
 *
 * @param maxBytes bytes read at most from one non-streamed answer
 */
public record UpstreamBodyLimit(long maxBytes) {
    /**
     * The first read buffer; it doubles while the answer fills it. A typical completion is a few hundred bytes: the
     * two 16 KiB buffers read before were a third of all bytes allocated per request (async-profiler, event=alloc).
     */
    private static final int FIRST = 1024;

    /** @throws IllegalArgumentException when {@code maxBytes} is not positive or past what an array holds */
    public UpstreamBodyLimit {
        if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("upstream max body bytes must be between 1 and 2^31 - 17");
        }
    }

    /** 16 MiB: far above any real completion, far below a heap. */
    public static UpstreamBodyLimit ofDefaults() {
        return new UpstreamBodyLimit(16L * 1024 * 1024);
    }

    /**
     * The whole body, read into a buffer that grows as it fills.
     *
     * @throws ProviderServerError when the body is longer than {@code maxBytes} (nothing past the limit is read)
     * @throws IOException when reading fails
     */
    public byte[] readAll(InputStream in) throws IOException {
        int cap = (int) maxBytes + 1; // one byte past the limit shows that the answer is too long
        byte[] buffer = new byte[Math.min(FIRST, cap)];
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(2L * buffer.length, cap));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                return Arrays.copyOf(buffer, length);
            }
            length += n;
            if (length > maxBytes) {
                throw new ProviderServerError(
                        "the provider's answer is larger than the " + maxBytes + "-byte limit for a complete answer");
            }
        }
    }
}
