package io.portbroker.core.ssrf;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.Arrays;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}.
 *
 * @param network the network address bytes (4 or 16)
 * @param prefixLength leading bits that must match
 */
public record Cidr(byte[] network, int prefixLength) {

    /**
     * @throws IllegalArgumentException when the prefix is longer than the address
     */
    public Cidr {
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("CIDR prefix out of range");
        }
    }

    /**
     * Parses {@code address/prefix} (a bare address means a single host).
     *
     * @throws IllegalArgumentException when the text is not a literal address range
     */
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("not a CIDR: " + text);
        }
        byte[] address = IpLiterals.parse(parts[0])
                .orElseThrow(() -> new IllegalArgumentException("not a CIDR: " + text))
                .getAddress();
        try {
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
            return new Cidr(address, prefix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a CIDR: " + text, e);
        }
    }

    /** Whether the address lies in the range (an IPv4 address never matches an IPv6 range and vice versa). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int shift = bytes.length * 8 - prefixLength;
        return new BigInteger(1, bytes).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.prefixLength == prefixLength && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return IpLiterals.format(network) + "/" + prefixLength;
    }
}
