package io.portbroker.core.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads IP literals the way browsers and curl do (WHATWG URL host parsing), so every spelling of an address is
 * recognised: {@code 127.0.0.1}, {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1}, {@code 127.1},
 * {@code [::ffff:127.0.0.1]}. Never does a DNS lookup.
 */
final class IpLiterals {

    private IpLiterals() {}

    /**
     * The address a host string denotes when it is an IP literal; empty when it is a DNS name.
     *
     * @throws IllegalArgumentException when it looks numeric but is not a valid address (e.g. {@code 1.2.3.999})
     */
    static Optional<InetAddress> parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.indexOf(':') >= 0) {
            return Optional.of(ipv6(h));
        }
        return looksNumeric(h) ? Optional.of(ipv4(h)) : Optional.empty();
    }

    /** WHATWG: a host whose last label is a number (decimal, octal or hex) is an IPv4 address. */
    private static boolean looksNumeric(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
        return !last.isEmpty() && (last.chars().allMatch(Character::isDigit) || last.matches("(?i)0x[0-9a-f]*"));
    }

    private static InetAddress ipv4(String host) {
        String trimmed = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = trimmed.split("\\.", -1);
        if (parts.length > 4) {
            throw new IllegalArgumentException("invalid IPv4 address");
        }
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = number(parts[i]);
        }
        long value = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (numbers[i] > 255) {
                throw new IllegalArgumentException("invalid IPv4 address");
            }
            value = (value << 8) | numbers[i];
        }
        int lastBits = 8 * (5 - parts.length);
        long last = numbers[parts.length - 1];
        if (last >= (1L << lastBits)) {
            throw new IllegalArgumentException("invalid IPv4 address");
        }
        value = (value << lastBits) | last;
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return byAddress(bytes);
    }

    private static long number(String part) {
        try {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("invalid IPv4 address");
            }
            if (part.length() > 1 && (part.startsWith("0x") || part.startsWith("0X"))) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid IPv4 address", e);
        }
    }

    private static InetAddress ipv6(String literal) {
        // a zone id (fe80::1%eth0) has no place in a provider URL
        if (!literal.matches("[0-9A-Fa-f:.]+")) {
            throw new IllegalArgumentException("invalid IPv6 address");
        }
        try {
            // a string with ':' is parsed as a literal by the JDK, never looked up in DNS
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("invalid IPv6 address", e);
        }
    }

    private static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4-byte address rejected", e);
        }
    }

    static String format(byte[] bytes) {
        return byAddress(bytes).getHostAddress();
    }
}
