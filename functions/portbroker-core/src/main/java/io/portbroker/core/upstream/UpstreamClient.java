package io.portbroker.core.upstream;

import io.portbroker.protocol.ir.NormalizedResponse;

/**
 * Port: an upstream reached through a client library that takes the IR itself (Amazon Bedrock through the AWS SDK,
 * which signs its own requests) instead of an HTTP request built by an {@link io.portbroker.protocol.codec
 * .UpstreamDialect}. Chosen per provider dialect; the orchestration around it (breakers, retries, cool-downs,
 * hedging, failover, metrics, usage, cache) is the same as for HTTP upstreams. Implementations are thread-safe.
 */
public interface UpstreamClient {

    /** The provider dialect this client serves, e.g. {@code bedrock-converse}. */
    String dialect();

    /**
     * Sends a non-streamed call and waits for the whole answer.
     *
     * @throws io.portbroker.error.GatewayException the mapped upstream failure (throttling as a rate limit with its
     *     pause, a refused request as a 400, a time-out as a provider time-out)
     */
    NormalizedResponse complete(ClientCall call);

    /**
     * Opens a streamed call and returns once the upstream accepted it (the equivalent of response headers), within
     * the call's headers timeout; the events then arrive through {@link UpstreamEvents#next()}.
     *
     * @throws io.portbroker.error.GatewayException the mapped upstream failure, before anything was streamed
     */
    UpstreamEvents stream(ClientCall call);
}
