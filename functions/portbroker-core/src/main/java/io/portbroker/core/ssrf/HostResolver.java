package io.portbroker.core.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Resolves a host name to all its addresses; injectable so tests never touch real DNS. */
@FunctionalInterface
public interface HostResolver {

    /**
     * Every A and AAAA address of the host.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
