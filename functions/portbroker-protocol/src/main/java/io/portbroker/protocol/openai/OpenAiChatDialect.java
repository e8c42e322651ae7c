package io.portbroker.protocol.openai;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.anthropic.AnthropicTokenCounter;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamDecoder;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.codec.UpstreamRequest;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The OpenAI Chat Completions dialect spoken by every OpenAI-compatible provider. Thread-safe. */
public final class OpenAiChatDialect implements UpstreamDialect {
    public static final String NAME = "openai-chat";

    private final OpenAiRequestEncoder encoder = new OpenAiRequestEncoder();
    private final OpenAiResponseDecoder decoder = new OpenAiResponseDecoder();
    private final AnthropicTokenCounter tokenCounter = new AnthropicTokenCounter();
    private final OpenAiErrorMapper errors;
    private final ThinkingSignatures signatures;
    private final Supplier<String> messageIds;

    /**
     * @param signatures signs reasoning synthesised into thinking blocks
     * @param messageIds source of {@code msg_...} ids for non-streamed answers
     */
    public OpenAiChatDialect(ThinkingSignatures signatures, Clock clock, Supplier<String> messageIds) {
        this.signatures = signatures;
        this.errors = new OpenAiErrorMapper(clock);
        this.messageIds = messageIds;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] encodeRequest(NormalizedRequest request, UpstreamTarget target, Notes notes) {
        return encoder.encode(request, target, signatures, notes);
    }

    /** {@code POST /chat/completions} with {@code Authorization: Bearer} when the provider has a key. */
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
        if (credential != null) {
            headers.put("authorization", "Bearer " + credential);
        }
        return new UpstreamRequest(
                "/chat/completions", headers, encodeRequest(request, target, notes), request.stream());
    }

    @Override
    public NormalizedResponse decodeResponse(byte[] body, NormalizedRequest request) {
        return decoder.decode(body, request, messageIds.get(), signatures);
    }

    @Override
    public StreamDecoder newStreamDecoder(NormalizedRequest request, String messageId, StreamEventSink sink) {
        return new OpenAiStreamDecoder(request, messageId, sink, signatures, tokenCounter.count(request));
    }

    @Override
    public GatewayException mapError(int status, byte[] body, String retryAfter) {
        return errors.map(status, body, retryAfter);
    }
}
