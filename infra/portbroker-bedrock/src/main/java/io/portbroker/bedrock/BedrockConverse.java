package io.portbroker.bedrock;

import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * A non-streamed Converse call through the AWS SDK v2 client (which signs it with SigV4 from its credential
 * provider, by default the function's role): IR request in, IR answer out, Bedrock failures as gateway errors.
 */
public final class BedrockConverse {
    private final BedrockRuntimeClient client;

    /** Calls through {@code client}; the caller owns and closes it. */
    public BedrockConverse(BedrockRuntimeClient client) {
        this.client = client;
    }

    /**
     * Sends {@code request} to {@code modelId} and answers with message {@code id}, echoing the request's model.
     *
     * @throws io.portbroker.error.GatewayException the mapped Bedrock failure
     */
    public NormalizedResponse converse(NormalizedRequest request, String modelId, String id) {
        try {
            return ConverseResponses.toIr(
                    client.converse(ConverseRequests.toConverse(request, modelId)), id, request.model());
        } catch (SdkException e) {
            throw BedrockErrors.map(e);
        }
    }
}
