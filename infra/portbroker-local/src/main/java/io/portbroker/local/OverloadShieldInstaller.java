package io.portbroker.local;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.protocol.codec.ClientDialect;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * Puts an {@link OverloadShield} behind the HTTP/1.1 codec of every connection of the local server, so calls over
 * the in-flight bound are refused before Micronaut reads their body.
 */
@Singleton
public class OverloadShieldInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private final Provider<InFlightLimit> limit;
    private final Provider<ClientDialect> client;
    private volatile Refusals refusals;

    public OverloadShieldInstaller(Provider<InFlightLimit> limit, Provider<ClientDialect> client) {
        this.limit = limit;
        this.client = client;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    /** One {@link Refusals} for every connection, made on the first (the beans are not needed before). */
    private Refusals refusals() {
        Refusals shared = refusals;
        if (shared == null) {
            shared = new Refusals(limit.get(), client.get());
            refusals = shared;
        }
        return shared;
    }

    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        private Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel ch, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(ch) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null
                    && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline()
                        .addAfter(
                                ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC,
                                OverloadShield.NAME,
                                new OverloadShield(limit.get(), refusals()));
            }
        }
    }
}
