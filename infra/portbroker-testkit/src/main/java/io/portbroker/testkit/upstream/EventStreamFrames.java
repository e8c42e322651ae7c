package io.portbroker.testkit.upstream;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Encodes AWS event-stream frames (prelude, string headers, payload, CRC32s) the way Bedrock's ConverseStream sends
 * them, by hand so the testkit needs no AWS SDK.
 */
public final class EventStreamFrames {
    private EventStreamFrames() {}

    /** One {@code event} frame of type {@code eventType} carrying the JSON {@code payload}. */
    public static byte[] event(String eventType, String payload) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":event-type", eventType);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "event");
        return frame(headers.toByteArray(), payload.getBytes(StandardCharsets.UTF_8));
    }

    /** One {@code exception} frame: Bedrock failing a stream under way (e.g. {@code throttlingException}). */
    public static byte[] exception(String exceptionType, String message) {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, ":exception-type", exceptionType);
        header(headers, ":content-type", "application/json");
        header(headers, ":message-type", "exception");
        return frame(headers.toByteArray(), ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] frame(byte[] h, byte[] p) {
        int total = 12 + h.length + p.length + 4;
        ByteBuffer buf = ByteBuffer.allocate(total);
        buf.putInt(total).putInt(h.length);
        buf.putInt((int) crc(buf.array(), 0, 8));
        buf.put(h).put(p);
        buf.putInt((int) crc(buf.array(), 0, total - 4));
        return buf.array();
    }

    private static void header(ByteArrayOutputStream out, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        out.write(n.length);
        out.writeBytes(n);
        out.write(7);
        out.write(v.length >> 8);
        out.write(v.length & 0xff);
        out.writeBytes(v);
    }

    private static long crc(byte[] bytes, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(bytes, off, len);
        return crc.getValue();
    }
}
