package io.portbroker.protocol.codec;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.util.Map;

/** An upstream wire dialect, e.g. {@code openai-chat}. Implementations are stateless and thread-safe. */
public interface UpstreamDialect {

    /** Registry name, e.g. {@code openai-chat}. */
    String name();

    /**
     * Encodes the IR request for this target.
     *
     * @throws io.portbroker.error.InvalidRequestError when the request needs something the target cannot do
     *     (e.g. a PDF to a provider without PDF support)
     */
    byte[] encodeRequest(NormalizedRequest request, UpstreamTarget target, Notes notes);

    /**
     * Builds the whole upstream request: path, auth headers, dialect headers and body.
     *
     * @param credential the provider credential, or null when the provider needs none
     * @param clientHeaders the caller's headers by lower-case name, for the ones a dialect passes through
     *     (Anthropic's {@code anthropic-beta}); never forwarded wholesale
     * @throws io.portbroker.error.InvalidRequestError as {@link #encodeRequest}
     */
    UpstreamRequest buildRequest(
            NormalizedRequest request,
            UpstreamTarget target,
            String credential,
            Map<String, String> clientHeaders,
            Notes notes);

    /**
     * Decodes a complete (non-streamed) upstream answer; {@code clientModel} is echoed as the model.
     *
     * @throws io.portbroker.error.InternalMappingError when the body is not a valid answer
     */
    NormalizedResponse decodeResponse(byte[] body, NormalizedRequest request);

    /** A fresh stateful decoder for one streamed answer. */
    StreamDecoder newStreamDecoder(NormalizedRequest request, String messageId, StreamEventSink sink);

    /**
     * Maps an upstream HTTP error (status, body, Retry-After header value or null) to the gateway error to
     * raise. The upstream body may be quoted only where it explains a client mistake (400s); credentials never.
     */
    GatewayException mapError(int status, byte[] body, String retryAfter);
}
