package io.portbroker.upstream;

import java.util.Locale;

/**
 * Which HTTP client calls providers ({@code portbroker.upstream.client}): {@link #SOCKETS}, the blocking
 * HTTP/1.1 client on the request's thread (the default: measured faster, see README's performance section), or
 * {@link #JDK}, the JDK HTTP client (HTTP/2 over TLS).
 */
public enum UpstreamClientKind {
    SOCKETS,
    JDK;

    /**
     * The kind named by {@code text} (case-insensitive).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static UpstreamClientKind parse(String text) {
        for (UpstreamClientKind k : values()) {
            if (k.name().equalsIgnoreCase(text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("must be sockets or jdk");
    }

    /** The setting's spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
