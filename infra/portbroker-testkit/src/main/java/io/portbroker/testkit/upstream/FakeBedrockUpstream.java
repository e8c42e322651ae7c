package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on 127.0.0.1 speaking Bedrock's Converse API ({@code POST /model/{modelId}/converse} and
 * {@code /converse-stream}, the latter answering AWS event-stream frames). It checks what it receives the way
 * Bedrock would: a SigV4 {@code Authorization} ({@code AWS4-HMAC-SHA256}, service {@code bedrock}, the expected
 * region) with an {@code X-Amz-Date}, no API-key header, and a body with {@code messages} and a positive
 * {@code inferenceConfig.maxTokens}; a violation is answered with Bedrock's 400 ValidationException and recorded
 * in {@link #violations()}. Valid requests are answered by the script (see {@link BedrockReplies}); a stream frame
 * whose event name ends in {@code Exception} ({@code {"throttlingException":{"message":"..."}}}) is sent as an
 * exception frame, Bedrock's way of failing a stream already under way.
 */
public final class FakeBedrockUpstream
        extends CheckingUpstream<FakeBedrockUpstream.Received, FakeBedrockUpstream.Received> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH = Pattern.compile("/model/([^/]+)/(converse|converse-stream)");

    private final String region;
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    private FakeBedrockUpstream(String region, Function<Received, Reply> script) {
        super(script);
        this.region = region;
        listen();
    }

    /** Starts a server expecting requests signed for {@code region}, answered by {@code script}. */
    public static FakeBedrockUpstream start(String region, Function<Received, Reply> script) {
        return new FakeBedrockUpstream(region, script);
    }

    /** The endpoint to configure as the provider's {@code endpoint_override}. */
    public URI endpoint() {
        return URI.create(loopback(""));
    }

    @Override
    protected void onClose() {
        closing.countDown();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Matcher m = PATH.matcher(exchange.getRequestURI().getRawPath());
        boolean matched = m.matches();
        Received received = new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                matched ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null,
                matched && "converse-stream".equals(m.group(2)),
                Map.copyOf(exchange.getRequestHeaders()),
                parse(raw));
        record(received);
        List<String> problems = check(received, matched);
        if (!problems.isEmpty()) {
            refuse(problems);
            write(exchange, BedrockReplies.error(400, "ValidationException", String.join("; ", problems)));
            return;
        }
        write(exchange, answer(received));
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    private List<String> check(Received r, boolean matched) {
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(r.method()) || !matched) {
            problems.add("expected POST /model/{id}/converse[-stream], got " + r.method() + " " + r.path());
        }
        String auth = r.header("authorization");
        if (auth == null
                || !auth.startsWith("AWS4-HMAC-SHA256 Credential=")
                || !auth.contains("/" + region + "/bedrock/aws4_request")
                || !auth.contains("SignedHeaders=")
                || !auth.contains("Signature=")) {
            problems.add("not SigV4-signed for bedrock in " + region);
        }
        if (r.header("x-amz-date") == null) {
            problems.add("missing X-Amz-Date");
        }
        if (r.header("x-api-key") != null) {
            problems.add("unexpected x-api-key header");
        }
        JsonNode body = r.body();
        if (body == null
                || !body.path("messages").isArray()
                || body.path("messages").isEmpty()) {
            problems.add("messages missing");
        } else if (body.path("inferenceConfig").path("maxTokens").asInt(0) <= 0) {
            problems.add("inferenceConfig.maxTokens missing or not positive");
        }
        return problems;
    }

    private void write(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            switch (reply) {
                case Reply.Body b -> {
                    exchange.getResponseHeaders().add("content-type", "application/json");
                    writeBody(exchange, b);
                }
                case Reply.Stream s -> {
                    exchange.getResponseHeaders().add("content-type", "application/vnd.amazon.eventstream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    int written = 0;
                    for (Reply.Frame frame : s.frames()) {
                        if (written++ == s.resetAfter()) {
                            throw new IOException("stream cut on purpose");
                        }
                        awaitGate(frame);
                        var event = JSON.readTree(frame.data())
                                .properties()
                                .iterator()
                                .next();
                        out.write(
                                event.getKey().endsWith("Exception")
                                        ? EventStreamFrames.exception(
                                                event.getKey(),
                                                event.getValue().path("message").asText())
                                        : EventStreamFrames.event(
                                                event.getKey(), event.getValue().toString()));
                        out.flush();
                    }
                }
                case Reply.Hang h -> {
                    // accepts the request and answers nothing until the fake closes
                    try {
                        closing.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case Reply.Drop d -> throw new IOException("connection dropped on purpose");
            }
        }
    }

    /** Holds a gated frame back until its gate opens, the fake closes, or 10 s pass. */
    private void awaitGate(Reply.Frame frame) {
        if (frame.gate() == null) {
            return;
        }
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (!frame.gate().await(50, java.util.concurrent.TimeUnit.MILLISECONDS)
                    && closing.getCount() > 0
                    && System.nanoTime() < deadline) {
                // waiting for the test to open the gate
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A request as received.
     *
     * @param modelId the model id from the path, decoded
     * @param streaming true for ConverseStream
     * @param body the JSON body, or null when it was not JSON
     */
    public record Received(
            String method,
            String path,
            String modelId,
            boolean streaming,
            Map<String, List<String>> headers,
            JsonNode body) {
        /** First value of a header, case-insensitive, or null. */
        public String header(String name) {
            return firstHeader(headers, name);
        }
    }
}
