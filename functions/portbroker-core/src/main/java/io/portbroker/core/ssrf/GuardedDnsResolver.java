package io.portbroker.core.ssrf;

import io.portbroker.error.ProviderConnectionError;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The connect-time half of the SSRF guard: the upstream transport calls {@link #resolve(URI)} immediately before
 * each connection, so a name that pointed to a public address when the provider was saved but now points inside
 * (DNS rebinding) is refused. Thread-safe.
 */
public final class GuardedDnsResolver {

    private final UrlPolicy policy;

    public GuardedDnsResolver(UrlPolicy policy) {
        this.policy = policy;
    }

    /**
     * The vetted addresses of the URL's host.
     *
     * @throws ProviderConnectionError with a generic message when the host does not resolve or any of its
     *     addresses is not permitted (the client sees a 502 that says nothing about the internal network)
     */
    /** The address rules, for a resolver that checks the JVM's own lookups of provider hosts. */
    public UrlPolicy policy() {
        return policy;
    }

    public List<InetAddress> resolve(URI url) {
        String host = url.getHost();
        if (host == null) {
            throw new ProviderConnectionError("the provider could not be reached");
        }
        try {
            return policy.checkAddresses(host);
        } catch (UnknownHostException | ForbiddenAddressException | IllegalArgumentException e) {
            throw new ProviderConnectionError("the provider could not be reached");
        }
    }
}
