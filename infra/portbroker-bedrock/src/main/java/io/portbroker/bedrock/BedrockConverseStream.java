package io.portbroker.bedrock;

import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * A streamed ConverseStream call through the SDK v2 async client: each event is mapped to IR stream events and
 * handed to the sink as it arrives; the returned future completes after the finish event, or fails with the
 * mapped gateway error.
 */
public final class BedrockConverseStream {
    private final BedrockRuntimeAsyncClient client;

    /** Calls through {@code client}; the caller owns and closes it. */
    public BedrockConverseStream(BedrockRuntimeAsyncClient client) {
        this.client = client;
    }

    /** Streams {@code request} from {@code modelId} as message {@code id} into {@code sink}. */
    public CompletableFuture<Void> stream(NormalizedRequest request, String modelId, String id, StreamEventSink sink) {
        ConverseRequest c = ConverseRequests.toConverse(request, modelId);
        ConverseStreamRequest streamRequest = ConverseStreamRequest.builder()
                .modelId(c.modelId())
                .messages(c.messages())
                .system(c.system())
                .inferenceConfig(c.inferenceConfig())
                .toolConfig(c.toolConfig())
                .build();
        ConverseStreamEvents events = new ConverseStreamEvents(id, request.model(), sink);
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(events::accept)
                .build();
        return client.converseStream(streamRequest, handler).handle((ok, failure) -> {
            if (failure != null) {
                throw BedrockErrors.map(failure);
            }
            events.complete();
            return null;
        });
    }
}
