package io.portbroker.core.resilience;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context ({@code traceparent: 00-<trace-id>-<parent-id>-<flags>}). The gateway keeps the caller's
 * trace id, or starts a trace when the caller sent none or an invalid one, and gives each upstream attempt its
 * own span id so provider-side logs can tell attempts apart.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId 16 lower-case hex digits, not all zero
 * @param flags 2 hex digits ({@code 01} sampled)
 */
public record TraceContext(String traceId, String spanId, String flags) {

    private static final Pattern HEADER = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    /** The caller's context when its header is valid, else a new sampled trace. */
    public static TraceContext fromHeaderOrNew(String header) {
        return parse(header).orElseGet(() -> new TraceContext(hex(16), hex(8), "01"));
    }

    /** A valid version-00 header, or empty. */
    public static Optional<TraceContext> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = HEADER.matcher(header.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()
                || m.group(1).chars().allMatch(c -> c == '0')
                || m.group(2).chars().allMatch(c -> c == '0')) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(m.group(1), m.group(2), m.group(3)));
    }

    /** The same trace with a new span: what goes upstream for one attempt. */
    public TraceContext child() {
        return new TraceContext(traceId, hex(8), flags);
    }

    /** The header value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(b); // trace ids correlate logs; they guard nothing
        } while (allZero(b));
        return HexFormat.of().formatHex(b);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
