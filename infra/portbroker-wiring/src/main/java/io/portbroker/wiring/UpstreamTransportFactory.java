package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.upstream.JdkUpstreamTransport;
import io.portbroker.upstream.SocketUpstreamTransport;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;

/** The provider HTTP client chosen by {@code portbroker.upstream.client} (sockets by default). */
@Factory
public class UpstreamTransportFactory {

    @Singleton
    UpstreamTransport upstreamTransport(GuardedDnsResolver guard, UpstreamLimitsConfiguration upstream) {
        return switch (upstream.toClientKind()) {
            case SOCKETS -> new SocketUpstreamTransport(guard);
            case JDK -> new JdkUpstreamTransport(Executors.newVirtualThreadPerTaskExecutor(), guard);
        };
    }
}
