package io.portbroker.protocol.ingress.openai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

/**
 * The OpenAI Chat Completions API as PortBroker serves it to OpenAI clients. Errors use OpenAI's envelope
 * {@code {"error":{"message","type","param","code"}}} with the neutral HTTP status (503 for overload). Thread-safe.
 */
public final class OpenAiChatClientDialect implements ClientDialect {
    public static final String NAME = "openai-chat";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenAiChatRequestDecoder decoder = new OpenAiChatRequestDecoder();
    private final OpenAiChatResponseEncoder responses;
    private final Clock clock;

    /** @param clock the source of {@code created} timestamps */
    public OpenAiChatClientDialect(Clock clock) {
        this.clock = clock;
        this.responses = new OpenAiChatResponseEncoder(clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public NormalizedRequest decodeRequest(byte[] body, Notes notes) {
        return decoder.decode(body, notes);
    }

    @Override
    public NormalizedRequest decodeCountTokensRequest(byte[] body, Notes notes) {
        return decoder.decode(body, notes);
    }

    @Override
    public byte[] encodeResponse(NormalizedResponse response) {
        return responses.encode(response);
    }

    /** A stream without the trailing usage chunk; see {@link #newStreamEncoder(ByteSink, byte[])}. */
    @Override
    public StreamEventSink newStreamEncoder(ByteSink out) {
        return new OpenAiChatSseEncoder(out, clock, false);
    }

    /** A stream that ends with a usage chunk when the request asked for {@code stream_options.include_usage}. */
    @Override
    public StreamEventSink newStreamEncoder(ByteSink out, byte[] requestBody) {
        return new OpenAiChatSseEncoder(out, clock, OpenAiChatRequestDecoder.includeUsage(requestBody));
    }

    @Override
    public byte[] encodeError(GatewayException error, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode body = root.putObject("error");
        body.put("message", error.getMessage() == null ? "" : error.getMessage());
        body.put("type", OpenAiChatWire.errorType(error.category()));
        body.putNull("param");
        body.put("code", error.category().name().toLowerCase(Locale.ROOT));
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int errorStatus(GatewayException error) {
        return error.httpStatus() == 499 ? 400 : error.httpStatus();
    }
}
