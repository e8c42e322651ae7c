package io.portbroker.core.ssrf;

import io.portbroker.error.InvalidRequestError;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates provider base URLs against server-side request forgery: {@code https} only (plain {@code http} for
 * listed hosts), no userinfo, fragment or query, and a host whose every address is public unless the operator
 * allowed that host or range. Literal IPs in any spelling (decimal, octal, hex, shortened, IPv4-mapped IPv6) are
 * recognised. Thread-safe.
 */
public final class UrlPolicy {

    private final UrlPolicyConfig config;
    private final HostResolver resolver;

    public UrlPolicy(UrlPolicyConfig config, HostResolver resolver) {
        this.config = config;
        this.resolver = resolver;
    }

    /**
     * Checks a URL an admin is saving, resolving its host.
     *
     * @return the parsed URL with a lower-case scheme and host
     * @throws InvalidRequestError naming the rule that failed (never echoing the URL, which may hold secrets)
     */
    public URI checkOnSave(String url) {
        return check(url, true);
    }

    /**
     * Checks a URL from a config file being seeded: as {@link #checkOnSave}, except that a host that does not
     * resolve passes, so a local stack can start offline. Connect-time checks still resolve and vet it.
     *
     * @return the parsed URL with a lower-case scheme and host
     * @throws InvalidRequestError naming the rule that failed
     */
    public URI checkOnSeed(String url) {
        return check(url, false);
    }

    private URI check(String url, boolean mustResolve) {
        URI uri = checkSyntax(url);
        try {
            checkAddresses(uri.getHost());
        } catch (UnknownHostException e) {
            if (mustResolve) {
                throw new InvalidRequestError("base URL host does not resolve");
            }
        } catch (ForbiddenAddressException e) {
            throw new InvalidRequestError("base URL resolves to a non-public address");
        }
        return uri;
    }

    /**
     * Checks the form of a URL without resolving it (scheme, userinfo, literal IPs).
     *
     * @throws InvalidRequestError naming the rule that failed
     */
    public URI checkSyntax(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidRequestError("base URL is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String rawAuthority = uri.getRawAuthority();
        String host = uri.getHost();
        // java.net.URI puts "a@b@c" into the authority without a host split; refuse any '@' outright
        if (uri.getRawUserInfo() != null || (rawAuthority != null && rawAuthority.indexOf('@') >= 0)) {
            throw new InvalidRequestError("base URL must not contain credentials");
        }
        if (host == null && rawAuthority != null) {
            // java.net.URI leaves the host unset for numeric spellings such as 127.1 or 1.2.3.999; judge them
            // as addresses so the answer names the real problem, then refuse (the client could not connect anyway)
            checkLiteral(authorityHost(rawAuthority));
        }
        if (!uri.isAbsolute() || uri.isOpaque() || host == null || host.isEmpty()) {
            throw new InvalidRequestError("base URL must be an absolute http(s) URL with a host");
        }
        if (uri.getRawFragment() != null || uri.getRawQuery() != null) {
            throw new InvalidRequestError("base URL must not have a query or fragment");
        }
        String lowerHost = host.toLowerCase(Locale.ROOT);
        boolean plainAllowed = config.plainHttpHosts().contains(lowerHost);
        if (!"https".equals(scheme) && !("http".equals(scheme) && plainAllowed)) {
            throw new InvalidRequestError("base URL must use https");
        }
        checkLiteral(lowerHost);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return URI.create(scheme + "://" + rawAuthority.toLowerCase(Locale.ROOT) + path);
    }

    private void checkLiteral(String host) {
        String lowerHost = host.toLowerCase(Locale.ROOT);
        Optional<InetAddress> literal;
        try {
            literal = IpLiterals.parse(lowerHost);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("base URL host is not a valid address");
        }
        if (literal.isPresent() && !permitted(lowerHost, literal.get())) {
            throw new InvalidRequestError("base URL points to a non-public address");
        }
    }

    /** The host part of an authority that has no userinfo: drops a trailing {@code :port}. */
    private static String authorityHost(String authority) {
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /**
     * Resolves the host and checks every address; the caller connects only to what this returns.
     *
     * @return the permitted addresses (all of them: one bad address fails the whole host)
     * @throws UnknownHostException when the host does not resolve
     * @throws ForbiddenAddressException when any address is not permitted
     */
    public List<InetAddress> checkAddresses(String host) throws UnknownHostException {
        String lowerHost = host.toLowerCase(Locale.ROOT);
        Optional<InetAddress> literal = IpLiterals.parse(lowerHost);
        List<InetAddress> addresses = literal.isPresent() ? List.of(literal.get()) : resolver.resolve(lowerHost);
        if (addresses.isEmpty()) {
            throw new UnknownHostException("no addresses");
        }
        checkResolved(lowerHost, addresses);
        return List.copyOf(addresses);
    }

    /**
     * Checks addresses someone else resolved for {@code host} (the JVM's own lookup, see the upstream module's
     * resolver provider), so the rule applies to the address actually connected.
     *
     * @throws ForbiddenAddressException when any address is not permitted
     */
    public void checkResolved(String host, List<InetAddress> addresses) {
        String lowerHost = host.toLowerCase(Locale.ROOT);
        for (InetAddress address : addresses) {
            if (!permitted(lowerHost, address)) {
                throw new ForbiddenAddressException();
            }
        }
    }

    private boolean permitted(String host, InetAddress address) {
        return config.allowedHosts().contains(host)
                || PublicAddresses.isPublic(address)
                || config.allowedRanges().stream().anyMatch(r -> r.contains(address));
    }
}
