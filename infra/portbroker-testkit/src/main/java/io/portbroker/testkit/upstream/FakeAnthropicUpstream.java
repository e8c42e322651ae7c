package io.portbroker.testkit.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 speaking the Anthropic Messages API at {@code POST /v1/messages}. It checks the
 * bytes it receives the way Anthropic would — path, {@code x-api-key} equal to the expected credential and no
 * {@code Authorization}, an {@code anthropic-version}, a body with {@code model}, a positive {@code max_tokens}
 * and {@code messages}, no thinking block carrying PortBroker's own {@code pbsig1} signature — and answers a
 * violation with Anthropic's 400 envelope, recording it in {@link #violations()}. Valid requests are answered by
 * the script (see {@link AnthropicReplies}) and recorded raw.
 */
public final class FakeAnthropicUpstream extends CheckingUpstream<FakeAnthropicUpstream.Received, JsonNode> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String expectedKey;

    private FakeAnthropicUpstream(String expectedKey, Function<JsonNode, Reply> script) {
        super(script);
        this.expectedKey = expectedKey;
        listen();
    }

    /** Starts a server that accepts {@code expectedKey} as {@code x-api-key} and answers with {@code script}. */
    public static FakeAnthropicUpstream start(String expectedKey, Function<JsonNode, Reply> script) {
        return new FakeAnthropicUpstream(expectedKey, script);
    }

    /** Base URL to configure ({@code http://127.0.0.1:PORT/v1}); the dialect appends {@code /messages}. */
    public URI baseUrl() {
        return URI.create(loopback("/v1"));
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = Map.copyOf(exchange.getRequestHeaders());
        Received received = new Received(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, raw);
        record(received);
        JsonNode body;
        try {
            body = JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        List<String> problems = check(received, body);
        if (!problems.isEmpty()) {
            refuse(problems);
            write(exchange, AnthropicReplies.error(400, "invalid_request_error", String.join("; ", problems)));
            return;
        }
        write(exchange, answer(body));
    }

    private List<String> check(Received r, JsonNode body) {
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(r.method()) || !"/v1/messages".equals(r.path())) {
            problems.add("expected POST /v1/messages, got " + r.method() + " " + r.path());
        }
        if (!expectedKey.equals(r.header("x-api-key"))) {
            problems.add("x-api-key is not the provider credential");
        }
        if (r.header("authorization") != null) {
            problems.add("unexpected Authorization header");
        }
        if (r.header("anthropic-version") == null) {
            problems.add("missing anthropic-version");
        }
        if (body == null || !body.isObject()) {
            problems.add("body is not a JSON object");
            return problems;
        }
        if (!body.path("model").isTextual()) {
            problems.add("model missing");
        }
        if (body.path("max_tokens").asInt(0) <= 0) {
            problems.add("max_tokens missing or not positive");
        }
        if (!body.path("messages").isArray()) {
            problems.add("messages missing");
        }
        for (JsonNode m : body.path("messages")) {
            for (JsonNode block : m.path("content")) {
                if ("thinking".equals(block.path("type").asText())
                        && block.path("signature").asText("").startsWith("pbsig1.")) {
                    problems.add("a pbsig1 thinking signature was sent to Anthropic");
                }
            }
        }
        return problems;
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            switch (reply) {
                case Reply.Body b -> {
                    exchange.getResponseHeaders().add("content-type", "application/json");
                    writeBody(exchange, b);
                }
                case Reply.Stream s -> {
                    exchange.getResponseHeaders().add("content-type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    OutputStream out = exchange.getResponseBody();
                    for (Reply.Frame frame : s.frames()) {
                        String type = JSON.readTree(frame.data()).path("type").asText();
                        out.write(("event: " + type + "\ndata: " + frame.data() + "\n\n")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
                case Reply.Hang h -> throw new IOException("hang is not scripted for this fake");
                case Reply.Drop d -> throw new IOException("connection dropped on purpose");
            }
        }
    }

    /** A request as received: method, path, headers and the raw body bytes. */
    public record Received(String method, String path, Map<String, List<String>> headers, byte[] body) {
        /** First value of a header, case-insensitive, or null. */
        public String header(String name) {
            return firstHeader(headers, name);
        }

        /** The body as JSON. */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
