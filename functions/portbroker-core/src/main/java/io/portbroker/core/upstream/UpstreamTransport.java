package io.portbroker.core.upstream;

/** Port: sends a request to a provider and returns once the response headers have arrived. */
public interface UpstreamTransport {

    /**
     * Sends the call.
     *
     * @throws io.portbroker.error.ProviderConnectionError when the connection fails or is refused
     * @throws io.portbroker.error.ProviderTimeoutError when connect or headers time out
     */
    UpstreamResponse send(UpstreamCall call);
}
