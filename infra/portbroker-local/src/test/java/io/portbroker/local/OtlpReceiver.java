package io.portbroker.local;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake OTLP/HTTP collector: accepts {@code POST /v1/traces} (protobuf {@code ExportTraceServiceRequest}) and
 * keeps each span's trace id, span id, parent id, name and event names, read with a small protobuf wire reader
 * (field numbers from opentelemetry-proto's trace.proto: ResourceSpans 1 → ScopeSpans 2 → Span 2 → trace_id 1,
 * span_id 2, parent_span_id 4, name 5, events 11 → Event name 2).
 */
final class OtlpReceiver implements AutoCloseable {
    /** One received span. */
    record ReceivedSpan(String traceId, String spanId, String parentId, String name, List<String> events) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            for (byte[] resourceSpans : fields(body, 1)) {
                for (byte[] scopeSpans : fields(resourceSpans, 2)) {
                    for (byte[] span : fields(scopeSpans, 2)) {
                        spans.add(span(span));
                    }
                }
            }
            exchange.getResponseHeaders().add("content-type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static ReceivedSpan span(byte[] span) {
        List<String> events = new ArrayList<>();
        for (byte[] event : fields(span, 11)) {
            events.add(text(first(event, 2)));
        }
        return new ReceivedSpan(
                hex(first(span, 1)), hex(first(span, 2)), hex(first(span, 4)), text(first(span, 5)), events);
    }

    private static byte[] first(byte[] message, int field) {
        List<byte[]> all = fields(message, field);
        return all.isEmpty() ? new byte[0] : all.getFirst();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static String text(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The length-delimited values of {@code field} in a protobuf message; other wire types are skipped. */
    static List<byte[]> fields(byte[] message, int field) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayInputStream in = new ByteArrayInputStream(message);
        while (in.available() > 0) {
            long tag = varint(in);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> varint(in);
                case 1 -> read(in, 8);
                case 5 -> read(in, 4);
                case 2 -> {
                    byte[] value = read(in, (int) varint(in));
                    if (number == field) {
                        out.add(value);
                    }
                }
                default -> throw new IllegalStateException("unexpected wire type in " + tag);
            }
        }
        return out;
    }

    private static byte[] read(ByteArrayInputStream in, int length) {
        try {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long varint(ByteArrayInputStream in) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.read();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("varint too long");
    }
}
