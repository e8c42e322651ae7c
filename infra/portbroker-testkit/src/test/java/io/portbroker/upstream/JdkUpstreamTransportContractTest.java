package io.portbroker.upstream;

import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.UpstreamTransport;
import java.util.concurrent.Executors;

/** The transport contract against the JDK HTTP client. */
class JdkUpstreamTransportContractTest extends UpstreamTransportContract {
    @Override
    UpstreamTransport transport(GuardedDnsResolver guard) {
        return new JdkUpstreamTransport(Executors.newVirtualThreadPerTaskExecutor(), guard);
    }
}
