package io.portbroker.local.stream;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.portbroker.fn.gateway.ReactiveStreamBodies;
import io.portbroker.fn.gateway.StreamBodies;
import io.portbroker.fn.gateway.StreamBody;
import jakarta.inject.Singleton;

/**
 * The local server's stream bodies: a {@link ChannelStreamBody} on the request's own Netty channel (one hand-off to
 * its event loop per batch of frames); a request that did not come through Netty gets the reactive body.
 */
@Singleton
@Replaces(ReactiveStreamBodies.class)
public class NettyStreamBodies implements StreamBodies {
    private final ReactiveStreamBodies reactive = new ReactiveStreamBodies();

    @Override
    public StreamBody open(HttpRequest<?> request, Runnable onClientGone) {
        if (request instanceof NettyHttpRequest<?> netty) {
            return ChannelStreamBody.open(
                    netty.getChannelHandlerContext().channel(), ReactiveStreamBodies.MAX_BUFFERED_BYTES, onClientGone);
        }
        return reactive.open(request, onClientGone);
    }
}
