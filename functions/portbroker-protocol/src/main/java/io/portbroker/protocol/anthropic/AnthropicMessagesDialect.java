package io.portbroker.protocol.anthropic;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;

/**
 * The Anthropic Messages API as PortBroker serves it. With {@code validateStreams} every outgoing SSE frame is
 * checked against the stream grammar before it leaves (debug mode): a violation fails the stream loudly instead
 * of confusing the client.
 */
public final class AnthropicMessagesDialect implements ClientDialect {
    public static final String NAME = "anthropic-messages";

    private final AnthropicRequestDecoder decoder = new AnthropicRequestDecoder();
    private final AnthropicResponseEncoder responseEncoder = new AnthropicResponseEncoder();
    private final AnthropicErrorEncoder errorEncoder = new AnthropicErrorEncoder();
    private final boolean validateStreams;

    public AnthropicMessagesDialect(boolean validateStreams) {
        this.validateStreams = validateStreams;
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
        return decoder.decodeForCounting(body, notes);
    }

    @Override
    public byte[] encodeResponse(NormalizedResponse response) {
        return responseEncoder.encode(response);
    }

    @Override
    public StreamEventSink newStreamEncoder(ByteSink out) {
        return new AnthropicSseEncoder(validateStreams ? new ValidatingByteSink(out) : out);
    }

    @Override
    public byte[] encodeError(GatewayException error, String requestId) {
        return errorEncoder.encode(error, requestId);
    }

    @Override
    public int errorStatus(GatewayException error) {
        return AnthropicErrorTypes.status(error);
    }
}
