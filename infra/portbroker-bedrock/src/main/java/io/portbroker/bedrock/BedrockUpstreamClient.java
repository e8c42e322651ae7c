package io.portbroker.bedrock;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.upstream.ClientCall;
import io.portbroker.core.upstream.UpstreamClient;
import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.protocol.ir.NormalizedResponse;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;

/**
 * The {@code bedrock-converse} dialect as an {@link UpstreamClient}: Converse for complete answers (the sync client,
 * bounded by the provider's total limit) and ConverseStream for streams (the async client), each through the
 * clients of the provider's region and endpoint. The model is the provider's {@code model_id}, or the route
 * target's model when the provider names none.
 */
public final class BedrockUpstreamClient implements UpstreamClient {
    private final BedrockClients clients;

    /** Calls through {@code clients}, which owns and closes the SDK clients. */
    public BedrockUpstreamClient(BedrockClients clients) {
        this.clients = clients;
    }

    @Override
    public String dialect() {
        return BedrockModel.DIALECT;
    }

    @Override
    public NormalizedResponse complete(ClientCall call) {
        BedrockModel model = model(call);
        ConverseRequest request =
                ConverseRequests.toConverse(
                                call.request(), model.modelFor(call.target().upstreamModel()))
                        .toBuilder()
                        .overrideConfiguration(
                                o -> o.apiCallTimeout(call.provider().timeouts().total()))
                        .build();
        try {
            return ConverseResponses.toIr(
                    clients.sync(model, call.provider().baseUrl()).converse(request),
                    call.messageId(),
                    call.request().model());
        } catch (ApiCallTimeoutException e) {
            throw new ProviderTimeoutError("Bedrock sent no answer within "
                    + call.provider().timeouts().total());
        } catch (SdkException e) {
            throw BedrockErrors.map(e);
        }
    }

    @Override
    public UpstreamEvents stream(ClientCall call) {
        BedrockModel model = model(call);
        ConverseRequest c = ConverseRequests.toConverse(
                call.request(), model.modelFor(call.target().upstreamModel()));
        ConverseStreamRequest request = ConverseStreamRequest.builder()
                .modelId(c.modelId())
                .messages(c.messages())
                .system(c.system())
                .inferenceConfig(c.inferenceConfig())
                .toolConfig(c.toolConfig())
                .build();
        return BedrockEventStream.open(
                clients.async(model, call.provider().baseUrl()),
                request,
                call.messageId(),
                call.request().model(),
                call.headersTimeout());
    }

    private static BedrockModel model(ClientCall call) {
        BedrockModel model = call.provider().bedrock();
        if (model == null) {
            throw new InternalMappingError("provider " + call.provider().id() + " has no Bedrock region");
        }
        return model;
    }
}
