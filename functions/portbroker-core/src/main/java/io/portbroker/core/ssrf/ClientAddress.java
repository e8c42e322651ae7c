package io.portbroker.core.ssrf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The caller's address as a server behind zero or more trusted reverse proxies sees it. The socket peer is the
 * only address nobody can forge; {@code X-Forwarded-For} is believed only when that peer is a trusted proxy, and
 * then only from the right: each trusted proxy appends the address it received the request from, so the
 * right-most entry that is not itself a trusted proxy is the first one no trusted party vouches past. Anything to
 * its left was written by the client. An entry that is not an IP literal stops the walk (the chain is broken
 * there) and the last address vouched for is used. Thread-safe.
 */
public final class ClientAddress {
    /** Longer headers are not parsed: a proxy chain is a handful of hops. */
    private static final int MAX_HEADER_CHARS = 2048;
    /** Compiled once: every request resolves its peer (two patterns compiled per request showed in the profile). */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Cidr> trustedProxies;

    /** @param trustedProxies ranges of the proxies in front of the server; empty to trust none */
    public ClientAddress(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * The caller's address.
     *
     * @param peer the socket peer (an IP literal)
     * @param forwardedFor the {@code X-Forwarded-For} header values in order (several headers are one list)
     * @return the canonical address, or {@code peer} as given when it is not an IP literal
     */
    public String resolve(String peer, List<String> forwardedFor) {
        Optional<InetAddress> current = parse(peer);
        if (current.isEmpty() || !trusted(current.get())) {
            return current.map(InetAddress::getHostAddress).orElse(peer);
        }
        List<String> hops = hops(forwardedFor);
        InetAddress vouched = current.get();
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = parse(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            vouched = hop.get();
            if (!trusted(vouched)) {
                break;
            }
        }
        return vouched.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<String> hops(List<String> headers) {
        List<String> hops = new ArrayList<>();
        int chars = 0;
        for (String header : headers) {
            chars += header.length();
            if (chars > MAX_HEADER_CHARS) {
                return List.of();
            }
            for (String hop : header.split(",", -1)) {
                hops.add(hop.strip());
            }
        }
        return hops;
    }

    private static Optional<InetAddress> parse(String text) {
        // dotted-quad IPv4 or IPv6 only: no WHATWG shorthand (a bare number, octal) from a client header
        boolean ipv4 = text != null && IPV4.matcher(text).matches();
        boolean ipv6 = !ipv4
                && text != null
                && text.length() <= 45
                && IPV6.matcher(text).matches();
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return IpLiterals.parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
