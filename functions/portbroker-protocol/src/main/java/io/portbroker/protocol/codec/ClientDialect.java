package io.portbroker.protocol.codec;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;

/**
 * A dialect PortBroker speaks to its callers, e.g. {@code anthropic-messages} or {@code openai-chat}: wire bytes
 * to IR and back, errors in the dialect's envelope. Token estimates are a separate {@link TokenCounter}.
 * Thread-safe.
 */
public interface ClientDialect {

    String name();

    /**
     * Decodes a request body leniently: unknown fields, roles and block types are noted and dropped.
     *
     * @throws io.portbroker.error.InvalidRequestError for malformed JSON, wrong types or missing required fields
     */
    NormalizedRequest decodeRequest(byte[] body, Notes notes);

    /**
     * Decodes a token-counting request: like {@link #decodeRequest} but without requiring generation limits.
     *
     * @throws io.portbroker.error.InvalidRequestError for malformed JSON, wrong types or missing fields
     */
    NormalizedRequest decodeCountTokensRequest(byte[] body, Notes notes);

    /** Encodes a complete answer. */
    byte[] encodeResponse(NormalizedResponse response);

    /** A sink that writes each IR event as one wire frame (SSE) to {@code out}. One per stream. */
    StreamEventSink newStreamEncoder(ByteSink out);

    /**
     * A stream encoder that may honour stream options of the original request body (OpenAI's
     * {@code stream_options.include_usage}); by default the same as {@link #newStreamEncoder(ByteSink)}.
     */
    default StreamEventSink newStreamEncoder(ByteSink out, byte[] requestBody) {
        return newStreamEncoder(out);
    }

    /** The error body for a failure, carrying the request id. */
    byte[] encodeError(GatewayException error, String requestId);

    /** The HTTP status this dialect's clients expect for a failure (e.g. Anthropic's 529 for overload). */
    int errorStatus(GatewayException error);
}
