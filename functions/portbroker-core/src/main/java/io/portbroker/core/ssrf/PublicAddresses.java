package io.portbroker.core.ssrf;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Decides whether an address is globally routable. Everything else (private, loopback, link-local including the
 * cloud metadata address 169.254.169.254, unspecified, multicast, CGNAT, documentation, benchmarking and reserved
 * ranges) is refused, and IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by
 * the embedded address.
 */
final class PublicAddresses {

    private static final List<Cidr> NON_PUBLIC_V4 = ranges(
            "0.0.0.0/8", // "this network", includes the unspecified address
            "10.0.0.0/8",
            "100.64.0.0/10", // carrier-grade NAT
            "127.0.0.0/8",
            "169.254.0.0/16", // link-local, cloud metadata
            "172.16.0.0/12",
            "192.0.0.0/24",
            "192.0.2.0/24",
            "192.88.99.0/24",
            "192.168.0.0/16",
            "198.18.0.0/15",
            "198.51.100.0/24",
            "203.0.113.0/24",
            "224.0.0.0/4", // multicast
            "240.0.0.0/4"); // reserved and broadcast

    private static final List<Cidr> NON_PUBLIC_V6 = ranges(
            "::/128",
            "::1/128",
            "100::/64", // discard
            "2001::/23", // IETF protocol assignments, includes Teredo
            "2001:db8::/32",
            "fc00::/7", // unique local
            "fe80::/10", // link-local
            "fec0::/10", // old site-local
            "ff00::/8"); // multicast

    private static final Cidr COMPATIBLE = Cidr.parse("::/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        if (address instanceof Inet4Address) {
            return NON_PUBLIC_V4.stream().noneMatch(r -> r.contains(address));
        }
        if (!(address instanceof Inet6Address)) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (mapped(bytes) || COMPATIBLE.contains(address) || NAT64.contains(address)) {
            return isPublic(v4(Arrays.copyOfRange(bytes, 12, 16)));
        }
        if (SIX_TO_FOUR.contains(address)) {
            return isPublic(v4(Arrays.copyOfRange(bytes, 2, 6)));
        }
        return NON_PUBLIC_V6.stream().noneMatch(r -> r.contains(address));
    }

    /**
     * {@code ::ffff:a.b.c.d}. The JDK already turns parsed mapped literals into {@link Inet4Address}; this catches
     * an {@link Inet6Address} built from raw bytes.
     */
    private static boolean mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static InetAddress v4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4-byte address rejected", e);
        }
    }

    private static List<Cidr> ranges(String... cidrs) {
        return Arrays.stream(cidrs).map(Cidr::parse).toList();
    }
}
