package io.portbroker.core.upstream;

import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.time.Duration;

/**
 * One attempt's call to an {@link UpstreamClient}.
 *
 * @param request the IR request
 * @param provider the provider (its region, model id and endpoint for SDK-backed dialects, and its time limits)
 * @param target the upstream model and capability profile the request goes to
 * @param messageId the id the answer carries
 * @param requestId the gateway's request id, for the upstream's logs where the client can send it
 * @param headersTimeout how long to wait for the upstream to accept a stream (first-token limit, cut to the deadline)
 */
public record ClientCall(
        NormalizedRequest request,
        ProviderConfig provider,
        UpstreamTarget target,
        String messageId,
        String requestId,
        Duration headersTimeout) {}
