package io.portbroker.upstream;

import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.UpstreamTransport;

/** The transport contract against the blocking socket client. */
class SocketUpstreamTransportContractTest extends UpstreamTransportContract {
    @Override
    UpstreamTransport transport(GuardedDnsResolver guard) {
        return new SocketUpstreamTransport(guard);
    }
}
