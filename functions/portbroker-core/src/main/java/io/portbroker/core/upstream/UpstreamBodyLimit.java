package io.portbroker.core.upstream;

import io.portbroker.error.ProviderServerError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The largest non-streamed answer read from a provider. A provider (or something posing as one) sending more is cut
 * off once the limit passes, so one answer cannot take the heap; the caller gets a 502 that says why.
 *
 * @param maxBytes bytes read at most from one non-streamed answer
 */
public record UpstreamBodyLimit(long maxBytes) {
    private static final int CHUNK = 16 * 1024;

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
     * The whole body, read chunk by chunk.
     *
     * @throws ProviderServerError when the body is longer than {@code maxBytes} (nothing past the limit is read)
     * @throws IOException when reading fails
     */
    public byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes + 1 - total))) > 0) {
            total += n;
            if (total > maxBytes) {
                throw new ProviderServerError(
                        "the provider's answer is larger than the " + maxBytes + "-byte limit for a complete answer");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
