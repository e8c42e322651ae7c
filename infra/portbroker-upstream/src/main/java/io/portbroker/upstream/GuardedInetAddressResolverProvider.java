package io.portbroker.upstream;

import io.portbroker.core.ssrf.ForbiddenAddressException;
import io.portbroker.core.ssrf.UrlPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM's name resolver with the SSRF rules applied to provider hosts (registered in
 * {@code META-INF/services/java.net.spi.InetAddressResolverProvider}). The transport's pre-check resolves a
 * provider's name and vets it, but the JDK HTTP client resolves the name again when it connects; a DNS answer that
 * changes in between (rebinding) would reach an address nobody checked. Here the very lookup the client connects
 * with is checked: a forbidden address makes the lookup fail, so no connection is opened. Other names resolve as
 * the built-in resolver answers.
 */
public final class GuardedInetAddressResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy lookupPolicy)
                    throws UnknownHostException {
                UrlPolicy rules = GuardedResolution.rulesFor(host);
                if (rules == null) {
                    return builtin.lookupByName(host, lookupPolicy);
                }
                List<InetAddress> addresses =
                        builtin.lookupByName(host, lookupPolicy).toList();
                try {
                    rules.checkResolved(host, addresses);
                } catch (ForbiddenAddressException e) {
                    throw new UnknownHostException("refused by the SSRF policy");
                }
                return addresses.stream();
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "portbroker-ssrf-guard";
    }
}
