package io.portbroker.protocol.upstream.anthropic;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamDecoder;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.codec.UpstreamRequest;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.openai.OpenAiErrorMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Anthropic Messages API as an upstream ({@code anthropic-messages}): {@code POST /messages} with
 * {@code x-api-key}, the caller's {@code anthropic-version} (else {@value #DEFAULT_VERSION}) and
 * {@code anthropic-beta} passed through. Errors map like OpenAI-compatible ones (both put the reason in
 * {@code error.message}; 529 is overload). Thread-safe.
 */
public final class AnthropicNativeDialect implements UpstreamDialect {
    public static final String NAME = "anthropic-messages";
    static final String DEFAULT_VERSION = "2023-06-01";

    private final AnthropicUpstreamRequestEncoder encoder;
    private final AnthropicUpstreamResponseDecoder decoder = new AnthropicUpstreamResponseDecoder();
    private final OpenAiErrorMapper errors;
    private final Supplier<String> messageIds;

    /**
     * @param signatures recognises PortBroker's own reasoning signatures, which never go to this upstream
     * @param messageIds source of {@code msg_...} ids when the provider's are unusable
     */
    public AnthropicNativeDialect(ThinkingSignatures signatures, Clock clock, Supplier<String> messageIds) {
        this.encoder = new AnthropicUpstreamRequestEncoder(signatures);
        this.errors = new OpenAiErrorMapper(clock);
        this.messageIds = messageIds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encodeRequest(NormalizedRequest request, UpstreamTarget target, Notes notes) {
        return encoder.encode(request, target, notes);
    }

    @Override
    public UpstreamRequest buildRequest(
            NormalizedRequest request,
            UpstreamTarget target,
            String credential,
            Map<String, String> clientHeaders,
            Notes notes) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        headers.put("anthropic-version", clientHeaders.getOrDefault("anthropic-version", DEFAULT_VERSION));
        String beta = clientHeaders.get("anthropic-beta");
        if (beta != null && !beta.isBlank()) {
            headers.put("anthropic-beta", beta);
        }
        if (credential != null) {
            headers.put("x-api-key", credential);
        }
        return new UpstreamRequest("/messages", headers, encodeRequest(request, target, notes), request.stream());
    }

    @Override
    public NormalizedResponse decodeResponse(byte[] body, NormalizedRequest request) {
        return decoder.decode(body, request, messageIds.get());
    }

    @Override
    public StreamDecoder newStreamDecoder(NormalizedRequest request, String messageId, StreamEventSink sink) {
        return new AnthropicUpstreamStreamDecoder(request, messageId, sink);
    }

    @Override
    public GatewayException mapError(int status, byte[] body, String retryAfter) {
        return errors.map(status, body, retryAfter);
    }
}
