package io.portbroker.local;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.portbroker.core.settings.Settings;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.ClientDialect;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Puts a {@link RequestReadDeadline} ({@code portbroker.security.edge.request-read-timeout}) around the HTTP codec
 * of every HTTP/1 connection the local Netty server accepts (Lambda has no Netty server: API Gateway reads requests).
 */
@Singleton
public class RequestReadDeadlineInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String CODEC = "http-server-codec";

    private final Duration timeout;
    private final byte[] body;

    public RequestReadDeadlineInstaller(Settings settings, ClientDialect client) {
        this.timeout = settings.security().edge().requestReadTimeout();
        this.body = client.encodeError(
                new InvalidRequestError("the request was not received within " + timeout.toMillis() + " ms"),
                "req_read_timeout");
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new NettyServerCustomizer() {
            @Override
            public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
                return role == ChannelRole.CONNECTION ? connection(channel) : this;
            }
        });
        return event.getBean();
    }

    private NettyServerCustomizer connection(Channel channel) {
        return new NettyServerCustomizer() {
            @Override
            public void onStreamPipelineBuilt() {
                if (channel.pipeline().get(CODEC) == null) {
                    return; // HTTP/2 has no such codec; the local server speaks HTTP/1.1
                }
                RequestReadDeadline deadline = new RequestReadDeadline(timeout, body);
                channel.pipeline().addBefore(CODEC, "pb-request-deadline-raw", deadline.rawSide());
                channel.pipeline().addAfter(CODEC, "pb-request-deadline-http", deadline.httpSide());
            }
        };
    }
}
