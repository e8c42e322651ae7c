package io.portbroker.local;

import io.portbroker.error.OverloadedError;
import io.portbroker.protocol.codec.ClientDialect;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The 529 body of one client dialect for one refusal (its message and retry-after), encoded once by the dialect itself
 * with a placeholder request id: a refusal under overload then costs two array copies around its own fresh id
 * instead of a JSON encoding. The bytes are exactly what {@link ClientDialect#encodeError} writes for that id (a
 * dialect whose envelope has no request id gets the same constant bytes every time). Immutable and thread-safe.
 */
final class RefusalBody {
    /** Shaped like an id ({@code req_} + 24 characters) from characters no id or JSON escape contains. */
    private static final String PLACEHOLDER = "req_" + "~".repeat(24);

    private static final byte[] PLACEHOLDER_BYTES = PLACEHOLDER.getBytes(StandardCharsets.US_ASCII);

    private final long retryAfterSeconds;
    private final byte[] head;
    private final byte[] tail;
    private final boolean carriesId;

    private RefusalBody(OverloadedError refusal, byte[] encoded) {
        this.retryAfterSeconds = refusal.retryAfterSeconds();
        int at = indexOf(encoded, PLACEHOLDER_BYTES);
        this.carriesId = at >= 0;
        this.head = carriesId ? Arrays.copyOfRange(encoded, 0, at) : encoded;
        this.tail = carriesId ? Arrays.copyOfRange(encoded, at + PLACEHOLDER_BYTES.length, encoded.length) : head;
    }

    /** Encodes {@code refusal} once in {@code dialect}'s envelope. */
    static RefusalBody of(ClientDialect dialect, OverloadedError refusal) {
        return new RefusalBody(refusal, dialect.encodeError(refusal, PLACEHOLDER));
    }

    /** The refusal's retry-after, for the header next to this body. */
    long retryAfter() {
        return retryAfterSeconds;
    }

    /** The body naming {@code requestId} (ASCII, as every generated id is); a fresh array each call. */
    byte[] forRequest(String requestId) {
        if (!carriesId) {
            return head.clone();
        }
        byte[] out = new byte[head.length + requestId.length() + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        requestId.getBytes(0, requestId.length(), out, head.length);
        System.arraycopy(tail, 0, out, head.length + requestId.length(), tail.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
