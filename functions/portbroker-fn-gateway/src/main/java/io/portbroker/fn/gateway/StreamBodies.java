package io.portbroker.fn.gateway;

import io.micronaut.http.HttpRequest;

/**
 * Opens the body of a streamed response on the server that received {@code request}. The default is
 * {@link ReactiveStreamBodies} (a publisher any Micronaut server subscribes to); a server can put a direct writer in
 * its place (the local stack writes to its Netty channel).
 */
public interface StreamBodies {

    /**
     * @param onClientGone runs once if the client goes away before the body ended
     */
    StreamBody open(HttpRequest<?> request, Runnable onClientGone);
}
