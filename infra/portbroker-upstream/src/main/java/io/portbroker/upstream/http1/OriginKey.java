package io.portbroker.upstream.http1;

import java.net.URI;
import java.util.Locale;

/** Where a pooled connection leads: scheme, host and port (a connection is reused only for the same origin). */
public record OriginKey(boolean tls, String host, int port) {

    /** The origin of {@code url}, with the scheme's default port when none is given. */
    public static OriginKey of(URI url) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
        return new OriginKey(tls, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    /** The value of the {@code Host} request header. */
    public String hostHeader() {
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return port == (tls ? 443 : 80) ? h : h + ":" + port;
    }
}
