package io.portbroker.core.upstream;

import java.net.URI;
import java.util.Locale;

/**
 * Where a credential may be sent: scheme, host and port (the default port made explicit), as browsers define an
 * origin. A stored provider key is bound to it, so moving a provider to another host needs the key again.
 */
public record Origin(String scheme, String host, int port) {

    /**
     * The origin of an absolute http(s) URL.
     *
     * @throws IllegalArgumentException when the URL has no scheme or host
     */
    public static Origin of(URI url) {
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("an origin needs an absolute URL");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort() >= 0 ? url.getPort() : "https".equals(scheme) ? 443 : 80;
        return new Origin(scheme, url.getHost().toLowerCase(Locale.ROOT), port);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
